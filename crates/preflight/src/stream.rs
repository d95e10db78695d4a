//! The layers a channel's bytes go through, all push-based: the file's magic bytes decide
//! between plain and gzip (`flate2`'s write-side `MultiGzDecoder`: concatenated members are
//! one stream); the first bytes of the data decide its format (CSV, Parquet, or something
//! neither); then the CSV scanner or the Parquet tail takes the rest.
//!
//! Compressed bytes reach the decoder in fixed 64 KiB blocks whatever the caller's chunks,
//! so even the offset of a gzip error does not depend on how the file was cut.

use std::io::{self, Write};

use flate2::write::MultiGzDecoder;

use crate::csv_scan::CsvScan;
use crate::parquet_footer::{ParquetInfo, ParquetTail, Unreadable};

/// Bytes looked at before deciding what the data is.
pub const SNIFF_BYTES: usize = 4096;
const GZIP_BLOCK: usize = 64 * 1024;

/// What the (decompressed) data turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    Empty,
    Csv,
    Parquet,
    /// A ZIP archive (an Excel workbook is one).
    Zip,
    /// Gzip data inside the gzip data (compressed twice), or where none was expected.
    Gzip,
    /// UTF-16 text (a byte-order mark FF FE or FE FF).
    Utf16,
    /// A NUL byte at this offset of the data: not text.
    Binary {
        offset: u64,
    },
}

enum Body {
    Sniff(Vec<u8>),
    Csv(Box<CsvScan>),
    Parquet(ParquetTail),
    Other,
}

/// The data after decompression.
pub struct Inner {
    body: Body,
    content: Option<Content>,
    bom: bool,
    bytes: u64,
    target: Option<String>,
    weight: Option<String>,
}

impl Default for Inner {
    fn default() -> Self {
        Inner::new(None, None)
    }
}

/// What the data layer learnt.
pub struct InnerResult {
    pub content: Content,
    pub bytes: u64,
    /// A UTF-8 byte-order mark started the text (it is skipped, as pandas does).
    pub bom: bool,
    pub csv: Option<Box<CsvScan>>,
    pub parquet: Option<Result<ParquetInfo, Unreadable>>,
}

impl Inner {
    pub fn new(target: Option<&str>, weight: Option<&str>) -> Inner {
        Inner {
            body: Body::Sniff(Vec::new()),
            content: None,
            bom: false,
            bytes: 0,
            target: target.map(String::from),
            weight: weight.map(String::from),
        }
    }

    pub fn content(&self) -> Option<Content> {
        self.content
    }

    pub fn push(&mut self, mut bytes: &[u8]) {
        self.bytes += bytes.len() as u64;
        if let Body::Sniff(buf) = &mut self.body {
            let take = (SNIFF_BYTES - buf.len()).min(bytes.len());
            buf.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            // Parquet is known by its first four bytes, so that a reader may skip to the
            // footer at once; text needs more to be told from binary.
            if buf.len() < SNIFF_BYTES && !(buf.len() >= 4 && buf.starts_with(b"PAR1")) {
                return;
            }
            self.decide();
        }
        self.body_push(bytes);
    }

    fn body_push(&mut self, bytes: &[u8]) {
        match &mut self.body {
            Body::Csv(scan) => scan.feed(bytes),
            Body::Parquet(tail) => tail.push(bytes),
            Body::Sniff(_) | Body::Other => {}
        }
    }

    fn decide(&mut self) {
        let Body::Sniff(buf) = std::mem::replace(&mut self.body, Body::Other) else {
            return;
        };
        let content = if buf.is_empty() {
            Content::Empty
        } else if buf.starts_with(b"PAR1") {
            Content::Parquet
        } else if buf.starts_with(b"PK\x03\x04") {
            Content::Zip
        } else if buf.starts_with(&[0x1f, 0x8b]) {
            Content::Gzip
        } else if buf.starts_with(&[0xff, 0xfe]) || buf.starts_with(&[0xfe, 0xff]) {
            Content::Utf16
        } else if let Some(at) = buf.iter().position(|&b| b == 0) {
            Content::Binary { offset: at as u64 }
        } else {
            Content::Csv
        };
        self.content = Some(content);
        match content {
            Content::Csv => {
                let mut scan =
                    Box::new(CsvScan::new(self.target.as_deref(), self.weight.as_deref()));
                let text = match buf.strip_prefix(b"\xef\xbb\xbf") {
                    Some(rest) => {
                        self.bom = true;
                        rest
                    }
                    None => &buf[..],
                };
                scan.feed(text);
                self.body = Body::Csv(scan);
            }
            Content::Parquet => {
                let mut tail = ParquetTail::default();
                tail.push(&buf);
                self.body = Body::Parquet(tail);
            }
            _ => self.body = Body::Other,
        }
    }

    /// A reader that can seek continues a Parquet file at `offset`.
    pub fn skip_to(&mut self, offset: u64) -> bool {
        if let Body::Parquet(tail) = &mut self.body {
            tail.skip_to(offset);
            self.bytes = offset;
            true
        } else {
            false
        }
    }

    /// Data known to be neither CSV nor Parquet: the rest, up to `total` bytes, is counted
    /// without being looked at.
    fn skip_rest(&mut self, total: u64) -> bool {
        if matches!(self.body, Body::Other) && total >= self.bytes {
            self.bytes = total;
            true
        } else {
            false
        }
    }

    pub fn finish(mut self) -> InnerResult {
        if matches!(self.body, Body::Sniff(_)) {
            self.decide();
        }
        let content = self.content.unwrap_or(Content::Empty);
        let (csv, parquet) = match self.body {
            Body::Csv(mut scan) => {
                scan.finish();
                (Some(scan), None)
            }
            Body::Parquet(tail) => (None, Some(tail.finish())),
            _ => (None, None),
        };
        InnerResult {
            content,
            bytes: self.bytes,
            bom: self.bom,
            csv,
            parquet,
        }
    }
}

impl Write for Inner {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.push(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Why gzip data could not be read to its end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GzError {
    /// Compressed bytes read without error before it.
    pub offset: u64,
    /// The data ends before the gzip stream does (or its checksum fails at the end).
    pub at_end: bool,
    pub reason: String,
}

struct GzFront {
    decoder: MultiGzDecoder<Inner>,
    pending: Vec<u8>,
    consumed: u64,
    error: Option<GzError>,
}

impl GzFront {
    fn push(&mut self, mut bytes: &[u8]) {
        if self.error.is_some() {
            return;
        }
        if !self.pending.is_empty() {
            let take = (GZIP_BLOCK - self.pending.len()).min(bytes.len());
            self.pending.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if self.pending.len() < GZIP_BLOCK {
                return;
            }
            let block = std::mem::take(&mut self.pending);
            self.write_block(&block);
            self.pending = block;
            self.pending.clear();
        }
        while bytes.len() >= GZIP_BLOCK {
            self.write_block(&bytes[..GZIP_BLOCK]);
            bytes = &bytes[GZIP_BLOCK..];
        }
        self.pending.extend_from_slice(bytes);
    }

    fn write_block(&mut self, mut block: &[u8]) {
        let mut stalls = 0;
        while !block.is_empty() && self.error.is_none() {
            match self.decoder.write(block) {
                Ok(0) => {
                    stalls += 1;
                    if stalls > 3 {
                        self.error = Some(GzError {
                            offset: self.consumed,
                            at_end: false,
                            reason: "the decoder cannot go on".to_string(),
                        });
                    }
                }
                Ok(n) => {
                    let n = n.min(block.len());
                    block = &block[n..];
                    self.consumed += n as u64;
                    stalls = 0;
                }
                Err(err) => {
                    self.error = Some(GzError {
                        offset: self.consumed,
                        at_end: false,
                        reason: err.to_string(),
                    })
                }
            }
        }
    }

    fn finish(mut self) -> (InnerResult, Option<GzError>) {
        let pending = std::mem::take(&mut self.pending);
        if self.error.is_none() {
            self.write_block(&pending);
        }
        if self.error.is_none() {
            if let Err(err) = self.decoder.try_finish() {
                self.error = Some(GzError {
                    offset: self.consumed,
                    at_end: true,
                    reason: err.to_string(),
                });
            }
        }
        let inner = std::mem::take(self.decoder.get_mut());
        (inner.finish(), self.error)
    }
}

enum Outer {
    Start(Vec<u8>, Inner),
    Plain(Inner),
    Gzip(Box<GzFront>),
}

/// A channel file's bytes, from the first to the last.
pub struct Stream {
    outer: Outer,
    raw: u64,
}

/// What the whole stream learnt.
pub struct StreamResult {
    /// Bytes of the file.
    pub raw_bytes: u64,
    /// The file is gzip.
    pub gzip: bool,
    pub gzip_error: Option<GzError>,
    pub inner: InnerResult,
}

impl Stream {
    pub fn new(target: Option<&str>, weight: Option<&str>) -> Stream {
        Stream {
            outer: Outer::Start(Vec::new(), Inner::new(target, weight)),
            raw: 0,
        }
    }

    pub fn bytes_read(&self) -> u64 {
        self.raw
    }

    /// What the data is, once enough of it has been read to tell.
    pub fn content(&self) -> Option<Content> {
        match &self.outer {
            Outer::Start(..) => None,
            Outer::Plain(inner) => inner.content(),
            Outer::Gzip(front) => front.decoder.get_ref().content(),
        }
    }

    /// Whether the file is gzip, once its first two bytes are read.
    pub fn is_gzip(&self) -> Option<bool> {
        match &self.outer {
            Outer::Start(..) => None,
            Outer::Plain(_) => Some(false),
            Outer::Gzip(_) => Some(true),
        }
    }

    pub fn push(&mut self, bytes: &[u8]) {
        self.raw += bytes.len() as u64;
        let mut bytes = bytes;
        if let Outer::Start(head, _) = &mut self.outer {
            let take = (2 - head.len()).min(bytes.len());
            head.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if head.len() < 2 {
                return;
            }
            self.decide();
        }
        self.outer_push(bytes);
    }

    fn outer_push(&mut self, bytes: &[u8]) {
        match &mut self.outer {
            Outer::Plain(inner) => inner.push(bytes),
            Outer::Gzip(front) => front.push(bytes),
            Outer::Start(..) => {}
        }
    }

    fn decide(&mut self) {
        let outer = std::mem::replace(&mut self.outer, Outer::Plain(Inner::default()));
        let Outer::Start(head, inner) = outer else {
            self.outer = outer;
            return;
        };
        self.outer = if head == [0x1f, 0x8b] {
            Outer::Gzip(Box::new(GzFront {
                decoder: MultiGzDecoder::new(inner),
                pending: Vec::new(),
                consumed: 0,
                error: None,
            }))
        } else {
            Outer::Plain(inner)
        };
        self.outer_push(&head);
    }

    /// For an uncompressed Parquet file, a reader that can seek may go on from `offset`.
    pub fn skip_to(&mut self, offset: u64) -> bool {
        if offset < self.raw {
            return false;
        }
        if let Outer::Plain(inner) = &mut self.outer {
            if inner.skip_to(offset) {
                self.raw = offset;
                return true;
            }
        }
        false
    }

    /// A plain file whose data is neither CSV nor Parquet: its bytes up to `total` are
    /// counted as read.
    pub fn skip_rest(&mut self, total: u64) -> bool {
        if total < self.raw {
            return false;
        }
        if let Outer::Plain(inner) = &mut self.outer {
            if inner.skip_rest(total) {
                self.raw = total;
                return true;
            }
        }
        false
    }

    pub fn finish(mut self) -> StreamResult {
        if matches!(self.outer, Outer::Start(..)) {
            self.decide();
        }
        let raw_bytes = self.raw;
        match self.outer {
            Outer::Gzip(front) => {
                let (inner, gzip_error) = front.finish();
                StreamResult {
                    raw_bytes,
                    gzip: true,
                    gzip_error,
                    inner,
                }
            }
            Outer::Plain(inner) | Outer::Start(_, inner) => StreamResult {
                raw_bytes,
                gzip: false,
                gzip_error: None,
                inner: inner.finish(),
            },
        }
    }
}

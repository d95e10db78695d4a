//! `automl-job preflight REQUEST.json DATA...`: reads the data files (a Parquet file by its
//! footer only) through `automl-preflight` and prints what it finds. A `CreateAutoMLJobV2`
//! request is read as such (`automl_preflight::Plan`): its channels, its problem type's
//! columns, findings at its own members. Exit status: 0 the job
//! would start, 1 something in the data would fail it, 2 a file cannot be read, the
//! request is not JSON, or its data are images (image classification).

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::{Duration, SystemTime};

use automl_preflight::{ChannelResult, Finding, Plan, Preflight, Report};
use automl_rules::diag::Severity;
use automl_rules::json;
use automl_rules::rules::layout::Problem;

use crate::args::{Format, PreflightArgs};
use crate::{display_name, io_reason, read_input};

const CHUNK: usize = 1 << 20;

pub fn command(args: PreflightArgs) -> io::Result<u8> {
    let input = read_input(&args.request);
    let plan = match input.text.as_ref().map(|text| Plan::from_text(text)) {
        Ok(Ok(plan)) => plan,
        Ok(Err(why)) => {
            eprintln!("error: {} is not a JSON request: {why}", input.name);
            return Ok(2);
        }
        Err(message) => {
            eprintln!("error: {message}");
            return Ok(2);
        }
    };
    if plan.problem == Problem::ImageClassification {
        eprintln!(
            "error: {} is a CreateAutoMLJobV2 request for image classification: {}; nothing was checked",
            input.name,
            plan.not_checked().unwrap_or_default()
        );
        return Ok(2);
    }
    if args.data.len() > plan.channels.len() {
        let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        eprintln!(
            "error: {} for {} in the request's {}: give one file per channel, training first",
            count(args.data.len(), "data file"),
            count(plan.channels.len(), "channel"),
            plan.channel_list(),
        );
        return Ok(2);
    }
    let mut results = Vec::new();
    let mut unreadable = Vec::new();
    let mut changed = Vec::new();
    // No DATA: every channel is read where its S3Uri points (src/s3.rs).
    let from_s3 = args.data.is_empty();
    if from_s3 {
        let request = input
            .text
            .as_deref()
            .ok()
            .and_then(|text| json::parse(text.strip_prefix('\u{feff}').unwrap_or(text)).ok());
        let read = crate::s3::read_channels(&plan, request.as_ref());
        results = read.results;
        unreadable = read.unreadable;
    }
    for (slot, path) in args.data.iter().enumerate() {
        let name = display_name(path);
        match read_channel(&plan, slot, path, &name) {
            Ok((result, still_changing)) => {
                if still_changing {
                    changed.push(results.len());
                }
                results.push(result);
            }
            Err(err) => unreadable.push((slot, format!("cannot read {name}: {}", reason(&err)))),
        }
    }
    let mut report = Preflight::report(&plan, results);
    for pos in changed {
        let c = &report.channels[pos];
        let finding = Finding::new(
            Severity::Error,
            "data-changed",
            format!(
                "/{}/{}/DataSource/S3DataSource/S3Uri",
                plan.channel_list(),
                c.channel
            ),
            format!(
                "{} changed while it was read (it is still being written?): its first {} bytes were checked, as they were when it was opened; check it again once it is complete",
                c.file, c.bytes
            ),
        )
        .in_channel(pos);
        report.findings.insert(0, finding);
    }
    for (slot, message) in unreadable {
        report.unreadable = true;
        let channel = &plan.channels[slot];
        report.findings.insert(
            0,
            Finding::new(
                Severity::Error,
                "unreadable",
                channel.data_pointer(),
                message,
            ),
        );
    }
    let given = if from_s3 {
        plan.channels.len()
    } else {
        args.data.len()
    };
    let mut unchecked: Vec<String> = plan.channels[given..]
        .iter()
        .map(|c| {
            format!(
                "the {} channel ({}) has no data file: not checked",
                c.kind(),
                c.place()
            )
        })
        .collect();
    unchecked.extend(plan.not_checked());
    let mut out = io::stdout().lock();
    if args.format == Format::Json {
        writeln!(out, "{}", report.to_json())?;
    } else {
        write!(out, "{}", human(&report, &unchecked))?;
    }
    out.flush()?;
    Ok(if report.unreadable {
        2
    } else if report.valid() {
        0
    } else {
        1
    })
}

/// Why a file cannot be read: the system's reason, or this command's own (kept as written).
fn reason(err: &io::Error) -> String {
    match (err.kind(), err.get_ref()) {
        (io::ErrorKind::Other, Some(own)) => own.to_string(),
        _ => io_reason(err),
    }
}

/// How long a named pipe (FIFO) is given to find a writer before it is called unreadable:
/// opening one blocks until a program opens it to write (`<(zcat train.csv.gz)` has one).
const PIPE_WAIT: Duration = Duration::from_secs(5);

/// Opens a data file; a directory or a pipe nothing writes to is refused with its reason,
/// and opening never blocks for longer than [`PIPE_WAIT`].
fn open_data(path: &Path) -> io::Result<File> {
    let meta = std::fs::metadata(path)?;
    if meta.is_dir() {
        return Err(io::Error::other(
            "it is a directory: give the data files themselves (with no DATA, each channel's S3Uri is read, a prefix as a folder)",
        ));
    }
    if !is_fifo(&meta) {
        return File::open(path);
    }
    let (send, receive) = std::sync::mpsc::channel();
    let owned = path.to_path_buf();
    // A thread that never finds a writer stays blocked in open(2) until the process ends.
    std::thread::spawn(move || {
        let _ = send.send(File::open(owned));
    });
    match receive.recv_timeout(PIPE_WAIT) {
        Ok(opened) => opened,
        Err(_) => Err(io::Error::other(format!(
            "it is a named pipe (FIFO) that no program opened for writing within {} s",
            PIPE_WAIT.as_secs()
        ))),
    }
}

#[cfg(unix)]
fn is_fifo(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_meta: &std::fs::Metadata) -> bool {
    false
}

/// Reads one file through its channel's check; also says whether the file changed while it
/// was read (its size or modification time). A regular file is read up to the size it had
/// when opened, no further, so that a file still being written gives a snapshot of its
/// first bytes (and the `data-changed` finding) instead of a read that never ends.
fn read_channel(
    plan: &Plan,
    slot: usize,
    path: &Path,
    name: &str,
) -> io::Result<(ChannelResult, bool)> {
    let mut file = open_data(path)?;
    let before = file.metadata()?;
    let Some(mut check) = Preflight::channel(plan, slot, name) else {
        return Err(io::Error::other("no channel for this file"));
    };
    let limit = before.is_file().then_some(before.len());
    let mut buf = vec![0u8; CHUNK];
    let mut first = true;
    loop {
        let want = match limit {
            Some(limit) => limit.saturating_sub(check.bytes_read()).min(CHUNK as u64) as usize,
            None => CHUNK,
        };
        if want == 0 {
            break;
        }
        let n = match file.read(&mut buf[..want]) {
            Ok(0) => break,
            Ok(n) => n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        check.feed(&buf[..n]);
        if first {
            first = false;
            // A Parquet file: only its footer is needed (seek only when the check goes on
            // from there, so that the bytes it counts are the file's).
            if let Some(start) = check.parquet_tail_start(before.len()) {
                if check.skip_to(start) {
                    file.seek(SeekFrom::Start(start))?;
                }
            }
            // Data that is neither CSV nor Parquet was named by its first bytes: the rest
            // (10 GB of zeros, say) is counted, not read.
            if let Some(limit) = limit {
                if check.skip_rest(limit) {
                    break;
                }
            }
        }
    }
    let after = std::fs::metadata(path)?;
    let modified = |m: &std::fs::Metadata| m.modified().ok().unwrap_or(SystemTime::UNIX_EPOCH);
    let changed = before.is_file()
        && (after.len() != before.len()
            || modified(&after) != modified(&before)
            || check.bytes_read() != after.len());
    Ok((check.finish(), changed))
}

fn human(report: &Report, unchecked: &[String]) -> String {
    let mut s = String::new();
    for f in &report.findings {
        let d = &f.diagnostic;
        s.push_str(&format!("{}[{}]: {}\n", d.severity, d.code, d.message));
        if let Some(file) = f
            .channel
            .and_then(|c| report.channels.get(c))
            .map(|c| &c.file)
        {
            match (f.line, f.offset) {
                (Some(line), _) => s.push_str(&format!("  --> {file}:{line}\n")),
                (None, Some(offset)) => s.push_str(&format!("  --> {file}, byte {offset}\n")),
                _ => {}
            }
        }
        s.push_str(&format!("   = path: {}\n", d.path));
        for r in &d.related {
            s.push_str(&format!("   = also: {r}\n"));
        }
        s.push('\n');
    }
    for c in &report.channels {
        let mut line = format!(
            "{} ({}, {}{}, {} bytes)",
            c.file,
            c.channel_type,
            c.format.unwrap_or("neither CSV nor Parquet"),
            if c.gzip { ", gzip" } else { "" },
            c.bytes
        );
        if let Some(rows) = c.rows {
            line.push_str(&format!(": {rows} rows, {} columns", c.columns.len()));
        }
        if let Some(t) = &c.target {
            let mut classes: Vec<String> = t
                .classes
                .iter()
                .take(5)
                .map(|(v, n)| format!("{v} {n}"))
                .collect();
            if classes.is_empty() && t.other == 0 {
                classes.push("no values".to_string());
            }
            let more = t.classes.len().saturating_sub(5);
            line.push_str(&format!(
                "; target {}: {}{}",
                t.column,
                classes.join(", "),
                if more > 0 || t.other > 0 {
                    format!(
                        " and {}{} more values",
                        if t.other > 0 { "over " } else { "" },
                        more
                    )
                } else {
                    String::new()
                }
            ));
        }
        s.push_str(&line);
        s.push('\n');
        if let Some(note) = &c.not_checked {
            s.push_str(&format!("note: {}: {note}\n", c.file));
        }
    }
    for note in unchecked {
        s.push_str(&format!("note: {note}\n"));
    }
    let (errors, warnings) = report.counts();
    let verdict = if report.unreadable {
        "a file cannot be read"
    } else if report.valid() {
        "the job would start"
    } else {
        "the job would fail"
    };
    s.push_str(&format!(
        "preflight: {verdict} ({errors} error{}, {warnings} warning{})\n",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    ));
    s
}

//! The SageMaker Python SDK's uploads, `session.upload_data(path, bucket, key_prefix)` and
//! `S3Uploader.upload(local_path, desired_s3_uri)`: the S3 URI they return is a known
//! function of their written arguments, so it is worked out as the SDK works it out, with
//! only what the program knows when it runs as holes (the tests run the real SDK against
//! moto's S3 server and compare).
//!
//! The SDK's code (sagemaker 2.x): `Session.upload_data` (sagemaker/session.py) takes
//! `bucket, key_prefix = determine_bucket_and_prefix(…)` (sagemaker/s3_utils.py): a true
//! `bucket` with `key_prefix` as written, else the session's default bucket with
//! `s3_path_join(default_bucket_prefix, key_prefix)` (empty parts skipped, runs of `/` made
//! one, no `/` at either end). It returns `"s3://{}/{}".format(bucket, key_prefix)`, and
//! `+ "/" + name` (`os.path.split(path)[1]`) when `os.path.isdir(path)` is false and that
//! name is not empty. Whether a path is a folder is known only when the program runs, save
//! for a path whose last part is empty, `.` or `..` (a folder, or an upload that fails): the
//! `/name` is then a hole whose message says so. `S3Uploader.upload` (sagemaker/s3.py) is
//! `upload_data(local_path, bucket=netloc, key_prefix=path.lstrip("/"))` of
//! `urlparse(desired_s3_uri)`. The session's `default_bucket_prefix`, set by the SageMaker
//! config file, is not read (not in the program); the hole of the default bucket says it.
//!
//! A call the reader does not cover (`*` arguments, an argument the SDK does not have, a
//! path or URI that is not a string, a file name that is itself a hole) stays one hole
//! naming the call, as any other call.

use super::*;

/// `Session.upload_data`'s parameters, in order.
const UPLOAD_DATA: [&str; 5] = ["path", "bucket", "key_prefix", "callback", "extra_args"];

/// `S3Uploader.upload`'s parameters, in order.
const S3_UPLOAD: [&str; 5] = [
    "local_path",
    "desired_s3_uri",
    "kms_key",
    "sagemaker_session",
    "callback",
];

/// A part of a string value: written text, or a hole's marker.
#[derive(Clone, Debug, PartialEq)]
enum Part {
    Text(char),
    Hole(String),
}

/// `s` cut into characters and the markers of `markers` (the holes read into it).
fn parts(s: &str, markers: &[String]) -> Vec<Part> {
    let mut out = Vec::new();
    let mut rest = s;
    'next: while let Some(c) = rest.chars().next() {
        if c == '{' {
            for m in markers {
                if let Some(after) = rest.strip_prefix(m.as_str()) {
                    out.push(Part::Hole(m.clone()));
                    rest = after;
                    continue 'next;
                }
            }
        }
        out.push(Part::Text(c));
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn joined(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Part::Text(c) => c.to_string(),
            Part::Hole(m) => m.clone(),
        })
        .collect()
}

/// `s3_path_join(None, key_prefix)` of the SDK: runs of `/` made one and no `/` at either
/// end (a hole is taken as it is filled).
fn s3_path_join(parts: &[Part]) -> Vec<Part> {
    let slash = Part::Text('/');
    let mut out: Vec<Part> = Vec::new();
    for p in parts {
        if *p == slash && out.last() == Some(&slash) {
            continue;
        }
        out.push(p.clone());
    }
    while out.first() == Some(&slash) {
        out.remove(0);
    }
    while out.last() == Some(&slash) {
        out.pop();
    }
    out
}

impl Reader<'_, '_> {
    /// When the expression whose first token is `start` is an upload call (and nothing
    /// after it): the URI it returns and the token after it; `None` for anything else.
    pub(super) fn upload_call(
        &mut self,
        start: usize,
    ) -> Result<Option<(Node, usize)>, ImportError> {
        let t = self.t;
        let end = self.chain_end(start + 1);
        if end < start + 4 || !t.is_op(end - 1, ")") {
            return Ok(None);
        }
        let Some(open) = self.opening(end - 1) else {
            return Ok(None);
        };
        if open < start + 2 || t.kind(open - 1) != Kind::Name || !t.is_op(open - 2, ".") {
            return Ok(None);
        }
        let method = t.text_of(open - 1);
        let uploader = method == "upload"
            && open >= start + 3
            && t.kind(open - 3) == Kind::Name
            && t.text_of(open - 3) == "S3Uploader";
        if method != "upload_data" && !uploader {
            return Ok(None);
        }
        let params: &[&'static str] = if uploader { &S3_UPLOAD } else { &UPLOAD_DATA };
        let Some(args) = self.upload_args(open, params) else {
            return Ok(None);
        };
        let mark = self.holes.len();
        let out = self.upload_uri(start, open, end, uploader, &args);
        match out {
            Ok(Some(node)) => Ok(Some((node, end))),
            Ok(None) => {
                self.holes.truncate(mark);
                Ok(None)
            }
            Err(e) => {
                self.holes.truncate(mark);
                Err(e)
            }
        }
    }

    /// The arguments of the call whose `(` is at `open`, bound to `params` as Python binds
    /// them (parameter, token of the value); `None` for what the reader does not bind.
    fn upload_args(
        &self,
        open: usize,
        params: &[&'static str],
    ) -> Option<Vec<(&'static str, usize)>> {
        let t = self.t;
        let close = t.after_brackets(open).saturating_sub(1);
        let mut j = open + 1;
        let mut position = 0;
        let mut out: Vec<(&'static str, usize)> = Vec::new();
        while j < close {
            let start = j;
            j = t.argument_end(j).min(close);
            if t.is_op(start, "*") || t.is_op(start, "**") {
                return None;
            }
            let (name, at) = if t.kind(start) == Kind::Name && t.is_op(start + 1, "=") {
                (*params.iter().find(|p| **p == t.text_of(start))?, start + 2)
            } else {
                if out.len() > position {
                    // A positional argument after a keyword one: Python's SyntaxError.
                    return None;
                }
                position += 1;
                (*params.get(position - 1)?, start)
            };
            if out.iter().any(|a| a.0 == name) {
                return None;
            }
            out.push((name, at));
            if t.is_op(j, ",") {
                j += 1;
            }
        }
        Some(out)
    }

    /// The value of the argument at token `at` and the markers of the holes read in it.
    fn upload_value(&mut self, at: usize) -> Result<(Node, Vec<String>), ImportError> {
        let mark = self.holes.len();
        let mut i = at;
        let node = self.value(&mut i)?;
        let markers = self.holes[mark..]
            .iter()
            .map(|h| h.marker.clone())
            .collect();
        Ok((node, markers))
    }

    /// The URI the upload call (`start`…`end`, its `(` at `open`) returns.
    fn upload_uri(
        &mut self,
        start: usize,
        open: usize,
        end: usize,
        uploader: bool,
        args: &[(&'static str, usize)],
    ) -> Result<Option<Node>, ImportError> {
        let t = self.t;
        let span = self.span_of(start, end);
        let arg = |name: &str| args.iter().find(|a| a.0 == name).map(|a| a.1);
        let path_name = if uploader { "local_path" } else { "path" };
        let Some(path_at) = arg(path_name) else {
            return Ok(None);
        };
        let (path, path_markers) = self.upload_value(path_at)?;
        let Value::String(path_text) = &path.value else {
            return Ok(None);
        };
        let path_parts = parts(path_text, &path_markers);
        // os.path.split(path)[1]: what follows the last `/`.
        let cut = path_parts
            .iter()
            .rposition(|p| *p == Part::Text('/'))
            .map_or(0, |k| k + 1);
        let name_parts = &path_parts[cut..];
        if path_parts.is_empty() || name_parts.iter().any(|p| matches!(p, Part::Hole(_))) {
            return Ok(None);
        }
        let name = joined(name_parts);
        let folder = name.is_empty() || name == "." || name == "..";

        // The bucket (None: the session's default one) and the key prefix.
        let (session, bucket, prefix): (String, Option<Vec<Part>>, Option<Vec<Part>>) = if uploader
        {
            let session = match arg("sagemaker_session") {
                Some(a) => {
                    let e = t.argument_end(a);
                    one_line(&t.text[self.span_of(a, e).start..self.span_of(a, e).end])
                }
                None => "sagemaker.Session()".to_string(),
            };
            let Some(uri_at) = arg("desired_s3_uri") else {
                return Ok(None);
            };
            let (uri, markers) = self.upload_value(uri_at)?;
            let Value::String(uri) = &uri.value else {
                return Ok(None);
            };
            // urlparse: the scheme, the netloc up to `/`, `?` or `#`, the path after.
            let Some(rest) = uri.strip_prefix("s3://") else {
                return Ok(None);
            };
            let rest = parts(rest, &markers);
            if rest.iter().any(|p| {
                    matches!(p, Part::Text(c) if matches!(c, '?' | '#' | '[' | ']' | '\\') || c.is_whitespace() || c.is_control())
                }) {
                    return Ok(None);
                }
            let slash = rest
                .iter()
                .position(|p| *p == Part::Text('/'))
                .unwrap_or(rest.len());
            let netloc = rest[..slash].to_vec();
            let mut key: Vec<Part> = rest[slash..].to_vec();
            while key.first() == Some(&Part::Text('/')) {
                key.remove(0);
            }
            let bucket = (!netloc.is_empty()).then_some(netloc);
            (session, bucket, Some(key))
        } else {
            let receiver = self.span_of(start, open - 2);
            let session = one_line(&t.text[receiver.start..receiver.end]);
            let bucket = match arg("bucket") {
                None => None,
                Some(a) => {
                    let (node, markers) = self.upload_value(a)?;
                    // `if bucket:` (determine_bucket_and_prefix).
                    match eval::truthy(&node.value) {
                        Some(false) => None,
                        _ => match &node.value {
                            Value::String(s) => Some(parts(s, &markers)),
                            _ => return Ok(None),
                        },
                    }
                }
            };
            let prefix = match arg("key_prefix") {
                None => Some(parts("data", &[])),
                Some(a) => {
                    let (node, markers) = self.upload_value(a)?;
                    match (&node.value, &bucket) {
                        (Value::Null, None) => None,
                        (Value::String(s), _) => Some(parts(s, &markers)),
                        // "{}".format(key_prefix) beside a bucket given.
                        (v, Some(_)) => eval::py_str(v).map(|s| parts(&s, &[])),
                        _ => return Ok(None),
                    }
                }
            };
            (session, bucket, prefix)
        };

        let mut uri = String::from("s3://");
        let prefix = match bucket {
            Some(b) => {
                uri.push_str(&joined(&b));
                prefix.unwrap_or_default()
            }
            None => {
                let prefix = s3_path_join(&prefix.unwrap_or_default());
                if joined(&prefix).starts_with("s3:/") {
                    return Ok(None);
                }
                let bucket = self.default_bucket(start, &session, span, uploader);
                uri.push_str(bucket.as_str().unwrap_or_default());
                prefix
            }
        };
        uri.push('/');
        uri.push_str(&joined(&prefix));
        if !folder {
            let written = path_markers.is_empty();
            let about = if written {
                path_text.clone()
            } else {
                "the path".to_string()
            };
            let function = if uploader {
                "S3Uploader.upload"
            } else {
                "upload_data"
            };
            let what = format!(
                "{function}(…) returns the URI of the key prefix, with \"/{name}\" after it when {about} is a file and nothing when it is a folder (os.path.isdir in Session.upload_data, sagemaker/session.py): which one it is is known only when the program runs"
            );
            let hole = self.hole_at(
                span,
                format!("/{name} unless {about} is a folder"),
                Why::Sdk(what),
            );
            uri.push_str(hole.as_str().unwrap_or_default());
        }
        Ok(Some(Node {
            value: Value::String(uri),
            span,
        }))
    }

    /// The session's default bucket for an upload at token `start`: the variable the program
    /// sets to `session.default_bucket()` where it has one, else a hole naming it.
    fn default_bucket(&mut self, start: usize, session: &str, span: Span, uploader: bool) -> Node {
        let t = self.t;
        let wanted = format!("{session}.default_bucket()");
        let candidates: Vec<(String, usize)> = self
            .assignments
            .iter()
            .rev()
            .filter(|a| a.2 <= start)
            .map(|a| (a.0.clone(), a.1))
            .collect();
        for (name, value_at) in candidates {
            let value_end = self.chain_end(value_at + 1);
            if !self.ends_expression(value_end) {
                continue;
            }
            let s = self.span_of(value_at, value_end);
            if one_line(&t.text[s.start..s.end]) != wanted {
                continue;
            }
            if let Binding::Value(v) = self.binding(&name, start) {
                if v == value_at {
                    if let Ok(node) = self.resolve(&name, start, t.at(start)) {
                        return node;
                    }
                }
            }
        }
        let what = if uploader {
            "S3Uploader.upload(…) is given an s3:// URI with no bucket, so the SDK uploads to the session's default bucket (Session.upload_data, sagemaker/session.py; with the session's default_bucket_prefix before the key prefix when the SageMaker config sets one)"
        } else {
            "upload_data(…) is given no bucket, so the SDK uploads to the session's default bucket (Session.upload_data, sagemaker/session.py; with the session's default_bucket_prefix before the key prefix when the SageMaker config sets one)"
        };
        self.hole_at(span, wanted, Why::Sdk(what.to_string()))
    }
}

//! What went wrong talking to S3, in plain words: the operation, the AWS error code, the
//! network's reason (moved out of `s3.rs`).

use super::*;

/// What was being done when a request failed, for its message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Op {
    List,
    Head,
    Get,
}

/// A located message for a failed request: what failed, where, and what to do.
pub(super) fn describe(
    err: &object_store::Error,
    uri: &str,
    op: Op,
    endpoint: Option<&str>,
    timeout: Duration,
) -> String {
    let text = error_chain(err);
    let code = aws_code(&text);
    let bucket = Location::parse(uri).map(|l| l.bucket).unwrap_or_default();
    let denied = |why: &str| format!("access denied to {uri}: {why}");
    match (err, code.as_deref()) {
        (_, Some("NoSuchBucket")) => format!("bucket \"{bucket}\" does not exist ({uri})"),
        // A list answers 404 only for a missing bucket; HEAD answers have no body to say which.
        (object_store::Error::NotFound { .. }, _) if op == Op::List => {
            format!("bucket \"{bucket}\" does not exist ({uri})")
        }
        (object_store::Error::NotFound { .. }, _) => format!("no object at {uri}"),
        (object_store::Error::Precondition { .. }, _) => format!(
            "{uri} changed while it was read (it is still being written?): check it again once it is complete"
        ),
        (_, Some("InvalidAccessKeyId")) => format!(
            "{uri}: the access key ID is not accepted by S3 (InvalidAccessKeyId)"
        ),
        (_, Some("SignatureDoesNotMatch")) => format!(
            "{uri}: the secret access key is not accepted by S3 (SignatureDoesNotMatch)"
        ),
        (_, Some("ExpiredToken" | "TokenRefreshRequired")) => {
            format!("{uri}: the session token has expired; get new credentials")
        }
        (_, Some("AccessDenied" | "AllAccessDisabled")) => {
            denied("the credentials may not read it (AccessDenied)")
        }
        (object_store::Error::PermissionDenied { .. }, _) => {
            denied("the credentials may not read it (403 Forbidden)")
        }
        (object_store::Error::Unauthenticated { .. }, _) => {
            denied("the request was not accepted as signed (401 Unauthorized)")
        }
        (_, Some("PermanentRedirect" | "AuthorizationHeaderMalformed" | "IllegalLocationConstraintException")) => {
            match xml_value(&text, "Region") {
                Some(region) => format!(
                    "bucket \"{bucket}\" is in region {region}, not the one configured: set AWS_REGION={region} ({uri})"
                ),
                None => format!(
                    "bucket \"{bucket}\" is in another region than the one configured: set AWS_REGION to its region ({uri})"
                ),
            }
        }
        (_, Some(code)) => format!("cannot read {uri}: S3 answered {code}"),
        _ => {
            let whom = match endpoint {
                Some(url) => format!("the endpoint {url}"),
                None => "S3".to_string(),
            };
            match http_error_kind(err) {
                Some(HttpErrorKind::Timeout) => format!(
                    "cannot reach {whom} for {uri}: no answer within {} s (AUTOML_JOB_S3_TIMEOUT); check the network and the endpoint URL",
                    timeout.as_secs_f64()
                ),
                Some(HttpErrorKind::Connect) => format!(
                    "cannot reach {whom} for {uri}: {} (check the network, the endpoint URL and the region)",
                    network_reason(&text)
                ),
                Some(_) => format!(
                    "the connection to {whom} failed while reading {uri}: {}",
                    network_reason(&text)
                ),
                None if text.contains("credential") || text.contains("instance metadata") => {
                    format!(
                        "cannot read {uri}: the AWS credentials could not be had ({})",
                        first_line(&text)
                    )
                }
                None => format!("cannot read {uri}: {}", first_line(&text)),
            }
        }
    }
}

/// The kind of the transport error behind `err`, when it is one (not an HTTP status).
pub(super) fn http_error_kind(err: &(dyn std::error::Error + 'static)) -> Option<HttpErrorKind> {
    let mut source = Some(err);
    while let Some(inner) = source {
        if let Some(http) = inner.downcast_ref::<HttpError>() {
            return Some(http.kind());
        }
        source = inner.source();
    }
    None
}

/// An error and its sources, one after the other.
pub(super) fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(inner) = source {
        let part = inner.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        source = inner.source();
    }
    text
}

/// The `<Code>` of an S3 XML error body quoted in an error's text.
pub(super) fn aws_code(text: &str) -> Option<String> {
    xml_value(text, "Code")
}

pub(super) fn xml_value(text: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let start = text.find(&open)? + open.len();
    let end = text[start..].find("</")? + start;
    let value = text[start..end].trim();
    (!value.is_empty() && value.len() < 100).then(|| value.to_string())
}

/// The most telling words of a transport error: the innermost cause.
pub(super) fn network_reason(text: &str) -> String {
    let last = text.rsplit(": ").next().unwrap_or(text).trim();
    let last = last.split(" (os error").next().unwrap_or(last);
    if last.is_empty() {
        first_line(text)
    } else {
        last.to_lowercase()
    }
}

pub(super) fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    let mut cut: String = line.chars().take(300).collect();
    if cut.len() < line.len() {
        cut.push('…');
    }
    cut
}

pub(super) fn timed_out(uri: &str, timeout: Duration) -> String {
    format!(
        "cannot read {uri}: no answer within {} s (AUTOML_JOB_S3_TIMEOUT); check the network and the endpoint URL",
        timeout.as_secs_f64()
    )
}

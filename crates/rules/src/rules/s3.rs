//! S3 locations: the output path's length, bucket names, and prefixes without wildcards.

use super::{error, warning, Request};
use crate::diag::Findings;
use crate::json::Node;
use crate::wording::text::{describe_char, shorten};

/// The documented limit on `OutputDataConfig.S3OutputPath`: 512 characters (the model allows
/// 1024).
///
/// Source: API, AutoMLOutputDataConfig.S3OutputPath ("Must be 512 characters or less").
pub fn s3_output_path_length(req: &Request, out: &mut Findings) {
    let Some(path) = req.str_at(&["OutputDataConfig", "S3OutputPath"]) else {
        return;
    };
    let len = path.chars().count();
    if len > 512 && len <= 1024 {
        out.push(error(
            "s3-output-path-length",
            "/OutputDataConfig/S3OutputPath",
            &format!("S3OutputPath is {len} characters long; Autopilot accepts at most 512"),
            "S3OutputPath must be 512 characters or less.",
        ));
    }
}

/// A warning for an `s3://` location whose bucket name no bucket can have: the model's pattern
/// takes any bucket name, so the service accepts the request, and the job fails only when
/// SageMaker reads or writes there. Every member that holds an S3 location is checked:
/// each channel's `S3Uri`, `S3OutputPath` and `FeatureSpecificationS3Uri`.
///
/// Only `s3://bucket/...` locations: an `https://` one names its bucket in the host or in the
/// path, in several styles (virtual-hosted, path-style, access point and regional endpoints),
/// and is left alone. White space at either end is the `white-space-edge` warning's; the name
/// is read without it. A location the model already faults (not `s3://` or `https://`, no
/// bucket, over 1024 characters) has that error alone, as for every documented rule.
///
/// The first problem is reported, in this order: fewer than 3 or more than 255 characters; a
/// character other than a letter, digit, dot, hyphen or underscore; a first or last character
/// that is not a letter or digit; two dots in a row; four groups of 1 to 3 digits joined by
/// dots (an IPv4 address); a reserved prefix (`xn--`, `sthree-`, which also covers
/// `sthree-configurator`, and `amzn-s3-demo-`, the placeholder of AWS's examples). Then what
/// only an old bucket may have: buckets created in us-east-1 before March 1, 2018 may have up
/// to 255 characters, uppercase letters and underscores, so more than 63 characters, an
/// uppercase letter or an underscore is reported with that said.
///
/// Not reported, though the page lists them: the reserved suffixes `-s3alias`, `--ol-s3`,
/// `.mrap`, `--x-s3` and `--table-s3`. No general purpose bucket ends with them because they
/// mark what stands in a bucket's place: an access point alias, an Object Lambda access point
/// alias, a Multi-Region Access Point, a directory bucket, an S3 Tables bucket's storage. A
/// location with such a name is deliberate, not a mistyped bucket (S3's API takes an access
/// point alias "in place of the bucket name"). Nor the `-an` suffix, allowed only to buckets
/// in an account's regional namespace: that rule is recent, and older buckets in the global
/// namespace may end with `-an`.
///
/// Source: S3/naming ("Bucket names must be between 3 (min) and 63 (max) characters long",
/// "can consist only of lowercase letters, numbers, periods (.), and hyphens (-)", "must begin
/// and end with a letter or number", "must not contain two adjacent periods", "must not be
/// formatted as an IP address", "must not start with the prefix xn--", "sthree-",
/// "amzn-s3-demo-", and the reserved suffixes); for the legacy names, the S3 guide's earlier
/// text on bucket restrictions (until March 1, 2018, buckets created in us-east-1 could have
/// up to 255 characters, uppercase letters and underscores; such buckets still exist), which
/// is not among the parts of the current naming page read for this rule; API,
/// AutoMLS3DataSource.S3Uri, AutoMLOutputDataConfig.S3OutputPath and
/// AutoMLCandidateGenerationConfig.FeatureSpecificationS3Uri (S3 locations).
pub fn s3_bucket_names(req: &Request, out: &mut Findings) {
    let mut places: Vec<(String, &str)> = Vec::new();
    for channel in req.channels() {
        if let Some(uri) = channel
            .node
            .at(&["DataSource", "S3DataSource", "S3Uri"])
            .and_then(Node::as_str)
        {
            places.push((channel.pointer("DataSource/S3DataSource/S3Uri"), uri));
        }
    }
    let feature_specification = req.layout.feature_specification.unwrap_or_default();
    for pointer in ["/OutputDataConfig/S3OutputPath", feature_specification] {
        if let Some(uri) = req.str(pointer).filter(|_| !pointer.is_empty()) {
            places.push((pointer.to_string(), uri));
        }
    }
    for (pointer, uri) in places {
        let Some(rest) = uri.trim().strip_prefix("s3://") else {
            continue;
        };
        let bucket = rest.split('/').next().unwrap_or_default();
        let Some(problem) = bucket_name_problem(bucket) else {
            continue;
        };
        let member = pointer.rsplit('/').next().unwrap_or_default();
        out.push(warning(
            "s3-bucket-name",
            &pointer,
            &format!(
                "{member} names the bucket \"{}\", which {problem}",
                shorten(bucket, 80)
            ),
        ));
    }
}

/// What the old us-east-1 buckets may have that others may not (S3/naming, legacy names).
const OLD_BUCKETS: &str = "only a bucket created in us-east-1 before March 1, 2018 can have";
const UNLESS_OLD: &str = "unless yours is such an old bucket,";
const AS_LISTED: &str = "write the name exactly as the S3 console lists it";

/// The first reason no bucket can be named `name` (see [`s3_bucket_names`]), as the end of a
/// sentence that starts "… names the bucket "name", which"; `None` for a name a bucket may
/// have, and for an empty one (nothing to say beyond the other findings).
pub(super) fn bucket_name_problem(name: &str) -> Option<String> {
    let len = name.chars().count();
    if len == 0 {
        return None;
    }
    if len < 3 {
        return Some(format!(
            "is {len} character{} long: bucket names have 3 to 63 characters, so no bucket has this name; write your bucket's whole name",
            if len == 1 { "" } else { "s" }
        ));
    }
    if len > 255 {
        return Some(format!(
            "is {len} characters long: bucket names have at most 63 characters (255 for a bucket created in us-east-1 before March 1, 2018), so no bucket has this name; check that a / ends the bucket's name"
        ));
    }
    let chars: Vec<char> = name.chars().collect();
    if let Some(i) = chars
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
    {
        return Some(format!(
            "has {} at character {}: bucket names have only lowercase letters, digits, dots and hyphens, so no bucket has this name; {AS_LISTED}",
            describe_char(chars[i]),
            i + 1
        ));
    }
    for (edge, c) in [("starts", chars[0]), ("ends", chars[len - 1])] {
        if !c.is_ascii_alphanumeric() {
            return Some(format!(
                "{edge} with {}: bucket names start and end with a letter or digit, so no bucket has this name; remove it",
                punctuation(c)
            ));
        }
    }
    if let Some(i) = name.find("..") {
        return Some(format!(
            "has two dots in a row at characters {} and {}: bucket names never do, so no bucket has this name; remove one of them",
            i + 1,
            i + 2
        ));
    }
    if is_ipv4_shaped(name) {
        return Some(
            "is written as an IP address: bucket names never are, so no bucket has this name; an s3:// location starts with the name of a bucket, not the address of a server".to_string(),
        );
    }
    for (prefix, reserved_for) in [
        ("xn--", "for internationalized domain names"),
        ("sthree-", "for its own use"),
        ("amzn-s3-demo-", "for the examples in AWS's documentation"),
    ] {
        if name.starts_with(prefix) {
            return Some(format!(
                "starts with \"{prefix}\", a prefix S3 reserves {reserved_for}, so no bucket of yours has this name; write your bucket's name"
            ));
        }
    }
    if len > 63 {
        return Some(format!(
            "is {len} characters long: bucket names have at most 63 characters, and {OLD_BUCKETS} up to 255; {UNLESS_OLD} check that a / ends the bucket's name"
        ));
    }
    let (i, c) = chars
        .iter()
        .enumerate()
        .find(|(_, c)| c.is_ascii_uppercase() || **c == '_')?;
    Some(if *c == '_' {
        format!(
            "has an underscore (_) at character {}: bucket names have no underscores, and {OLD_BUCKETS} them; {UNLESS_OLD} {AS_LISTED}",
            i + 1
        )
    } else {
        format!(
            "has an uppercase letter '{c}' at character {}: bucket names are in lowercase, and {OLD_BUCKETS} uppercase letters; {UNLESS_OLD} {AS_LISTED}",
            i + 1
        )
    })
}

/// A dot, hyphen or underscore by name.
fn punctuation(c: char) -> String {
    match c {
        '.' => "a dot (.)".to_string(),
        '-' => "a hyphen (-)".to_string(),
        '_' => "an underscore (_)".to_string(),
        c => describe_char(c),
    }
}

/// Four groups of 1 to 3 ASCII digits joined by dots, as an IPv4 address is written.
fn is_ipv4_shaped(name: &str) -> bool {
    let groups: Vec<&str> = name.split('.').collect();
    groups.len() == 4
        && groups
            .iter()
            .all(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()))
}

/// A warning for a wildcard in an `S3Prefix` location: "If you choose S3Prefix, S3Uri
/// identifies a key name prefix. SageMaker uses all objects that match the specified key name
/// prefix" (*API*, `AutoMLS3DataSource.S3Uri`). A prefix is compared as written, so
/// `s3://acme/train/*.csv` reads only keys that begin with `train/*.csv` — most likely none —
/// and the job fails when it finds no data. `*` and `?` are valid in keys, so the service
/// accepts the request.
pub fn s3_prefix_without_wildcards(req: &Request, out: &mut Findings) {
    for channel in req.channels() {
        let source = ["DataSource", "S3DataSource"];
        let Some(s3) = channel.node.at(&source) else {
            continue;
        };
        if s3.get("S3DataType").and_then(Node::as_str) != Some("S3Prefix") {
            continue;
        }
        let Some(uri) = s3.get("S3Uri").and_then(Node::as_str) else {
            continue;
        };
        let Some(wild) = uri.chars().find(|c| matches!(c, '*' | '?')) else {
            continue;
        };
        let folder = match uri.find(['*', '?']) {
            Some(at) => &uri[..uri[..at].rfind('/').map_or(at, |slash| slash + 1)],
            None => uri,
        };
        out.push(warning(
            "s3-prefix-wildcard",
            &channel.pointer("DataSource/S3DataSource/S3Uri"),
            &format!(
                "S3Uri \"{uri}\" has '{wild}' in an S3Prefix location: a prefix is matched as written, not as a pattern, so only objects whose keys begin with those very characters are read; write the folder ({folder}), or list the files in a manifest (S3DataType ManifestFile)"
            ),
        ));
    }
}

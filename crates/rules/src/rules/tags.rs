//! Tags: the key rules the tagging guide states beyond the model's pattern.

use super::{error, Request};
use crate::diag::Findings;
use crate::json::Node;

/// Tag keys are unique, and do not start with the reserved prefix `aws:` (in any case).
///
/// Source: API, CreateAutoMLJob.Tags and Tag.Key ("Tag keys must be unique per resource");
/// Tagging ("Don't use aws:, AWS:, or any upper or lowercase combination of such as a prefix
/// for either keys or values, as it is reserved for AWS use").
pub fn tag_keys(req: &Request, out: &mut Findings) {
    let Some(tags) = req.at(&["Tags"]).and_then(Node::as_array) else {
        return;
    };
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, tag) in tags.iter().enumerate() {
        let Some(key) = tag.get("Key").and_then(Node::as_str) else {
            continue;
        };
        let path = format!("/Tags/{i}/Key");
        if let Some(first) = seen.get(key) {
            out.push(error(
                "tag-key-duplicate",
                &path,
                &format!(
                    "Key \"{key}\" is already used by tag {}; tag keys must be unique",
                    first + 1
                ),
                "Tag keys must be unique per resource.",
            ));
        } else {
            seen.insert(key, i);
        }
        if key.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("aws:")) {
            out.push(error(
                "tag-key-reserved",
                &path,
                &format!("Key \"{key}\" starts with aws:, which is reserved for AWS"),
                "Tag keys may not begin with 'aws:'.",
            ));
        }
    }
}

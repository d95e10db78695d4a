//! Names and locations taken as written: white space pasted around them.

use super::{warning, Request};
use crate::diag::Findings;
use crate::json::Node;

/// A warning for a column name or an S3 location that starts or ends with white space: the
/// service keeps it as part of the name, so a column `churned ` or an object key ending in a
/// space is not the one meant (a pasted value, usually). RoleArn has its own error (its
/// pattern refuses the space).
///
/// Source: API, AutoMLChannel.TargetAttributeName ("The name of the target variable") and
/// SampleWeightAttributeName, AutoMLS3DataSource.S3Uri, AutoMLOutputDataConfig.S3OutputPath
/// (names and locations, taken as written: their patterns allow any character).
///
/// In V2 the column names sit in the problem type's settings (`TabularJobConfig`,
/// `TimeSeriesConfig`, `TextClassificationJobConfig`): they are read first.
pub fn names_without_pasted_white_space(req: &Request, out: &mut Findings) {
    let mut places: Vec<(String, &str)> = Vec::new();
    for pointer in req.layout.columns {
        if let Some(value) = req.str(pointer) {
            places.push((pointer.to_string(), value));
        }
    }
    for channel in req.channels() {
        for member in ["TargetAttributeName", "SampleWeightAttributeName"] {
            if let Some(value) = channel.str(member) {
                places.push((channel.pointer(member), value));
            }
        }
        if let Some(uri) = channel
            .node
            .at(&["DataSource", "S3DataSource", "S3Uri"])
            .and_then(Node::as_str)
        {
            places.push((channel.pointer("DataSource/S3DataSource/S3Uri"), uri));
        }
    }
    if let Some(path) = req.str_at(&["OutputDataConfig", "S3OutputPath"]) {
        places.push(("/OutputDataConfig/S3OutputPath".to_string(), path));
    }
    for (pointer, value) in places {
        let trimmed = value.trim();
        if trimmed.is_empty() || trimmed.len() == value.len() {
            continue;
        }
        let member = pointer.rsplit('/').next().unwrap_or_default();
        let (edge, c) = match value.chars().next() {
            Some(c) if c.is_whitespace() => ("starts", c),
            _ => ("ends", value.chars().next_back().unwrap_or(' ')),
        };
        let what = match c {
            ' ' => "a space",
            '\t' => "a tab",
            '\n' | '\r' => "a line break",
            _ => "white space",
        };
        out.push(warning(
            "white-space-edge",
            &pointer,
            &format!(
                "{member} \"{trimmed}\" {edge} with {what} (pasted?): the service keeps it as part of the {}; remove it unless it really is there",
                if member.starts_with("S3") { "location" } else { "column name" }
            ),
        ));
    }
}

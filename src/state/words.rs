//! What the form calls things: field names for the summary, nouns for list items, example
//! values, defaults and the constraint line under a field's help. Plain text from the model
//! table and the rules; the components only place it.

use automl_rules::model::{Kind, Shape};
use automl_rules::rules;

use super::api::Api;
use super::draft;
use super::layout;

/// What one item of a list is called in button labels.
pub fn item_noun(list: &Shape) -> &'static str {
    match list.name {
        "AutoMLInputDataConfig" | "AutoMLJobInputDataConfig" => "channel",
        "TagList" => "tag",
        "VpcSecurityGroupIds" => "security group",
        "Subnets" => "subnet",
        "AutoMLAlgorithmsConfig" => "algorithm restriction",
        "AutoMLAlgorithms" => "algorithm",
        _ => "item",
    }
}

/// At most this many bytes of an export are shown in the export box.
pub const PREVIEW_BYTES: usize = 64 * 1024;

/// The part of an export the export box shows: all of it up to [`PREVIEW_BYTES`], else the
/// lines that fit (or, for one long line, the characters that fit), and a line saying how
/// much is left out. Laying out megabytes of text in the box (an imported list of 60,000
/// tags) froze the page at every render; Copy and Download still carry the whole text.
pub fn export_preview(text: &str) -> (&str, Option<String>) {
    if text.len() <= PREVIEW_BYTES {
        return (text, None);
    }
    let mut end = PREVIEW_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let end = text[..end].rfind('\n').map_or(end, |i| i + 1);
    let note = format!(
        "The box shows the first {} KB of {} KB; Copy and Download carry all of it.",
        end / 1024,
        text.len().div_ceil(1024)
    );
    (&text[..end], Some(note))
}

/// The row after the drawn items of a list that has `more` items after the first `drawn`:
/// what it says, and its button. `bounded` when `drawn` is the service's maximum.
pub fn more_items(more: usize, drawn: usize, noun: &str, bounded: bool) -> (String, String) {
    let these = crate::state::findings::plural(more, noun);
    let them = if more == 1 { "it is" } else { "they are" };
    let text = if bounded {
        format!(
            "{these} more, after the first {drawn}: the service accepts at most {drawn}, so it would reject the request until {them} removed. Not shown here; kept in the draft, the exports and the check."
        )
    } else {
        format!(
            "{these} more, after the first {drawn}: not shown here; kept in the draft, the exports and the check."
        )
    };
    let button = if more == 1 {
        format!("Remove the {noun} after the first {drawn}")
    } else {
        format!("Remove the {these} after the first {drawn}")
    };
    (text, button)
}

/// "a tag", "an algorithm".
pub fn with_article(noun: &str) -> String {
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']);
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// The first letter in capitals: "Security group".
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// An example value for members without a default, shown as the placeholder so a person
/// sees the shape of what is asked (never sent: an empty field stays out of the request).
pub fn example_of(member: &str) -> Option<&'static str> {
    Some(match member {
        "AutoMLJobName" => "churn-prediction-1",
        "RoleArn" => "arn:aws:iam::111122223333:role/service-role/SageMakerRole",
        "S3Uri" => "s3://amzn-s3-demo-bucket/train/",
        "S3OutputPath" => "s3://amzn-s3-demo-bucket/output/",
        "TargetAttributeName" => "label",
        "SecurityGroupId" => "sg-0123456789abcdef0",
        "SubnetId" => "subnet-0123456789abcdef0",
        "Key" => "project",
        "Value" => "churn",
        "EndpointName" => "churn-endpoint",
        "ExecutionRoleARN" => "arn:aws:iam::111122223333:role/EMRServerlessRole",
        "TimestampAttributeName" => "timestamp",
        "ItemIdentifierAttributeName" => "item_id",
        "ForecastFrequency" => "1D",
        "ContentColumn" => "review_text",
        "TargetLabelColumn" => "sentiment",
        "TextGenerationHyperParameters" => r#"{"epochCount":"3","learningRate":"0.0001"}"#,
        "Filling" => r#"{"price":{"middlefill":"zero"}}"#,
        "Aggregation" => r#"{"sales":"sum"}"#,
        _ => return None,
    })
}

/// The default the service uses for the objective metric, given the problem type.
pub fn metric_default(problem: &str) -> Option<String> {
    rules::metrics_for(problem).map(|(_, default)| format!("{default} (for {problem})"))
}

/// The default objective metric of a `CreateAutoMLJobV2` request: the tabular problem
/// type's, or the chosen problem type's (API reference, AutoMLJobObjective: "the default
/// objective metric … for time-series forecasting: AverageWeightedQuantileLoss; for image
/// and text classification: Accuracy"; text generation needs none).
pub fn metric_default_v2(draft: &super::draft::Draft) -> Option<String> {
    let chosen = |m: &str| draft.has(&format!("{}/{m}", layout::PROBLEM_TYPE_CONFIG));
    if chosen("TabularJobConfig") {
        return metric_default(
            &draft.text("/AutoMLProblemTypeConfig/TabularJobConfig/ProblemType"),
        );
    }
    if chosen("TimeSeriesForecastingJobConfig") {
        return Some("AverageWeightedQuantileLoss (for time-series forecasting)".to_string());
    }
    if chosen("ImageClassificationJobConfig") || chosen("TextClassificationJobConfig") {
        return Some("Accuracy (for classification of images or text)".to_string());
    }
    if chosen("TextGenerationJobConfig") {
        return Some("none: text generation is not ranked by an objective".to_string());
    }
    None
}

/// The label of a problem type (a member of `AutoMLProblemTypeConfig`): "Tabular".
pub fn problem_type_label(member: &str) -> String {
    layout::PROBLEM_TYPES
        .iter()
        .find(|p| p.0 == member)
        .map_or_else(|| member.to_string(), |p| p.1.to_string())
}

/// A short statement of a scalar's constraints, for the help line (nothing when the help
/// already gives the bounds).
pub fn constraint_text(shape: &Shape, help: &str) -> String {
    let bound = match &shape.kind {
        Kind::String { max: Some(m), .. } => Some(f64::from(*m)),
        Kind::Integer { max: Some(m), .. } => Some(*m as f64),
        Kind::Float { max: Some(m), .. } => Some(*m),
        _ => None,
    };
    if bound.is_some_and(|b| help.contains(&automl_rules::display_f64(b))) {
        return String::new();
    }
    match &shape.kind {
        Kind::String {
            min,
            max,
            values: [],
            ..
        } => match (min, max) {
            (Some(min), Some(max)) if *min > 0 => format!("{min}–{max} characters."),
            (_, Some(max)) => format!("At most {max} characters."),
            (Some(min), None) if *min > 0 => format!("At least {min} character."),
            _ => String::new(),
        },
        Kind::Integer { min, max } => match (min, max) {
            (Some(min), Some(max)) => format!("Whole number, {min}–{max}."),
            (Some(min), None) => format!("Whole number, at least {min}."),
            _ => "Whole number.".to_string(),
        },
        Kind::Float { .. } => "A number between 0 and 1.".to_string(),
        _ => String::new(),
    }
}

/// The label a person sees for the field at `pointer` of `request`, for the summary: the
/// field's label, and the item it is in (`Key, tag 3`); a channel by its number and type,
/// as its legend in the form says (`S3 URI, channel 2 (validation)`), in V1 and V2 alike.
pub fn field_name(api: Api, pointer: &str, request: &automl_rules::json::Node) -> String {
    if pointer.is_empty() {
        return "the request".to_string();
    }
    let def = layout::describing_member(api, pointer);
    let mut where_ = String::new();
    for (i, token) in draft::tokens(pointer).iter().enumerate() {
        if let Ok(n) = token.parse::<usize>() {
            let list = draft::tokens(pointer)
                .get(..i)
                .unwrap_or_default()
                .join("/");
            let noun = api.shape_at(&format!("/{list}")).map_or("item", item_noun);
            where_ = format!("{} {}", noun, n + 1);
            if noun == "channel" {
                // ChannelType left out is training (API, AutoMLChannel.ChannelType).
                let kind = request
                    .pointer(&format!("/{list}/{n}/ChannelType"))
                    .and_then(automl_rules::json::Node::as_str)
                    .filter(|t| !t.is_empty())
                    .unwrap_or("training");
                where_ = format!("{where_} ({kind})");
            }
        }
    }
    let label = def.map_or_else(
        || draft::tokens(pointer).last().cloned().unwrap_or_default(),
        |d| d.label.to_string(),
    );
    if where_.is_empty() {
        label
    } else {
        format!("{label}, {where_}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_export_is_shown_cut_at_a_line_and_says_so() {
        assert_eq!(export_preview("short\n"), ("short\n", None));
        let line = "x".repeat(99) + "\n";
        let long = line.repeat(2000);
        let (shown, note) = export_preview(&long);
        assert!(shown.len() <= PREVIEW_BYTES && shown.ends_with('\n'));
        assert_eq!(shown.len() % 100, 0, "whole lines");
        assert_eq!(
            note.as_deref(),
            Some("The box shows the first 63 KB of 196 KB; Copy and Download carry all of it.")
        );
        let one_line = "é".repeat(PREVIEW_BYTES);
        let (shown, note) = export_preview(&one_line);
        assert!(
            shown.len() <= PREVIEW_BYTES && note.is_some(),
            "cut at a character"
        );
    }

    #[test]
    fn the_row_after_a_long_list_counts_what_is_not_drawn() {
        let (text, button) = more_items(59_950, 50, "tag", true);
        assert!(
            text.starts_with("59950 tags more, after the first 50: the service accepts at most 50"),
            "{text}"
        );
        assert!(text.contains("until they are removed"), "{text}");
        assert_eq!(button, "Remove the 59950 tags after the first 50");
        let (text, button) = more_items(1, 100, "item", false);
        assert!(
            text.starts_with("1 item more, after the first 100: not shown"),
            "{text}"
        );
        assert_eq!(button, "Remove the item after the first 100");
    }

    #[test]
    fn summary_entries_name_the_field_and_the_item() {
        let none = automl_rules::json::parse("{}").unwrap();
        assert_eq!(field_name(Api::V1, "/Tags/2/Key", &none), "Key, tag 3");
        assert_eq!(field_name(Api::V1, "/AutoMLJobName", &none), "Job name");
        assert_eq!(
            field_name(Api::V1, "/autoMLJobName", &none),
            "autoMLJobName"
        );
        assert_eq!(field_name(Api::V1, "", &none), "the request");
    }

    #[test]
    fn a_channel_is_named_by_its_number_and_type_in_v1_and_v2_alike() {
        let v1 = automl_rules::json::parse(
            r#"{"InputDataConfig": [{}, {"ChannelType": "validation"}]}"#,
        )
        .unwrap();
        let v2 = automl_rules::json::parse(
            r#"{"AutoMLJobInputDataConfig": [{"ChannelType": "training"}, {"ChannelType": "validation"}]}"#,
        )
        .unwrap();
        for (api, list, request) in [
            (Api::V1, "InputDataConfig", &v1),
            (Api::V2, "AutoMLJobInputDataConfig", &v2),
        ] {
            let s3 = format!("/{list}/1/DataSource/S3DataSource/S3Uri");
            assert_eq!(
                field_name(api, &s3, request),
                "S3 URI, channel 2 (validation)",
                "{api:?}"
            );
            assert_eq!(
                field_name(api, &format!("/{list}/0/ContentType"), request),
                "Content type, channel 1 (training)",
                "{api:?}"
            );
        }
    }

    #[test]
    fn help_lines_state_bounds_once() {
        let name = automl_rules::model::shape_at("/AutoMLJobName").unwrap();
        assert_eq!(
            constraint_text(name, "Unique in your account"),
            "1–32 characters."
        );
        let candidates =
            automl_rules::model::shape_at("/AutoMLJobConfig/CompletionCriteria/MaxCandidates");
        assert_eq!(constraint_text(candidates.unwrap(), "1 to 750."), "");
        assert_eq!(
            constraint_text(candidates.unwrap(), "How many."),
            "Whole number, 1–750."
        );
    }

    #[test]
    fn defaults_and_words() {
        assert_eq!(
            metric_default("Regression").as_deref(),
            Some("MSE (for Regression)")
        );
        assert_eq!(metric_default(""), None);
        assert_eq!(with_article("algorithm"), "an algorithm");
        assert_eq!(with_article("tag"), "a tag");
        assert_eq!(capitalize("security group"), "Security group");
    }
}

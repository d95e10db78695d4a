//! What a finding says beyond the service's wording: what a pattern accepts and where the
//! value goes wrong (role ARNs, EC2 ids, bad characters), and the member a misspelt key
//! probably meant.

use crate::model::{Kind, Shape};
use crate::pattern;
use crate::wording::text::describe_char;

/// The closest member name: a case-insensitive match, or one at edit distance ≤ 2.
pub(super) fn suggest<'a>(key: &str, names: &[&'a str]) -> Option<&'a str> {
    if let Some(name) = names.iter().find(|n| n.eq_ignore_ascii_case(key)) {
        return Some(name);
    }
    names
        .iter()
        .map(|n| {
            (
                edit_distance(&key.to_ascii_lowercase(), &n.to_ascii_lowercase()),
                *n,
            )
        })
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // One row of the distance table: `row[j]` is the distance from the characters of `a`
    // read so far to the first `j` of `b`.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        // The row before at j - 1, and this row at j - 1.
        let mut diagonal = i;
        let mut left = i + 1;
        for (cell, cb) in row.iter_mut().skip(1).zip(&b) {
            let up = *cell;
            left = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(left).min(up)
            };
            diagonal = up;
            *cell = left;
        }
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
    }
    row.last().copied().unwrap_or(0)
}

/// What a pattern accepts, in words, and what is wrong with `value`, after the member's name.
pub(super) fn pattern_explanation(shape: &Shape, value: &str) -> String {
    let first_bad = |ok: &dyn Fn(char) -> bool| {
        bad_char_note(value, ok)
            .map(|note| format!(" ({note})"))
            .unwrap_or_default()
    };
    match shape.name {
        "AutoMLJobName" | "EndpointName" => {
            let edge = match (value.starts_with('-'), value.len() > 1 && value.ends_with('-')) {
                (true, true) => "it starts and ends with '-'",
                (true, false) => "it starts with '-'",
                (false, true) => "it ends with '-'",
                (false, false) => "",
            };
            let bad = bad_char_note(value, &|c| c.is_ascii_alphanumeric() || c == '-');
            let extra = match (edge, bad) {
                ("", None) => String::new(),
                ("", Some(bad)) => format!(" ({bad})"),
                (edge, None) => format!(" ({edge})"),
                (edge, Some(bad)) => format!(" ({edge}, and {bad})"),
            };
            format!("may contain only ASCII letters, digits and hyphens, starting and ending with a letter or digit{extra}")
        }
        "S3Uri" => {
            if value.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']) {
                "must not contain a line break".to_string()
            } else if value.is_empty() {
                "must not be empty: write s3://bucket/prefix".to_string()
            } else {
                let scheme = value.split_once("://").map_or("", |(scheme, _)| scheme);
                let extra = if ["s3", "https"]
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(scheme) && *s != scheme)
                {
                    format!(" (it starts with {scheme}://: the scheme is lowercase)")
                } else {
                    value
                        .chars()
                        .next()
                        .filter(|c| c.is_whitespace())
                        .map(|c| format!(" (it starts with {}, perhaps pasted)", describe_char(c)))
                        .unwrap_or_default()
                };
                format!("must be an s3:// (or https://) URL with a bucket name, such as s3://my-bucket/path/{extra}")
            }
        }
        "ContentType" => "must not contain a line break".to_string(),
        "SampleWeightAttributeName" => format!(
            "may contain only ASCII letters, digits, '_' and '-'{}",
            first_bad(&|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        ),
        "KmsKeyId" => format!(
            "may contain only ASCII letters, digits, ':', '/', '_' and '-': a key ID, key ARN, alias name or alias ARN{}",
            first_bad(&|c| c.is_ascii_alphanumeric() || ":/_-".contains(c))
        ),
        "SecurityGroupId" => ec2_id_explanation(value, "sg-", "group", "sg-0123456789abcdef0"),
        "SubnetId" => ec2_id_explanation(value, "subnet-", "subnet", "subnet-0123456789abcdef0"),
        "RoleArn" => role_arn_explanation(value),
        "TagKey" | "TagValue" => format!(
            "may contain only letters, digits, spaces and _ . : / = + - @{}",
            first_bad(&|c| pattern::is_letter(c)
                || pattern::is_separator(c)
                || pattern::is_number(c)
                || "_.:/=+-@".contains(c))
        ),
        "ForecastFrequency" => format!(
            "must be a count and a unit: 1 to 59 min, 1 to 23 H, 1 to 6 D, 1 to 4 W, 1 to 11 M, or 1 Y (the unit alone means 1; a count that fills the next unit is written in it){}",
            forecast_frequency_hint(value)
        ),
        "ForecastQuantile" => "must be p1 to p99 (the quantile in hundredths: p10 is 0.1)".to_string(),
        "CountryCode" => format!(
            "must be two capital letters, an ISO 3166-1 country code such as US or GB{}",
            if value.len() == 2 && value.chars().all(|c| c.is_ascii_alphabetic()) {
                format!(" (write {})", value.to_ascii_uppercase())
            } else {
                String::new()
            }
        ),
        "FillingTransformationValue" => format!(
            "may contain only ASCII letters, digits, '_' and '-'{}",
            first_bad(&|c| c.is_ascii_alphanumeric() || "_-".contains(c))
        ),
        "TextGenerationHyperParameterKey" | "TextGenerationHyperParameterValue" => format!(
            "may contain only ASCII letters, digits, '.', '_' and '-'{}",
            first_bad(&|c| c.is_ascii_alphanumeric() || "._-".contains(c))
        ),
        "BaseModelName" => format!(
            "may contain only ASCII letters, digits and hyphens, starting with a letter or digit, as Falcon7BInstruct or Llama2-13BChat{}",
            first_bad(&|c| c.is_ascii_alphanumeric() || c == '-')
        ),
        _ => "does not have the expected form".to_string(),
    }
}

/// How to write a forecast frequency the pattern refuses, for the usual slips: a lowercase
/// unit, a count of zero, a count that fills the next unit.
fn forecast_frequency_hint(value: &str) -> String {
    let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
    let unit = &value[digits.len()..];
    let count: Option<u64> = digits.parse().ok();
    let next = |per: u64, next_unit: &str| {
        match count {
        Some(n) if n >= per && n % per == 0 => format!(" (write {}{next_unit})", n / per),
        Some(n) if n >= per => format!(" ({n}{unit} is more than one {next_unit}: write it in {next_unit}, or use a smaller count)"),
        _ => String::new(),
    }
    };
    match (unit, count) {
        (_, Some(0)) => " (the count starts at 1)".to_string(),
        ("min", _) => next(60, "H"),
        ("H", _) => next(24, "D"),
        ("D", Some(7)) => " (write 1W)".to_string(),
        ("D", _) => " (the most is 6D; for a week or more, use W)".to_string(),
        ("W", _) => " (the most is 4W; for longer, use M)".to_string(),
        ("M", _) => next(12, "Y"),
        ("Y", _) => " (only 1Y or Y)".to_string(),
        (u, _) if ["y", "m", "w", "d", "h", "MIN", "Min"].contains(&u) => {
            " (units are case-sensitive: Y, M, W, D, H and min)".to_string()
        }
        _ => String::new(),
    }
}

/// The pattern message for a value that fails its pattern only by being too long (it
/// matches the pattern without its upper bounds): every character is allowed.
pub(super) fn pattern_too_long_explanation(shape: &Shape) -> String {
    match (shape.name, &shape.kind) {
        ("AutoMLJobName" | "EndpointName", Kind::String { max: Some(max), .. }) => format!(
            "fails the name pattern only because it is too long (the pattern allows at most {max} letters and digits)"
        ),
        _ => "fails the pattern only because it is too long".to_string(),
    }
}

/// The first character `ok` refuses: "character 3 is '_'", or, for white space at either
/// end, "it ends with a space, perhaps pasted".
fn bad_char_note(value: &str, ok: &dyn Fn(char) -> bool) -> Option<String> {
    let (i, c) = value.chars().enumerate().find(|(_, c)| !ok(*c))?;
    if c.is_whitespace() {
        if i == 0 {
            return Some(format!(
                "it starts with {}, perhaps pasted",
                describe_char(c)
            ));
        }
        if value.chars().skip(i).all(char::is_whitespace) {
            return Some(format!("it ends with {}, perhaps pasted", describe_char(c)));
        }
    }
    Some(format!("character {} is {}", i + 1, describe_char(c)))
}

/// A security group or subnet ID that fails `[-0-9a-zA-Z]+`: the character at fault, and
/// the ID to write when the value holds one (an ARN, a name and ID pasted together) or looks
/// like a name.
pub(super) fn ec2_id_explanation(value: &str, prefix: &str, noun: &str, example: &str) -> String {
    let note = bad_char_note(value, &|c| c.is_ascii_alphanumeric() || c == '-')
        .map(|note| format!(" ({note})"))
        .unwrap_or_default();
    let id = value.find(prefix).map(|at| {
        let rest = &value[at..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(rest.len());
        &rest[..end]
    });
    let hint = match id {
        Some(id) if id.len() > prefix.len() && id != value.trim() => {
            format!(": write only the ID, {id}")
        }
        Some(_) => String::new(),
        // `sg_0abc` or `subnet0abc`: a mistyped ID, not a name.
        None if value.starts_with(prefix.trim_end_matches('-')) => String::new(),
        None => format!(": give the {noun}'s ID, such as {example}, not its name"),
    };
    format!("may contain only ASCII letters, digits and '-'{note}{hint}")
}

/// What a role ARN must look like.
const ROLE_ARN_FORM: &str = "arn:aws:iam::<12-digit account ID>:role/<name>";

/// Why a `RoleArn` fails `arn:aws[a-z\-]*:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+`, at the
/// first part that is wrong: white space around it, another kind of ARN (a user, a group, an
/// STS session), the partition, service, Region or account ID, or the role name.
pub(super) fn role_arn_explanation(value: &str) -> String {
    role_arn_cause(value, 0)
}

/// The model's pattern for a role ARN.
pub(super) const ROLE_ARN_PATTERN: &str =
    r"arn:aws[a-z\-]*:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+";

/// [`role_arn_explanation`] of `value`, which follows `skipped` characters of white space.
fn role_arn_cause(value: &str, skipped: usize) -> String {
    let name_char = |c: char| c.is_ascii_alphanumeric() || "+=,.@_-/".contains(c);
    let trimmed = value.trim();
    if trimmed.len() != value.len() && !trimmed.is_empty() {
        let (edge, c) = match value.chars().next() {
            Some(c) if c.is_whitespace() => ("starts", c),
            _ => ("ends", value.chars().next_back().unwrap_or(' ')),
        };
        let what = format!("{edge} with {} (pasted?)", describe_char(c));
        return if pattern::model_matches(ROLE_ARN_PATTERN, trimmed, false) {
            format!("{what}: remove it")
        } else {
            let skipped = value.chars().take_while(|c| c.is_whitespace()).count();
            format!("{what}, and {}", role_arn_cause(trimmed, skipped))
        };
    }
    let generic = format!("must be an IAM role ARN: {ROLE_ARN_FORM}, where the name may contain letters, digits and + = , . @ _ - /");
    let Some(arn) = value.strip_prefix("arn:") else {
        if !value.is_empty() && value.chars().all(name_char) && !value.contains(':') {
            let name = value.trim_start_matches('/');
            let name = name.strip_prefix("role/").unwrap_or(name);
            return format!("must be the role's ARN, not its name: arn:aws:iam::<12-digit account ID>:role/{name}");
        }
        return format!("does not start with arn:, as an IAM role ARN does: {ROLE_ARN_FORM}");
    };
    let parts: Vec<&str> = arn.splitn(5, ':').collect();
    let [partition, service, region, account, resource] = parts[..] else {
        if let [_, "iam", account, _] = parts[..] {
            if account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit()) {
                return "needs two colons after iam (iam::, an IAM ARN has no Region) before the account ID".to_string();
            }
        }
        return format!("has too few ':'-separated parts ({generic})");
    };
    let partition_ok = partition
        .strip_prefix("aws")
        .is_some_and(|rest| rest.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
    if !partition_ok {
        return format!("has the partition '{partition}' where aws (or aws-cn, aws-us-gov) belongs: {ROLE_ARN_FORM}");
    }
    if service == "sts" {
        if let Some(session) = resource.strip_prefix("assumed-role/") {
            let role = session.split('/').next().unwrap_or_default();
            return format!("is an STS assumed-role session ARN, not the role's ARN: write arn:{partition}:iam::{account}:role/{role} (with the role's path, if it has one)");
        }
    }
    if service != "iam" {
        return format!("names the service '{service}' where iam belongs: {ROLE_ARN_FORM}");
    }
    if !region.is_empty() {
        return format!("has a Region ('{region}'), but IAM ARNs have none: write iam::{account}");
    }
    if account.is_empty() {
        return format!("has no account ID: {ROLE_ARN_FORM}");
    }
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return if account.bytes().all(|b| b.is_ascii_digit()) {
            let zeros = if account.len() < 12 {
                " (leading zeros lost?)"
            } else {
                ""
            };
            format!(
                "has an account ID of {} digit{}, {account}; account IDs have 12{zeros}",
                account.len(),
                if account.len() == 1 { "" } else { "s" }
            )
        } else {
            format!("has '{account}' where the 12-digit account ID belongs")
        };
    }
    let kind = resource.split('/').next().unwrap_or_default();
    match kind {
        "user" | "group" | "policy" | "instance-profile" | "saml-provider" | "oidc-provider"
        | "mfa" | "server-certificate" => {
            return format!("is an IAM {} ARN, not a role's: give the ARN of a role SageMaker can assume, {ROLE_ARN_FORM}", kind.replace('-', " "));
        }
        _ => {}
    }
    let Some(name) = resource.strip_prefix("role") else {
        return format!("has no role/ before the role name: write arn:{partition}:iam::{account}:role/{resource}");
    };
    let name = name.strip_prefix('/').unwrap_or(name);
    if name.is_empty() {
        return "has no role name after role/".to_string();
    }
    // Where the name starts in `value`, to count characters from the start.
    let before = skipped + value.chars().count() - name.chars().count();
    match name.chars().enumerate().find(|(_, c)| !name_char(*c)) {
        Some((i, c)) => format!(
            "has a role name with a character roles cannot have: character {} is {} (names may contain letters, digits and + = , . @ _ - /)",
            before + i + 1,
            describe_char(c)
        ),
        None => generic,
    }
}

#[cfg(test)]
mod tests {
    use super::forecast_frequency_hint;

    /// The usual slips in a forecast frequency, each with how to write it.
    #[test]
    fn forecast_frequencies_the_pattern_refuses_say_how_to_write_them() {
        for (value, hint) in [
            ("60min", " (write 1H)"),
            (
                "90min",
                " (90min is more than one H: write it in H, or use a smaller count)",
            ),
            ("24H", " (write 1D)"),
            ("48H", " (write 2D)"),
            ("7D", " (write 1W)"),
            ("10D", " (the most is 6D; for a week or more, use W)"),
            ("5W", " (the most is 4W; for longer, use M)"),
            ("12M", " (write 1Y)"),
            ("2Y", " (only 1Y or Y)"),
            ("0D", " (the count starts at 1)"),
            ("1d", " (units are case-sensitive: Y, M, W, D, H and min)"),
            (
                "15MIN",
                " (units are case-sensitive: Y, M, W, D, H and min)",
            ),
            ("daily", ""),
        ] {
            assert_eq!(forecast_frequency_hint(value), hint, "{value}");
        }
    }
}

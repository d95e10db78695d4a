//! Small helpers on field values and names that several modules use; imports nothing else
//! of the crate. Hand-written because each is a few lines that no crate offers in this form
//! (pandas' missing-value spellings, a number test without allocating, bounded line lists).

/// The spellings pandas' `read_csv` reads as a missing value by default (its `na_values`
/// documentation: "By default the following values are interpreted as NaN: '', '#N/A',
/// '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>',
/// 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null'"). Autopilot does not document
/// its own list; these are what a person checking the file in pandas sees as missing.
pub const NA_VALUES: [&[u8]; 18] = [
    b"#N/A",
    b"#N/A N/A",
    b"#NA",
    b"-1.#IND",
    b"-1.#QNAN",
    b"-NaN",
    b"-nan",
    b"1.#IND",
    b"1.#QNAN",
    b"<NA>",
    b"N/A",
    b"NA",
    b"NULL",
    b"NaN",
    b"None",
    b"n/a",
    b"nan",
    b"null",
];

/// Whether a field holds no value: empty, only spaces, or one of [`NA_VALUES`]. Called for
/// every field: the common cases (empty; a first byte no missing-value spelling starts with)
/// are decided at once.
#[inline(always)]
pub fn is_missing(field: &[u8]) -> bool {
    match field.first() {
        None => true,
        // Numbers start with 1 and - too: only `1.#…` and `-1…`, `-N…`, `-n…` may be missing.
        Some(&b) if MAY_BE_MISSING[b as usize] => match (b, field.get(1)) {
            (b'1', Some(b'.')) | (b'-', Some(b'1' | b'N' | b'n')) => is_missing_slow(field),
            (b'1' | b'-', _) => false,
            _ => is_missing_slow(field),
        },
        Some(_) => false,
    }
}

#[inline(never)]
fn is_missing_slow(field: &[u8]) -> bool {
    field.iter().all(|&b| b == b' ' || b == b'\t')
        || (field.len() <= 8
            && field.iter().any(|&b| {
                matches!(
                    b,
                    b'#' | b'<' | b'A' | b'N' | b'a' | b'n' | b'o' | b'u' | b'U' | b'L'
                )
            })
            && NA_VALUES.contains(&field))
}

/// First bytes of the missing-value spellings, and white space.
static MAY_BE_MISSING: [bool; 256] = {
    let mut t = [false; 256];
    let starts = b" \t#-1<Nn";
    let mut i = 0;
    while i < starts.len() {
        t[starts[i] as usize] = true;
        i += 1;
    }
    t
};

/// Bytes a number may hold.
static NUMERIC_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let bytes = b"0123456789+-.eE ";
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    t
};

/// Whether a field looks like a number (digits with an optional sign, point and exponent,
/// spaces around allowed): the cheap test used for every column. The target and the sample
/// weights are parsed in full by [`parse_number`].
#[inline]
pub fn looks_numeric(field: &[u8]) -> bool {
    let mut all = true;
    for &b in field {
        all &= NUMERIC_BYTE[b as usize];
    }
    all && field.iter().any(u8::is_ascii_digit)
}

/// The field's value as a number, as Python's `float()` reads it (surrounding spaces
/// allowed; `inf` and `nan` are numbers there too).
pub fn parse_number(field: &[u8]) -> Option<f64> {
    let text = std::str::from_utf8(field).ok()?.trim();
    if text.is_empty() {
        return None;
    }
    text.parse::<f64>().ok()
}

/// Up to `LINES_KEPT` line numbers and how many there were in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lines {
    pub count: u64,
    pub first: Vec<u64>,
}

/// How many line numbers a finding keeps to show.
pub const LINES_KEPT: usize = 5;

impl Lines {
    pub fn note(&mut self, line: u64) {
        self.count += 1;
        if self.first.len() < LINES_KEPT {
            self.first.push(line);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// `line 4` / `lines 4, 9 and 12` / `lines 4, 9, 12, 20, 31 and 95 more`.
    pub fn describe(&self) -> String {
        let listed: Vec<String> = self.first.iter().map(u64::to_string).collect();
        let more = self.count.saturating_sub(self.first.len() as u64);
        match (listed.len(), more) {
            (0, _) => String::new(),
            (1, 0) => format!("line {}", listed[0]),
            (_, 0) => {
                let (last, rest) = listed.split_last().unwrap_or((&listed[0], &[]));
                format!("lines {} and {last}", rest.join(", "))
            }
            (_, more) => format!("lines {} and {more} more", listed.join(", ")),
        }
    }
}

/// `1 row` / `2 rows`.
pub fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A value for a message: at most 60 characters, control characters escaped.
pub fn shown(value: &str) -> String {
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        if i == 60 {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// The column name closest to `wanted` among `names`: the same name in other capitals or with
/// spaces around it first, else one within a small edit distance (strsim's optimal string alignment: a swap of two letters is one edit).
pub fn close_match<'a>(wanted: &str, names: &'a [String]) -> Option<&'a str> {
    let folded = wanted.trim().to_lowercase();
    if let Some(name) = names
        .iter()
        .find(|n| n.as_str() != wanted && n.trim().to_lowercase() == folded)
    {
        return Some(name);
    }
    let limit = (wanted.chars().count() / 4).clamp(1, 3);
    let near = names
        .iter()
        .filter(|n| n.len() <= 4 * wanted.len() + 8)
        .map(|n| (strsim::osa_distance(&n.to_lowercase(), &folded), n))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n.as_str());
    if near.is_some() || folded.chars().count() < 4 {
        return near;
    }
    // A name holding the wanted one as a whole, or held by it, capitals aside ('churn' and
    // 'churned', 'label' and 'class_label'): the shortest such name.
    names
        .iter()
        .filter(|n| {
            let n = n.trim().to_lowercase();
            n.chars().count() >= 4 && (n.contains(&folded) || folded.contains(&n))
        })
        .min_by_key(|n| n.len())
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_values_are_pandas_defaults() {
        for v in ["", "  ", "NA", "nan", "NULL", "#N/A", "<NA>", "None"] {
            assert!(is_missing(v.as_bytes()), "{v:?}");
        }
        for v in ["0", "no", "Nan ", "none", "NAN", "x"] {
            assert!(!is_missing(v.as_bytes()), "{v:?}");
        }
    }

    #[test]
    fn numbers() {
        assert!(looks_numeric(b"-1.5e3"));
        assert!(!looks_numeric(b"1,5"));
        assert!(!looks_numeric(b"."));
        assert_eq!(parse_number(b" 2.5 "), Some(2.5));
        assert_eq!(parse_number(b"yes"), None);
    }

    #[test]
    fn line_lists() {
        let mut lines = Lines::default();
        assert_eq!(lines.describe(), "");
        lines.note(4);
        assert_eq!(lines.describe(), "line 4");
        lines.note(9);
        lines.note(12);
        assert_eq!(lines.describe(), "lines 4, 9 and 12");
        for l in 20..30 {
            lines.note(l);
        }
        assert_eq!(lines.describe(), "lines 4, 9, 12, 20, 21 and 8 more");
    }

    #[test]
    fn close_matches() {
        let names: Vec<String> = ["id", "churn", "total_spend"].map(String::from).into();
        assert_eq!(close_match("Churn", &names), Some("churn"));
        assert_eq!(close_match("chrun", &names), Some("churn"));
        assert_eq!(close_match("total_spent", &names), Some("total_spend"));
        assert_eq!(close_match("label", &names), None);
        // Held by a longer name, capitals aside, even past ten other columns.
        let mut many: Vec<String> = (0..11).map(|i| format!("c{i}")).collect();
        many.extend(["notes", "churned"].map(String::from));
        assert_eq!(close_match("Churn", &many), Some("churned"));
        assert_eq!(close_match("churned_flag", &many), Some("churned"));
        assert_eq!(close_match("abc", &["abcdefgh".to_string()]), None);
    }
}

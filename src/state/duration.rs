//! Durations: a field in seconds reads as words ("14400 s is 4 hours."). Hand-written: a
//! dozen lines of integer division, where a crate would add its formatting to the page.

use std::num::NonZeroU64;

use super::findings::plural;

/// The units a duration is written in, largest first (never zero, so dividing by one
/// cannot fail).
const UNITS: [(NonZeroU64, &str); 4] = [
    (NonZeroU64::new(86_400).unwrap(), "day"),
    (NonZeroU64::new(3_600).unwrap(), "hour"),
    (NonZeroU64::new(60).unwrap(), "minute"),
    (NonZeroU64::MIN, "second"),
];

/// A whole number of seconds in words, largest units first ("1 hour 30 minutes"); `None`
/// for what is not a plain positive whole number.
pub fn duration(seconds: &str) -> Option<String> {
    let s = seconds.trim();
    if s.is_empty() || s.len() > 12 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut left = s.parse::<u64>().ok().filter(|&n| n > 0)?;
    let mut parts = Vec::new();
    for (size, unit) in UNITS {
        if left >= size.get() {
            parts.push(plural((left / size) as usize, unit));
            left %= size;
        }
    }
    Some(parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_read_as_durations() {
        assert_eq!(duration("14400").as_deref(), Some("4 hours"));
        assert_eq!(duration("86400").as_deref(), Some("1 day"));
        assert_eq!(duration("5400").as_deref(), Some("1 hour 30 minutes"));
        assert_eq!(
            duration(" 90061 ").as_deref(),
            Some("1 day 1 hour 1 minute 1 second")
        );
        for not in ["", "0", "1e3", "-5", "5.0", "4h", "9999999999999"] {
            assert_eq!(duration(not), None, "{not}");
        }
    }
}

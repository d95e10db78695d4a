//! Number stepping with the arrow keys, as plain arithmetic on the field's text (the scalar
//! view only forwards the key and writes the result as typing would).

use automl_rules::model::Kind;

/// How the arrow keys step a number field: whole numbers by 1, fractions (0 to 1) by 0.05
/// onto the 0.05 grid, within the bounds, from the service's default (or the minimum) when
/// the field is empty. The field stays text, so what is typed is kept as typed, and only a
/// plain number steps (`5.0` and `1e3` are requests of their own, which the rules judge).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stepper {
    /// Bounds and start in ticks: ones, or hundredths for fractions.
    min: i64,
    max: i64,
    start: i64,
    /// Whether a tick is a hundredth (a fraction stepping by five of them).
    hundredths: bool,
}

impl Stepper {
    /// The stepping of a field of `kind` whose service default is `default`; `None` for
    /// what is not a number.
    pub fn of(kind: &Kind, default: Option<&str>) -> Option<Self> {
        // The default's leading number ("250 (for ensembling)" reads as 250).
        let default = default.map(|d| {
            let d = d.trim_start();
            d.split(|c: char| !c.is_ascii_digit() && c != '.')
                .next()
                .unwrap_or(d)
        });
        match *kind {
            Kind::Integer { min, max } => {
                let (min, max) = (min.unwrap_or(i64::MIN), max.unwrap_or(i64::MAX));
                let start = default
                    .and_then(|d| d.parse::<i64>().ok())
                    .unwrap_or(min.max(0));
                Some(Stepper {
                    min,
                    max,
                    start,
                    hundredths: false,
                })
            }
            Kind::Float { min, max } => {
                // Bounds in hundredths; the model's fractions lie in 0..=1.
                let ticks = |b: Option<f64>, or: i64| b.map_or(or, |b| (b * 100.0).round() as i64);
                let (min, max) = (ticks(min, 0), ticks(max, 100));
                let start = default
                    .and_then(hundredths)
                    .map_or(min, |(t, _)| t)
                    .max(min)
                    .min(max);
                Some(Stepper {
                    min,
                    max,
                    start,
                    hundredths: true,
                })
            }
            _ => None,
        }
    }

    /// The text after one step up or down from `text`; `None` leaves the field alone.
    pub fn next(&self, text: &str, up: bool) -> Option<String> {
        let text = text.trim();
        let next = if text.is_empty() {
            self.start
        } else if self.hundredths {
            // Onto the 0.05 grid: 0.2 → 0.25, 0.21 → 0.25 (up) or 0.2 (down).
            let (t, more) = hundredths(text)?;
            let on_grid = t % 5 == 0 && !more;
            match (up, on_grid) {
                (true, _) => (t / 5 + 1) * 5,
                (false, true) => t - 5,
                (false, false) => t / 5 * 5,
            }
        } else {
            let n = text.parse::<i64>().ok()?;
            if up {
                n.saturating_add(1)
            } else {
                n.saturating_sub(1)
            }
        };
        // Not `clamp`, which would panic on bounds the wrong way round.
        let next = next.max(self.min).min(self.max);
        let next = if self.hundredths {
            let (whole, cents) = (next / 100, next % 100);
            match cents {
                0 => whole.to_string(),
                c if c % 10 == 0 => format!("{whole}.{}", c / 10),
                c => format!("{whole}.{c:02}"),
            }
        } else {
            next.to_string()
        };
        // At a bound a step changes nothing: no edit, no undo step.
        (next != text).then_some(next)
    }
}

/// A plain non-negative decimal (`0.2`, `1`, `.5` is not one) in hundredths, rounded down,
/// and whether digits beyond the hundredths are not all zero.
fn hundredths(text: &str) -> Option<(i64, bool)> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 9 || !digits(whole) || !digits(fraction) {
        return None;
    }
    if text.ends_with('.') {
        return None;
    }
    let cents: i64 = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(2)
        .fold(0, |n, b| n * 10 + i64::from(b - b'0'));
    let more = fraction.bytes().skip(2).any(|b| b != b'0');
    Some((whole.parse::<i64>().ok()? * 100 + cents, more))
}

#[cfg(test)]
mod tests {
    use super::*;
    use automl_rules::model;

    #[test]
    fn arrow_keys_step_whole_numbers_and_fractions() {
        let candidates = Stepper::of(
            &model::shape_at("/AutoMLJobConfig/CompletionCriteria/MaxCandidates")
                .unwrap()
                .kind,
            Some("250 (for ensembling)"),
        )
        .unwrap();
        assert_eq!(candidates.next("", true).as_deref(), Some("250"));
        assert_eq!(candidates.next("7", false).as_deref(), Some("6"));
        assert_eq!(
            candidates.next("750", true),
            None,
            "at the maximum: no step"
        );
        assert_eq!(candidates.next("1", false), None, "at the minimum: no step");
        assert_eq!(candidates.next("751", true).as_deref(), Some("750"));
        assert_eq!(candidates.next("1e3", true), None);
        assert_eq!(candidates.next("5.0", true), None);
        let fraction = Stepper::of(
            &model::shape_at("/AutoMLJobConfig/DataSplitConfig/ValidationFraction")
                .unwrap()
                .kind,
            Some("0.2"),
        )
        .unwrap();
        let steps = |text: &str, up: bool| fraction.next(text, up);
        assert_eq!(steps("", true).as_deref(), Some("0.2"), "from the default");
        assert_eq!(steps("0.2", true).as_deref(), Some("0.25"));
        assert_eq!(steps("0.25", true).as_deref(), Some("0.3"));
        assert_eq!(steps("0.2", false).as_deref(), Some("0.15"));
        assert_eq!(
            steps("0.21", true).as_deref(),
            Some("0.25"),
            "onto the grid"
        );
        assert_eq!(steps("0.21", false).as_deref(), Some("0.2"));
        assert_eq!(steps("0.2000", false).as_deref(), Some("0.15"));
        assert_eq!(steps("0.201", false).as_deref(), Some("0.2"));
        assert_eq!(steps("0.05", false).as_deref(), Some("0"));
        assert_eq!(steps("0", false), None, "not below the minimum");
        assert_eq!(steps("0.95", true).as_deref(), Some("1"));
        assert_eq!(steps("1", true), None, "not past the maximum");
        assert_eq!(steps("1.0", true).as_deref(), Some("1"));
        assert_eq!(
            steps("3", false).as_deref(),
            Some("1"),
            "back within the bounds"
        );
        for plain_or_not in ["2e-1", ".5", "0.", "-0.1", "0,2", "x"] {
            assert_eq!(steps(plain_or_not, true), None, "{plain_or_not}");
        }
    }
}

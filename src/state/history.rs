//! Undo and Redo: the requests that "new request", imports, share links, other tabs and
//! removals took away, and their text format in localStorage. Plain data; the editor
//! ([`super::editor::Editor`]) keeps one [`History`] in a signal and the page saves it.

use super::draft::Draft;
use super::findings::plural;

/// At most this many steps are kept each way, and at most [`HISTORY_BYTES`] of requests
/// (the newest step is always kept): localStorage holds about 5 MB per site, and the draft
/// needs room too.
pub const HISTORY_STEPS: usize = 20;
pub const HISTORY_BYTES: usize = 1 << 20;

/// A request taken away from the form, as compact JSON after the V2 mark when it is one (what is saved, so a step costs no
/// work until Undo or Redo reads it back), and what took it away ("Started a new request.").
pub type Step = (String, String);

/// A step for `draft`.
pub fn step_of(draft: &Draft, what: &str) -> Step {
    (draft.to_compact(), what.to_string())
}

/// The requests Undo and Redo put back: newest last.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    pub back: Vec<Step>,
    pub forward: Vec<Step>,
}

impl History {
    /// Keeps `step` for Undo, within the bounds.
    pub fn push_back(&mut self, step: Step) {
        self.back.push(step);
        trim(&mut self.back);
    }

    /// Keeps `step` for Redo, within the bounds.
    pub fn push_forward(&mut self, step: Step) {
        self.forward.push(step);
        trim(&mut self.forward);
    }

    /// Takes the newest step from Undo's side (`back`) or Redo's; a step that no longer reads
    /// as a request (a hand-edited localStorage) is dropped.
    pub fn take(&mut self, back: bool) -> Option<(Draft, String)> {
        let steps = if back {
            &mut self.back
        } else {
            &mut self.forward
        };
        std::iter::from_fn(|| steps.pop())
            .find_map(|(request, what)| Some((step_draft(&request)?, what)))
    }

    /// The title of the Undo (`back`) or Redo button: "Undo “Imported the request” (2 steps
    /// available)", the first sentence of what the step did; `None` when there is none.
    pub fn title(&self, back: bool) -> Option<String> {
        let (steps, verb) = if back {
            (&self.back, "Undo")
        } else {
            (&self.forward, "Redo")
        };
        let did = first_sentence(&steps.last()?.1);
        Some(format!(
            "{verb} “{did}” ({} available)",
            plural(steps.len(), "step")
        ))
    }
}

/// The first sentence of what a step did, without its full stop: "Imported the request"
/// (what Undo's title quotes, and what another tab names).
pub fn first_sentence(what: &str) -> &str {
    what.split(". ").next().unwrap_or("").trim_end_matches('.')
}

/// A list of steps as saved: for each, what took it away on one line and the request as
/// compact JSON (which has no line break) on the next.
pub fn steps_to_text(steps: &[Step]) -> String {
    let mut text = String::new();
    for (request, what) in steps {
        text.push_str(&what.replace('\n', " "));
        text.push('\n');
        text.push_str(request);
        text.push('\n');
    }
    text
}

/// Reads what [`steps_to_text`] wrote (and the one-step form of earlier versions); a step
/// that is not a JSON object is skipped. The requests are parsed only when Undo or Redo
/// takes them (see [`step_draft`]), not when the page starts.
pub fn steps_from_text(text: &str) -> Vec<Step> {
    let mut lines = text.lines();
    let mut steps = Vec::new();
    while let (Some(what), Some(request)) = (lines.next(), lines.next()) {
        let (_, body) = super::api::split_saved(request);
        if body.starts_with('{') && body.ends_with('}') {
            steps.push((request.to_string(), what.to_string()));
        }
    }
    steps
}

/// The request of a step, when it still reads as one.
pub fn step_draft(request: &str) -> Option<Draft> {
    Draft::from_saved(request)
}

/// Drops the oldest steps beyond the bounds, keeping the newest one whatever its size.
pub fn trim(steps: &mut Vec<Step>) {
    let mut bytes = 0;
    let mut keep = 0;
    for (request, _) in steps.iter().rev() {
        bytes += request.len();
        if keep > 0 && (keep == HISTORY_STEPS || bytes > HISTORY_BYTES) {
            break;
        }
        keep += 1;
    }
    let drop = steps.len() - keep;
    steps.drain(..drop);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(name: &str) -> Step {
        let mut d = Draft::new();
        d.set_text("/AutoMLJobName", name);
        step_of(&d, &format!("replaced {name}\nwith a line break"))
    }

    #[test]
    fn history_steps_survive_saving_and_the_one_step_form_still_reads() {
        let steps = vec![step("a"), step("b")];
        let read = steps_from_text(&steps_to_text(&steps));
        assert_eq!(read.len(), 2);
        assert_eq!(read[1].0, steps[1].0);
        assert_eq!(read[1].1, "replaced b with a line break");
        let old = format!("Started a new request.\n{}", steps[0].0);
        assert_eq!(steps_from_text(&old)[0].0, steps[0].0);
        assert_eq!(
            step_draft(&steps_from_text(&old)[0].0).map(|d| d.text("/AutoMLJobName")),
            Some("a".to_string())
        );
        assert!(steps_from_text("what\nnot json\n").is_empty());
    }

    #[test]
    fn history_keeps_the_newest_steps_within_its_bounds() {
        let mut steps: Vec<Step> = (0..30).map(|i| step(&format!("n{i}"))).collect();
        trim(&mut steps);
        assert_eq!(steps.len(), HISTORY_STEPS);
        assert_eq!(
            step_draft(&steps.last().unwrap().0)
                .unwrap()
                .text("/AutoMLJobName"),
            "n29"
        );
        let mut big = Draft::new();
        big.set_text("/AutoMLJobName", &"x".repeat(HISTORY_BYTES));
        let mut steps = vec![step("old"), step_of(&big, "")];
        trim(&mut steps);
        assert_eq!(steps.len(), 1, "the newest is kept whatever its size");
        assert_eq!(steps[0].0, big.to_compact());
    }

    #[test]
    fn undo_and_redo_take_the_newest_readable_step_and_name_it() {
        let mut h = History::default();
        assert_eq!(h.title(true), None);
        h.push_back(step("a"));
        h.back
            .push(("not a request".to_string(), "Broken.".to_string()));
        h.push_forward(step("b"));
        h.back.push(step("c"));
        h.back.last_mut().unwrap().1 = "Imported the request. Undo puts it back.".to_string();
        assert_eq!(
            h.title(true).as_deref(),
            Some("Undo “Imported the request” (3 steps available)")
        );
        assert_eq!(
            h.title(false).as_deref(),
            Some("Redo “replaced b\nwith a line break” (1 step available)")
        );
        let (d, what) = h.take(true).unwrap();
        assert_eq!(d.text("/AutoMLJobName"), "c");
        assert!(what.starts_with("Imported"));
        let (d, _) = h.take(true).unwrap();
        assert_eq!(
            d.text("/AutoMLJobName"),
            "a",
            "the unreadable step is dropped"
        );
        assert!(h.take(true).is_none() && h.back.is_empty());
        assert_eq!(h.take(false).unwrap().0.text("/AutoMLJobName"), "b");
    }
}

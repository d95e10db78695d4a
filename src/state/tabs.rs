//! Two tabs, one saved draft. Every tab saves into the same localStorage key; beside it,
//! [`DRAFT_ORIGIN_KEY`](super::DRAFT_ORIGIN_KEY) says which line of edits the saved draft
//! belongs to ([`Origin`]): a tab starts a new line when it replaces its whole request (a
//! share link, an import, "new request", the example, Undo and Redo), and keeps its line
//! while it edits. When another tab saves:
//!
//! - the same line of edits (the same request, edited in two tabs): this tab shows the
//!   newer text, with its own one Undo away (as before);
//! - a different request (a share link opened in a second tab): this tab keeps its own on
//!   screen, says that another tab opened a different request, and offers both, keep mine or
//!   load the other; the other is kept in this tab's Undo history at once, so neither is
//!   lost whatever the person does next (closing the tab included).
//!
//! No locks and no clocks: the ids only need to differ between lines of edits.

use super::history::first_sentence;

/// The line of edits a saved draft belongs to, and what started it ("Opened the request
/// from the share link").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub id: String,
    pub how: String,
}

impl Origin {
    /// A new line of edits, started by `what` (its first sentence is kept).
    pub fn new(id: String, what: &str) -> Self {
        Origin {
            id,
            how: first_sentence(what).to_string(),
        }
    }

    /// As saved: the id on one line, what started it on the next.
    pub fn to_text(&self) -> String {
        format!("{}\n{}", self.id, self.how.replace('\n', " "))
    }

    /// Reads what [`Origin::to_text`] wrote; `None` for anything else.
    pub fn from_text(text: &str) -> Option<Self> {
        let (id, how) = text.split_once('\n')?;
        (!id.is_empty()).then(|| Origin {
            id: id.to_string(),
            how: how.to_string(),
        })
    }
}

/// What this tab makes of a draft another tab saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    /// The request this tab shows: nothing to do.
    Same,
    /// The same line of edits, changed in the other tab: show it.
    Follow,
    /// A different request: keep this tab's, and offer both.
    Other,
}

/// Judges a draft another tab saved (`saved_text`, of line `saved`) against this tab's
/// (`mine_text`, of line `mine`). A draft saved with no origin (by an older version of the
/// page) counts as a different request: it is never taken silently.
pub fn judge(mine_text: &str, mine: &Origin, saved_text: &str, saved: Option<&Origin>) -> Saved {
    if mine_text == saved_text {
        Saved::Same
    } else if saved.is_some_and(|s| s.id == mine.id) {
        Saved::Follow
    } else {
        Saved::Other
    }
}

/// What this tab says when another tab saved a different request.
pub fn other_tab_line(other: &Origin) -> String {
    let how = other.how.trim();
    let how = if how.is_empty() {
        String::new()
    } else {
        format!(" (“{how}”)")
    };
    format!(
        "Another tab opened a different request{how} and saved it as the draft. This tab still shows yours: keep it, or load the other. The one you do not choose stays one Undo away."
    )
}

/// The Undo step that keeps the other tab's request in this tab (and the notice once this
/// tab's is kept): Undo puts the other tab's request here.
pub const KEPT_MINE: &str =
    "Kept this tab's request rather than the one another tab opened. Undo puts the other tab's request here.";

/// What loading the other tab's request says.
pub const LOADED_OTHER: &str = "Loaded the request another tab opened. Undo puts yours back.";

/// What following the same request, edited in another tab, says.
pub const FOLLOWED: &str =
    "Another tab changed this request, and this tab now shows the change. Undo puts this tab's version back.";

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(id: &str) -> Origin {
        Origin::new(
            id.to_string(),
            "Opened the request from the share link. Undo puts your previous draft back.",
        )
    }

    #[test]
    fn an_origin_survives_saving_and_junk_is_none() {
        let o = origin("k3j");
        assert_eq!(o.how, "Opened the request from the share link");
        assert_eq!(Origin::from_text(&o.to_text()), Some(o));
        assert_eq!(Origin::from_text("no line break"), None);
        assert_eq!(Origin::from_text("\nno id"), None);
        let odd = Origin {
            id: "a".into(),
            how: "two\nlines".into(),
        };
        assert_eq!(Origin::from_text(&odd.to_text()).unwrap().how, "two lines");
    }

    /// Regression: a share link opened in a second tab replaced, without a word, the draft
    /// the first tab was editing.
    #[test]
    fn a_different_request_is_never_followed_silently() {
        let (mine, other) = (origin("a"), origin("b"));
        assert_eq!(judge("{}", &mine, "{}", Some(&other)), Saved::Same);
        assert_eq!(judge("{}", &mine, "{\"x\":1}", Some(&mine)), Saved::Follow);
        assert_eq!(judge("{}", &mine, "{\"x\":1}", Some(&other)), Saved::Other);
        assert_eq!(
            judge("{}", &mine, "{\"x\":1}", None),
            Saved::Other,
            "a draft saved by an older page"
        );
        let line = other_tab_line(&other);
        assert!(line.starts_with(
            "Another tab opened a different request (“Opened the request from the share link”)"
        ));
        assert!(line.contains("keep it, or load the other"), "{line}");
    }
}

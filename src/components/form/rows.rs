//! The rows of the form's lists and of the findings under a field, kept by their place.
//!
//! Hand-written rather than Leptos' `For`: both uses key a row by its place (a list item by
//! its index; a finding by its index, code and kind), so a row can only ever match the row
//! that was in the same place, and `For`'s keyed diff (its moves, its hash of keys, 9 KB of
//! wasm instantiated per use) does nothing here that a walk over the places does not. Each
//! row is built once under an owner of its own and kept, with its DOM, its focus and what is
//! typed in it, while the key in its place stays; a row whose key changed is drawn again in
//! its place, and the rows past the end are removed.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::reactive::effect::RenderEffect;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};
use web_sys::Element;

/// A row's key: its place and what else tells its rows apart (a finding's code and a few
/// bits of its kind; a list item's place alone).
pub type RowKey = (usize, &'static str, u8);

type Each = Rc<dyn Fn() -> Vec<RowKey>>;
type Row = Rc<dyn Fn(RowKey) -> AnyView>;

/// What [`rows`] draws: the keys of the rows, and a row's view from its key.
#[derive(Clone)]
pub struct Keyed {
    each: Each,
    row: Row,
}

/// The rows `each` names, drawn by `row`: used as `use:rows=keyed(…)` on a list element that
/// holds nothing else. (With a value: Leptos' `view!` takes an element whose attributes are
/// all without a value, as `use:name` is, for static markup and drops the directive.)
pub fn keyed(
    each: impl Fn() -> Vec<RowKey> + 'static,
    row: impl Fn(RowKey) -> AnyView + 'static,
) -> Keyed {
    Keyed {
        each: Rc::new(each),
        row: Rc::new(row),
    }
}

/// One drawn row: its key, its view and the owner of its signals and effects.
struct Drawn {
    key: RowKey,
    view: AnyViewState,
    owner: Owner,
}

impl Drawn {
    /// Takes the row out of the page and disposes of what it owns: its effects (a row's own
    /// rows among them, whose effect holds the row's owner, so dropping the owner alone would
    /// keep it alive and running).
    fn remove(mut self) {
        self.view.unmount();
        self.owner.cleanup();
    }
}

/// Draws the rows into `list`, each kept while its key stays in its place.
pub fn rows(list: Element, keyed: Keyed) {
    let Keyed { each, row } = keyed;
    // Only rows live in the list: on a rebuild of the element in place, the rows drawn by
    // the effect it replaces (disposed with its owner) go first.
    list.set_text_content(None);
    let parent = Owner::current();
    let effect = RenderEffect::new(move |drawn: Option<Vec<Drawn>>| {
        let mut drawn = drawn.unwrap_or_default();
        let keys = each();
        for (i, key) in keys.iter().copied().enumerate() {
            if drawn.get(i).is_some_and(|d| d.key == key) {
                continue;
            }
            let owner = parent
                .as_ref()
                .map_or_else(Owner::new, |p| p.with(Owner::new));
            let view = owner.with(|| untrack(|| row(key).build()));
            let mut new = Drawn { key, view, owner };
            match drawn.get_mut(i) {
                Some(old) => {
                    old.view.insert_before_this(&mut new.view);
                    std::mem::replace(old, new).remove();
                }
                None => {
                    new.view.mount(&list, None);
                    drawn.push(new);
                }
            }
        }
        for gone in drawn.drain(keys.len().min(drawn.len())..) {
            gone.remove();
        }
        drawn
    });
    // Kept while the view that drew the list is: disposed with its owner.
    StoredValue::new_local(effect);
}

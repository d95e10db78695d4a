//! The reactive parts of the form's views (a text, an attribute, a part shown or not) as one
//! type per value type. Leptos instantiates its render-effect code (build, rebuild, the
//! attribute's and the view's type erasure) for every closure type it is given; a closure
//! put behind [`Live`] first is one type, so every text of the form shares one copy of that
//! code, every `bool` attribute another, and so on.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;

/// A closure the view re-runs when what it reads changes: Leptos' own shared form of one
/// (tachys' `SharedReactiveFunction`), usable as a text, an attribute, a property or a class.
pub(crate) type Live<T> = Arc<Mutex<dyn FnMut() -> T + Send>>;

/// `f` as a [`Live`].
pub(crate) fn live<T: 'static>(f: impl Fn() -> T + Send + 'static) -> Live<T> {
    Arc::new(Mutex::new(f))
}

/// A part of a view drawn again when what `f` reads changes.
pub(crate) fn live_view(f: impl Fn() -> AnyView + Send + 'static) -> AnyView {
    erased(live(f))
}

#[inline(never)]
fn erased(f: Live<AnyView>) -> AnyView {
    f.into_any()
}

/// `view` while `when` holds, else nothing.
pub(crate) fn shown_when(
    when: impl Fn() -> bool + Send + 'static,
    view: impl Fn() -> AnyView + Send + 'static,
) -> AnyView {
    live_view(move || if when() { view() } else { ().into_any() })
}

//! The parts of the page's views drawn again when what they read changes (a section shown
//! or not, the VPC group, an enum's options, the seconds hint, a list's hidden rows, the
//! required mark, a finding's wording, and around the form the panels' changing parts) as one
//! type. Leptos instantiates its render-effect code (build, rebuild, the view's type erasure)
//! for every closure type it is given; behind [`Live`] every such part shares one copy of it.
//! The form's own attributes go through [`text_attr`] and [`maybe_attr`]: custom attributes
//! named by text, one copy of Leptos' attribute code per value type rather than one per
//! attribute name. (Texts stay plain closures: put behind one type they came out heavier, as a
//! shared closure is no longer inlined.)

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::{custom_attribute, CustomAttr};

/// A closure the view re-runs when what it reads changes: Leptos' own shared form of one
/// (tachys' `SharedReactiveFunction`).
type Live = Arc<Mutex<dyn FnMut() -> AnyView + Send>>;

/// A part of a view drawn again when what `f` reads changes.
pub(crate) fn live_view(f: impl Fn() -> AnyView + Send + 'static) -> AnyView {
    erased(Arc::new(Mutex::new(f)))
}

#[inline(never)]
fn erased(f: Live) -> AnyView {
    f.into_any()
}

/// `view` while `when` holds, else nothing.
pub(crate) fn shown_when(
    when: impl Fn() -> bool + Send + 'static,
    view: impl Fn() -> AnyView + Send + 'static,
) -> AnyView {
    live_view(move || if when() { view() } else { ().into_any() })
}

/// A memo of what `f` computes. Leptos instantiates its memo code (the constructor and the
/// closure it wraps) for every closure type; through this one boxed form, once per value
/// type, as the page's effects go through `state::shared::effect`.
pub(crate) fn memo<T>(f: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    memo_boxed(Box::new(f))
}

#[inline(never)]
fn memo_boxed<T>(f: Box<dyn Fn() -> T + Send + Sync>) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| f())
}

/// An attribute's value the view re-reads when what it reads changes (tachys' shared form of a
/// closure, as [`Live`]).
type LiveText<T> = Arc<Mutex<dyn FnMut() -> T + Send>>;

/// An attribute whose text follows what `f` reads, named by text. Leptos' code for a named
/// attribute (`aria-invalid=…`) is instantiated per name and value type; through this one
/// type (a custom attribute, whose name is a value) every such attribute of the form shares
/// one copy.
pub(crate) fn text_attr(
    name: &'static str,
    f: impl FnMut() -> String + Send + 'static,
) -> CustomAttr<&'static str, LiveText<String>> {
    custom_attribute(name, Arc::new(Mutex::new(f)))
}

/// An attribute present while `f` gives its text, named by text: one type for every such
/// attribute of the form, as [`text_attr`].
pub(crate) fn maybe_attr(
    name: &'static str,
    f: impl FnMut() -> Option<String> + Send + 'static,
) -> CustomAttr<&'static str, LiveText<Option<String>>> {
    custom_attribute(name, Arc::new(Mutex::new(f)))
}

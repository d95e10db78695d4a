//! One keyed list of rows for every `For` of the first load: the items of the form's lists
//! and the findings under a field. Leptos' `For` is generic over its closures and item type,
//! and each use instantiates its keyed-list code anew (about 5 KB of wasm each); here its
//! closures are boxed and its key is one small type, so every use shares one instantiation.

use std::sync::Arc;

use leptos::prelude::*;

/// A row's key: its place and what else tells its rows apart (a finding's code and a few
/// bits of its kind; a list item's place alone).
pub(crate) type RowKey = (usize, &'static str, u8);

/// The rows `each` names, each drawn once by `row` and kept (with its DOM, its focus and
/// what is typed in it) while its key stays.
pub(crate) fn keyed_rows(
    each: impl Fn() -> Vec<RowKey> + Send + Sync + 'static,
    row: impl Fn(RowKey) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    boxed_rows(Box::new(each), Arc::new(row))
}

type Each = Box<dyn Fn() -> Vec<RowKey> + Send + Sync>;
type Row = Arc<dyn Fn(RowKey) -> AnyView + Send + Sync>;

#[inline(never)]
fn boxed_rows(each: Each, row: Row) -> AnyView {
    view! { <For each=each key=|k: &RowKey| *k children=move |k| row(k)/> }.into_any()
}

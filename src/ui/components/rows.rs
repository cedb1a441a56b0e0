//! A keyed list of rows by catalog index, shared by the step pages.
//!
//! Each `<For>` with closures of its own is a new copy of Leptos's keyed
//! list, about 3 KB of wasm apiece. The step pages list threats or controls
//! by index, so they all go through this one copy: the key is the index,
//! and a row is built by a plain function and erased.

use leptos::prelude::*;

/// `<ul class="plain rows">` with one row per index in `each`, keyed by the
/// index, so that a row keeps its state (focus, an open form) while others
/// come and go.
pub fn index_rows(each: Memo<Vec<usize>>, row: fn(usize) -> AnyView) -> impl IntoView {
    view! {
        <ul class="plain rows">
            <For each=move || each.get() key=|i| *i children=move |i| row(i) />
        </ul>
    }
}

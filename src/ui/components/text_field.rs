//! A labelled text input (or text area) bound to a value and a setter.

use leptos::prelude::*;
use std::sync::Arc;

/// A field's value; a plain shared closure, as for [`super::choice::Selected`].
pub type Value = Arc<dyn Fn() -> String + Send + Sync>;
/// Writes a field's value.
pub type Write = Arc<dyn Fn(String) + Send + Sync>;

/// `kind` is the input's type, or "textarea" for a two-row text area. `id`
/// is also the test id.
#[component]
pub fn TextField(
    label: &'static str,
    kind: &'static str,
    id: String,
    value: Value,
    on_input: Write,
) -> impl IntoView {
    let input = move |ev| on_input(event_target_value(&ev));
    // Two options rather than a type-erased view: one of them renders.
    let (textarea, line) = if kind == "textarea" {
        let area = view! {
            <textarea id=id.clone() rows="2" data-testid=id.clone() prop:value=move || value() on:input=input></textarea>
        };
        (Some(area), None)
    } else {
        let line = view! {
            <input id=id.clone() type=kind data-testid=id.clone() prop:value=move || value() on:input=input />
        };
        (None, Some(line))
    };
    view! {
        <label for=id>{label}</label>
        {textarea}
        {line}
    }
}

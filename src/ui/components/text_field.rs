//! A labelled text input (or text area) bound to a value and a setter.

use leptos::prelude::*;

/// `kind` is the input's type, or "textarea" for a two-row text area. `id`
/// is also the test id.
#[component]
pub fn TextField(
    label: &'static str,
    kind: &'static str,
    id: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
) -> impl IntoView {
    let input = move |ev| on_input.run(event_target_value(&ev));
    // Options rather than a type-erased view: one of the two renders.
    let area = kind == "textarea";
    let textarea = area.then(|| {
        view! {
            <textarea id=id.clone() rows="2" data-testid=id.clone() prop:value=move || value.get() on:input=input></textarea>
        }
    });
    let line = (!area).then(|| {
        view! {
            <input id=id.clone() type=kind data-testid=id.clone() prop:value=move || value.get() on:input=input />
        }
    });
    view! {
        <label for=id>{label}</label>
        {textarea}
        {line}
    }
}

//! A small form that will not apply without a reason: used wherever the
//! Exchange's procedure asks for a rationale (overrides, "not applicable").

use leptos::prelude::*;

#[component]
pub fn RationaleForm(
    /// The question, such as "Why exclude it? (required)".
    #[prop(into)]
    label: Signal<String>,
    #[prop(into)] apply_label: Signal<String>,
    /// Prefix of the test ids: `<prefix>-rationale` and `<prefix>-apply`.
    testid: String,
    on_apply: impl Fn(String) + 'static,
    on_cancel: impl Fn() + 'static,
) -> impl IntoView {
    let draft = RwSignal::new(String::new());
    view! {
        <div class="override-form">
            <label>
                <span>{label}</span>
                <textarea
                    rows="2"
                    data-testid=format!("{testid}-rationale")
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                ></textarea>
            </label>
            <div class="row">
                <button
                    type="button"
                    class="primary"
                    data-testid=format!("{testid}-apply")
                    disabled=move || draft.with(|d| d.trim().is_empty())
                    on:click=move |_| {
                        let text = draft.get_untracked().trim().to_string();
                        if !text.is_empty() {
                            on_apply(text);
                        }
                    }
                >
                    {apply_label}
                </button>
                <button type="button" on:click=move |_| on_cancel()>"Cancel"</button>
            </div>
        </div>
    }
}

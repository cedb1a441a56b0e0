//! One system-profile question: yes / no / unknown, or a set of components.

use crate::core::answers::Tri;
use crate::core::catalog::QuestionKind;
use crate::ui::state::use_assess;
use leptos::prelude::*;

#[component]
pub fn QuestionField(index: usize) -> impl IntoView {
    let assess = use_assess();
    let catalog = assess.catalog;
    let answers = Memo::new(move |_| assess.assessment.with(|a| a.answers.clone()));
    let q = &catalog.questions[index];
    let id = q.id;
    let hidden = move || answers.with(|a| !a.is_visible(catalog, index));
    let help_id = format!("help-{id}");
    let described_by = help_id.clone();
    let dependent = q.depends_on.is_some();

    let control = match q.kind {
        QuestionKind::YesNo => {
            let options = [
                (Tri::Yes, "Yes"),
                (Tri::No, "No"),
                (Tri::Unknown, "Unknown"),
            ];
            options
                .into_iter()
                .map(|(value, label)| {
                    view! {
                        <label class="choice" data-value=value.as_str()>
                            <input
                                type="radio"
                                name=format!("q-{id}")
                                value=value.as_str()
                                data-testid=format!("answer-{id}-{}", value.as_str())
                                prop:checked=move || answers.with(|a| a.get(id) == value)
                                on:change=move |_| assess.update(|a| a.answers.set(id, value))
                            />
                            <span>{label}</span>
                        </label>
                    }
                })
                .collect_view()
                .into_any()
        }
        QuestionKind::Components(choices) => choices
            .iter()
            .map(|c| {
                let cid = c.id;
                view! {
                    <label class="choice choice-wide">
                        <input
                            type="checkbox"
                            value=cid
                            data-testid=format!("answer-{id}-{cid}")
                            prop:checked=move || {
                                answers.with(|a| a.components(id).iter().any(|x| x == cid))
                            }
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                assess.update(|a| a.answers.toggle_component(catalog, id, cid, on));
                            }
                        />
                        <span>{c.label}</span>
                    </label>
                }
            })
            .collect_view()
            .into_any(),
    };

    view! {
        <fieldset
            class="question"
            class:dependent=dependent
            data-testid=format!("question-{id}")
            hidden=hidden
            aria-describedby=described_by
        >
            <legend>{q.text}</legend>
            <p class="help" id=help_id>{q.help}</p>
            <div class="choices">{control}</div>
        </fieldset>
    }
}

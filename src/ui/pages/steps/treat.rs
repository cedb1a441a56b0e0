//! Treatment (2026-08, step 3): for each risk that needs it, whether it is
//! mitigated, transferred, avoided or accepted, and why.

use super::risk::level_line;
use super::StepHeader;
use crate::core::assessment::Treatment;
use crate::core::dashboard::{in_scope, Step};
use crate::core::risk::effective_score;
use crate::ui::components::choice::EnumSelect;
use crate::ui::components::rows::index_rows;
use crate::ui::components::threat_link::ThreatLink;
use crate::ui::record::{field, Text};
use crate::ui::state::use_assess;
use leptos::prelude::*;

const TEXTS: &[Text<Treatment>] = &[("rationale", "Why", "textarea", field!(rationale))];

#[component]
fn TreatRow(threat: usize) -> impl IntoView {
    let assess = use_assess();
    let t = &assess.catalog.threats[threat];
    let id = t.id;
    let current = assess.record::<Treatment>(id);
    let inherent = move || {
        assess.assessment.with(|a| {
            assess
                .selection
                .with(|s| effective_score(a, s, threat).inherent.level())
        })
    };
    let choice_id = format!("treat-choice-{id}");
    view! {
        <li
            class="row-card"
            data-testid=format!("treat-{id}")
            data-choice=move || current.with(|x| x.choice.map_or("", |c| c.as_str()))
        >
            <div class="row-head">
                <ThreatLink threat=t />
                <span class="residual">
                    {move || level_line(inherent(), "Inherent risk ", "Inherent risk not scored yet")}
                </span>
            </div>
            <div class="fields">
                <label for=choice_id.clone()>"Treatment"</label>
                <EnumSelect
                    id=choice_id.clone()
                    testid=choice_id
                    none="Not decided"
                    value=move || current.with(|x| x.choice)
                    on_change=move |c| assess.edit(id, |x: &mut Treatment| x.choice = c)
                />
                {assess.text_fields(id, current, "treat", TEXTS)}
            </div>
        </li>
    }
}

#[component]
pub fn TreatStep() -> impl IntoView {
    let assess = use_assess();
    let catalog = assess.catalog;
    // Those the evaluation did not set aside as "applies in theory only".
    let split = Memo::new(move |_| {
        assess.assessment.with(|a| {
            assess.selection.with(|s| {
                in_scope(s).into_iter().partition::<Vec<usize>, _>(|&t| {
                    a.treatment
                        .get(catalog.threats[t].id)
                        .and_then(|x| x.needed)
                        != Some(false)
                })
            })
        })
    });
    let treat = Memo::new(move |_| split.with(|(treat, _)| treat.clone()));
    let aside = move || {
        split.with(|(_, aside)| {
            aside
                .iter()
                .map(|&t| catalog.threats[t].section)
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    view! {
        <section class="panel treat-step">
            <StepHeader
                step=Step::Treat
                lede="For each risk that needs treatment, choose how: mitigate it with controls, \
                transfer it to another party, avoid it by not doing what causes it, or accept it. \
                Say why. Controls are chosen in a later step."
            />
            <Show when=move || split.with(|(_, aside)| !aside.is_empty())>
                <p class="muted" data-testid="treat-aside">
                    "Applies in theory only, so not treated: " {aside} "."
                </p>
            </Show>
            <Show when=move || treat.with(Vec::is_empty)>
                <p class="empty">"No risk needs treatment: the evaluation step decides which do."</p>
            </Show>
            {index_rows(treat, |threat| view! { <TreatRow threat /> }.into_any())}
        </section>
    }
}

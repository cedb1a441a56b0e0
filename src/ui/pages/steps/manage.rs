//! Further management (2026-08, step 9): an owner and a due date for every
//! control under way, and a review date for every accepted risk.

use super::StepHeader;
use crate::core::assessment::{Acceptance, ControlPlan, ControlStatus, Decision};
use crate::core::dashboard::{control_status, in_scope, Step};
use crate::ui::components::chips::ControlChip;
use crate::ui::components::rows::index_rows;
use crate::ui::components::threat_link::ThreatLink;
use crate::ui::record::{field, Text};
use crate::ui::state::use_assess;
use leptos::prelude::*;

const CONTROL_TEXTS: &[Text<ControlPlan>] = &[
    ("owner", "Owner", "text", field!(owner)),
    ("due", "Due", "date", field!(due)),
];
const REVIEW_TEXTS: &[Text<Acceptance>] = &[("review", "Review by", "date", field!(review))];

#[component]
fn ControlLine(control: usize) -> impl IntoView {
    let assess = use_assess();
    let catalog = assess.catalog;
    let id = catalog.controls[control].id;
    let plan = assess.record::<ControlPlan>(id);
    view! {
        <li class="row-card" data-testid=format!("manage-ctl-{id}")>
            <div class="row-head">
                <ControlChip catalog index=control />
                <span class="cname">{catalog.controls[control].name}</span>
                <span class="muted">{move || plan.with(|p| p.status.label())}</span>
            </div>
            <div class="fields">{assess.text_fields(id, plan, "manage", CONTROL_TEXTS)}</div>
        </li>
    }
}

#[component]
fn ReviewLine(threat: usize) -> impl IntoView {
    let assess = use_assess();
    let t = &assess.catalog.threats[threat];
    let current = assess.record::<Acceptance>(t.id);
    view! {
        <li class="row-card" data-testid=format!("manage-acc-{}", t.id)>
            <div class="row-head"><ThreatLink threat=t /></div>
            <div class="fields">{assess.text_fields(t.id, current, "manage", REVIEW_TEXTS)}</div>
        </li>
    }
}

#[component]
pub fn ManageStep() -> impl IntoView {
    let assess = use_assess();
    let catalog = assess.catalog;
    let controls = Memo::new(move |_| {
        assess.assessment.with(|a| {
            assess.selection.with(|s| {
                s.controls
                    .iter()
                    .map(|c| c.control)
                    .filter(|&c| {
                        matches!(
                            control_status(a, catalog.controls[c].id),
                            ControlStatus::Planned | ControlStatus::Partly
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let accepted = Memo::new(move |_| {
        assess.assessment.with(|a| {
            assess.selection.with(|s| {
                in_scope(s)
                    .into_iter()
                    .filter(|&t| {
                        a.acceptance
                            .get(catalog.threats[t].id)
                            .is_some_and(|x| x.decision == Decision::Accepted)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section class="panel manage-step">
            <StepHeader
                step=Step::Manage
                lede="Keep the work moving: give every control still under way an owner and a due \
                date, and every accepted risk a date to look at it again."
            />
            <h2>"Controls under way"</h2>
            <Show when=move || controls.with(Vec::is_empty)>
                <p class="empty">"No control is planned or partly implemented."</p>
            </Show>
            {index_rows(controls, |control| view! { <ControlLine control /> }.into_any())}
            <h2>"Accepted risks"</h2>
            <Show when=move || accepted.with(Vec::is_empty)>
                <p class="empty">"No residual risk is accepted yet."</p>
            </Show>
            {index_rows(accepted, |threat| view! { <ReviewLine threat /> }.into_any())}
        </section>
    }
}

//! Step 6, residual risk acceptance: for each threat in scope, whether the
//! risk left after controls is accepted, by whom, when, why, and when to look
//! again.

use super::acceptance_bulk::BulkPanel;
use super::risk::level_line;
use super::OpenThreats;
use super::StepHeader;
use crate::core::assessment::{Acceptance, Decision};
use crate::core::bulk::decide;
use crate::core::dashboard::{in_scope, open_acceptances, Step};
use crate::core::risk::effective_score;
use crate::ui::components::choice::EnumSelect;
use crate::ui::components::evidence::EvidenceEditor;
use crate::ui::components::rows::index_rows;
use crate::ui::components::threat_link::ThreatLink;
use crate::ui::record::{field, Text};
use crate::ui::state::use_assess;
use crate::ui::storage::today;
use leptos::prelude::*;
use std::sync::Arc;

/// The text fields of an acceptance, in the order of the form.
const TEXTS: &[Text<Acceptance>] = &[
    // Whoever decided, whichever way: "approved" would be untrue of a refusal.
    ("approver", "Decided by", "text", field!(approver)),
    ("date", "Decided on", "date", field!(date)),
    ("review", "Review by", "date", field!(review)),
    ("rationale", "Rationale", "textarea", field!(rationale)),
];

#[component]
fn AcceptanceRow(threat: usize) -> impl IntoView {
    let assess = use_assess();
    let t = &assess.catalog.threats[threat];
    let id = t.id;
    let current = assess.record::<Acceptance>(id);
    // A parent's residual is its children's highest (see effective_score).
    let score = Memo::new(move |_| {
        assess
            .assessment
            .with(|a| assess.selection.with(|s| effective_score(a, s, threat)))
    });
    let residual = move || score.with(|r| r.residual.level());
    // A residual risk above the inherent one needs explaining.
    let unexplained = move || {
        assess.assessment.with(|a| {
            score.with(|r| r.residual_above_inherent())
                && a.acceptance
                    .get(id)
                    .is_none_or(|x| x.rationale.trim().is_empty())
        })
    };
    // Accepted above the appetite: the criteria say it needs escalation.
    let above = move || {
        let appetite = assess.assessment.with(|a| a.criteria.appetite)?;
        let level = residual()?;
        let accepted = current.with(|x| x.decision == Decision::Accepted);
        (accepted && level > appetite).then(|| {
            view! {
                <p class="notice" role="status" data-testid=format!("acc-above-{id}")>
                    {format!("Accepted above the appetite (level {level}, appetite {appetite}): this needs escalation.")}
                </p>
            }
        })
    };
    let decision_id = format!("acc-decision-{id}");
    let decision = move || current.with(|x| x.decision);
    let on_decision = move |d: Option<Decision>| {
        let chosen = d.unwrap_or_default();
        // A decision with no date yet is dated today.
        assess.edit(id, |x: &mut Acceptance| decide(x, chosen, &today()));
    };
    let fields = assess.text_fields(id, current, "acc", TEXTS);
    view! {
        <li class="row-card" data-testid=format!("acc-{id}") data-decision=move || decision().as_str()>
            <div class="row-head">
                <ThreatLink threat=t />
                <span class="residual" data-testid=format!("acc-residual-{id}")>
                    {move || level_line(residual(), "Residual risk ", "Residual risk not scored yet")}
                </span>
            </div>
            {above}
            <Show when=unexplained>
                <p class="notice" role="status" data-testid=format!("acc-raised-{id}")>
                    "The residual risk is above the inherent risk: controls do not raise a risk. "
                    "Check the risk scores, or give the reason in the rationale."
                </p>
            </Show>
            <div class="fields">
                <label for=decision_id.clone()>"Decision"</label>
                <EnumSelect
                    id=decision_id.clone()
                    testid=decision_id
                    value=move || Some(decision())
                    on_change=on_decision
                />
                {fields}
            </div>
            <EvidenceEditor
                testid=format!("acc-ev-{id}")
                list=Signal::derive(move || current.with(|x| x.evidence.clone()))
                set=Arc::new(move |v| assess.edit(id, |x: &mut Acceptance| x.evidence = v))
            />
        </li>
    }
}

#[component]
pub fn AcceptanceStep() -> impl IntoView {
    let assess = use_assess();
    let threats = Memo::new(move |_| assess.selection.with(in_scope));
    let open = Memo::new(move |_| {
        assess
            .assessment
            .with(|a| assess.selection.with(|s| open_acceptances(a, s)))
    });
    view! {
        <section class="panel acceptance-step">
            <StepHeader
                step=Step::Acceptance
                lede="For each threat in scope, decide whether the risk that remains after your controls \
                is acceptable. Note who decided, when and why, and when to look at it again."
            />
            <Show when=move || !threats.with(Vec::is_empty)>
                <BulkPanel />
            </Show>
            <Show when=move || threats.with(Vec::is_empty)>
                <p class="empty">
                    "No threat is in scope, so there is nothing to accept. The first step decides which "
                    "threats apply."
                </p>
            </Show>
            <OpenThreats
                label=Signal::derive(move || format!("Residual risk not accepted ({}): ", open.with(Vec::len)))
                testid="open-acceptances"
                threats=open
            />
            <Show when=move || !threats.with(Vec::is_empty) && open.with(Vec::is_empty)>
                <p class="muted" data-testid="all-accepted">"The residual risk of every threat in scope is accepted."</p>
            </Show>
            {index_rows(threats, |threat| view! { <AcceptanceRow threat /> }.into_any())}
        </section>
    }
}

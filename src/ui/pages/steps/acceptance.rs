//! Step 6, residual risk acceptance: for each threat in scope, whether the
//! risk left after controls is accepted, by whom, when, why, and when to look
//! again.

use super::OpenThreats;
use super::StepHeader;
use crate::core::assessment::{Acceptance, Decision};
use crate::core::dashboard::{in_scope, open_acceptances, Step};
use crate::core::risk::{band, level_text};
use crate::ui::components::threat_link::ThreatLink;
use crate::ui::state::{use_assess, Assess};
use leptos::prelude::*;

#[derive(Clone, Copy)]
enum Field {
    Approver,
    Date,
    Rationale,
    Review,
}

impl Field {
    fn slug(self) -> &'static str {
        match self {
            Field::Approver => "approver",
            Field::Date => "date",
            Field::Rationale => "rationale",
            Field::Review => "review",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Field::Approver => "Approved by",
            Field::Date => "Decided on",
            Field::Rationale => "Rationale",
            Field::Review => "Review by",
        }
    }

    fn get(self, x: &Acceptance) -> String {
        match self {
            Field::Approver => x.approver.clone(),
            Field::Date => x.date.clone(),
            Field::Rationale => x.rationale.clone(),
            Field::Review => x.review.clone(),
        }
    }

    fn set(self, x: &mut Acceptance, text: String) {
        match self {
            Field::Approver => x.approver = text,
            Field::Date => x.date = text,
            Field::Rationale => x.rationale = text,
            Field::Review => x.review = text,
        }
    }
}

/// Changes the acceptance of threat `id`, dropping the entry once it holds
/// nothing.
fn edit(assess: Assess, id: &'static str, change: impl FnOnce(&mut Acceptance)) {
    assess.update(|a| {
        let mut x = a.acceptance.get(id).cloned().unwrap_or_default();
        change(&mut x);
        if x == Acceptance::default() {
            a.acceptance.remove(id);
        } else {
            a.acceptance.insert(id.to_string(), x);
        }
    });
}

#[component]
fn TextField(threat: &'static str, field: Field, current: Memo<Acceptance>) -> impl IntoView {
    let assess = use_assess();
    let input_id = format!("acc-{}-{threat}", field.slug());
    let value = move || current.with(|x| field.get(x));
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        edit(assess, threat, |x| field.set(x, text));
    };
    let control = match field {
        Field::Rationale => view! {
            <textarea
                id=input_id.clone()
                rows="2"
                data-testid=input_id.clone()
                prop:value=value
                on:input=on_input
            ></textarea>
        }
        .into_any(),
        Field::Date | Field::Review => view! {
            <input id=input_id.clone() type="date" data-testid=input_id.clone() prop:value=value on:input=on_input />
        }
        .into_any(),
        Field::Approver => view! {
            <input id=input_id.clone() type="text" data-testid=input_id.clone() prop:value=value on:input=on_input />
        }
        .into_any(),
    };
    view! {
        <label for=input_id>{field.label()}</label>
        {control}
    }
}

#[component]
fn AcceptanceRow(threat: usize) -> impl IntoView {
    let assess = use_assess();
    let t = &assess.catalog.threats[threat];
    let id = t.id;
    let current = Memo::new(move |_| {
        assess
            .assessment
            .with(|a| a.acceptance.get(id).cloned().unwrap_or_default())
    });
    let residual = move || {
        assess
            .assessment
            .with(|a| a.risk.get(id).and_then(|r| r.residual.level()))
    };
    let decision_id = format!("acc-decision-{id}");
    let decision = move || current.with(|x| x.decision);
    let options = Decision::ALL
        .into_iter()
        .map(|d| view! { <option value=d.as_str() prop:selected=move || decision() == d>{d.label()}</option> })
        .collect_view();
    view! {
        <li class="row-card" data-testid=format!("acc-{id}") data-decision=move || decision().as_str()>
            <div class="row-head">
                <ThreatLink threat=t />
                <span class="residual" data-testid=format!("acc-residual-{id}")>
                    {move || match residual() {
                        Some(l) => view! {
                            "Residual risk "
                            <span class=format!("level-badge band-{}", band(l).0)>{level_text(l)}</span>
                        }
                        .into_any(),
                        None => view! { <span class="muted">"Residual risk not scored (step 5)"</span> }.into_any(),
                    }}
                </span>
            </div>
            <div class="fields">
                <label for=decision_id.clone()>"Decision"</label>
                <select
                    id=decision_id.clone()
                    data-testid=decision_id
                    prop:value=move || decision().as_str()
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let chosen = Decision::ALL.into_iter().find(|d| d.as_str() == value).unwrap_or_default();
                        edit(assess, id, |x| x.decision = chosen);
                    }
                >
                    {options}
                </select>
                <TextField threat=id field=Field::Approver current />
                <TextField threat=id field=Field::Date current />
                <TextField threat=id field=Field::Review current />
                <TextField threat=id field=Field::Rationale current />
            </div>
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
            <StepHeader step=Step::Acceptance>
                "For each threat in scope, decide whether the risk that remains after your controls "
                "is acceptable. Note who decided, when and why, and when to look at it again."
            </StepHeader>
            <Show when=move || threats.with(Vec::is_empty)>
                <p class="empty">
                    "No threat is in scope, so there is nothing to accept. Step 1 decides which "
                    "threats apply."
                </p>
            </Show>
            <OpenThreats
                label=Signal::derive(move || format!("Still open ({}): ", open.with(Vec::len)))
                testid="open-acceptances"
                threats=open
            />
            <Show when=move || !threats.with(Vec::is_empty) && open.with(Vec::is_empty)>
                <p class="muted" data-testid="all-accepted">"The residual risk of every threat in scope is accepted."</p>
            </Show>
            <ul class="plain rows">
                <For each=move || threats.get() key=|t| *t let:threat>
                    <AcceptanceRow threat />
                </For>
            </ul>
        </section>
    }
}

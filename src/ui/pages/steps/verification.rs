//! Step 3, verifying external responsibilities: for every threat not solely
//! ours, what assurance the provider has given.

use super::OpenThreats;
use super::StepHeader;
use crate::core::assessment::{Assurance, Verification};
use crate::core::dashboard::{external, open_verifications, Step};
use crate::core::responsibility::in_force;
use crate::ui::components::threat_link::ThreatLink;
use crate::ui::state::use_assess;
use leptos::prelude::*;

#[component]
fn VerificationRow(threat: usize) -> impl IntoView {
    let assess = use_assess();
    let t = &assess.catalog.threats[threat];
    let id = t.id;
    let current = Memo::new(move |_| {
        assess
            .assessment
            .with(|a| a.verification.get(id).cloned().unwrap_or_default())
    });
    let provider = move || assess.assessment.with(|a| in_force(a, threat).0.provider);
    let edit = move |change: &dyn Fn(&mut Verification)| {
        let mut v = current.get_untracked();
        change(&mut v);
        assess.update(|a| {
            a.verification.insert(id.to_string(), v);
        });
    };
    let field = move |label: &'static str, kind: &'static str, key: &'static str| {
        let input_id = format!("ver-{key}-{id}");
        let value = move || {
            current.with(|v| match key {
                "note" => v.note.clone(),
                "link" => v.link.clone(),
                _ => v.date.clone(),
            })
        };
        view! {
            <label for=input_id.clone()>{label}</label>
            <input
                id=input_id
                type=kind
                data-testid=format!("ver-{key}-{id}")
                prop:value=value
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    edit(&|v: &mut Verification| match key {
                        "note" => v.note = text.clone(),
                        "link" => v.link = text.clone(),
                        _ => v.date = text.clone(),
                    });
                }
            />
        }
    };
    let status_id = format!("ver-status-{id}");
    view! {
        <li class="row-card" data-testid=format!("ver-{id}") data-status=move || current.with(|v| v.status.as_str())>
            <div class="row-head">
                <ThreatLink threat=t />
                <span class="muted">" · " {provider}</span>
            </div>
            <div class="fields">
                <label for=status_id.clone()>"Assurance"</label>
                <select
                    id=status_id
                    data-testid=format!("ver-status-{id}")
                    prop:value=move || current.with(|v| v.status.as_str())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let status = Assurance::ALL.into_iter().find(|s| s.as_str() == value).unwrap_or_default();
                        edit(&|v: &mut Verification| v.status = status);
                    }
                >
                    {Assurance::ALL.into_iter().map(|s| view! { <option value=s.as_str()>{s.label()}</option> }).collect_view()}
                </select>
                {field("Evidence", "text", "note")}
                {field("Link", "url", "link")}
                {field("Date", "date", "date")}
            </div>
        </li>
    }
}

#[component]
pub fn VerificationStep() -> impl IntoView {
    let assess = use_assess();
    let threats = Memo::new(move |_| {
        assess
            .assessment
            .with(|a| assess.selection.with(|s| external(a, s)))
    });
    let unverified = move || {
        assess
            .assessment
            .with(|a| assess.selection.with(|s| open_verifications(a, s)))
    };
    view! {
        <section class="panel">
            <StepHeader step=Step::Verification>
                "For each threat a provider handles, alone or with you, record what assurance you "
                "have: whether you asked, what evidence came back, and when."
            </StepHeader>
            <Show when=move || threats.with(Vec::is_empty)>
                <p class="empty">
                    "Every threat in scope is yours alone, so there is nothing to verify. Step 2 "
                    "decides who handles what."
                </p>
            </Show>
            <OpenThreats
                label="Not yet verified: ".to_string()
                testid="unverified"
                threats=Signal::derive(unverified)
            />
            <ul class="plain rows">
                <For each=move || threats.get() key=|t| *t let:threat>
                    <VerificationRow threat />
                </For>
            </ul>
        </section>
    }
}

//! Step 3, verifying external responsibilities: for every threat not solely
//! ours, what assurance the provider has given.

use super::OpenThreats;
use super::StepHeader;
use crate::core::assessment::{Assurance, Verification};
use crate::core::dashboard::{external, open_verifications, Step};
use crate::core::responsibility::in_force;
use crate::ui::components::choice::EnumSelect;
use crate::ui::components::threat_link::ThreatLink;
use crate::ui::record::{field, Text};
use crate::ui::state::use_assess;
use leptos::prelude::*;

/// The text fields of a verification, in the order of the form.
const TEXTS: &[Text<Verification>] = &[
    ("note", "Evidence", "text", field!(note)),
    ("link", "Link", "url", field!(link)),
    ("date", "Date", "date", field!(date)),
];

#[component]
fn VerificationRow(threat: usize) -> impl IntoView {
    let assess = use_assess();
    let t = &assess.catalog.threats[threat];
    let id = t.id;
    let current = assess.record::<Verification>(id);
    let provider = move || assess.assessment.with(|a| in_force(a, threat).0.provider);
    let on_status = move |status: Option<Assurance>| {
        if let Some(status) = status {
            assess.edit(id, |v: &mut Verification| v.status = status);
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
                <EnumSelect
                    id=status_id.clone()
                    testid=status_id
                    value=move || Some(current.with(|v| v.status))
                    on_change=on_status
                />
                {assess.text_fields(id, current, "ver", TEXTS)}
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
            <StepHeader
                step=Step::Verification
                lede="For each threat a provider handles, alone or with you, record what assurance you \
                have: whether you asked, what evidence came back, and when."
            />
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

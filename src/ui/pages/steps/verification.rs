//! Step 3, verifying external responsibilities: for every threat not solely
//! ours, what assurance the provider has given.

use super::OpenThreats;
use super::StepHeader;
use crate::core::assessment::{Assurance, Verification};
use crate::core::dashboard::{external, open_verifications, Step};
use crate::core::evidence::{apply_evidence, providers, Evidence, ProviderThreats};
use crate::core::responsibility::in_force;
use crate::ui::components::choice::EnumSelect;
use crate::ui::components::rows::index_rows;
use crate::ui::components::text_field::{TextField, Value, Write};
use crate::ui::components::threat_link::ThreatLink;
use crate::ui::record::{field, Text};
use crate::ui::state::use_assess;
use leptos::prelude::*;
use std::sync::Arc;

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

/// One provider's form: one piece of evidence for all its threats.
#[component]
fn ProviderEvidence(
    index: usize,
    group: ProviderThreats,
    result: RwSignal<Option<String>>,
) -> impl IntoView {
    let assess = use_assess();
    let status = RwSignal::new(None::<Assurance>);
    let note = RwSignal::new(String::new());
    let link = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let ProviderThreats { provider, threats } = group;
    let count = threats.len();
    let plural = if count == 1 { "" } else { "s" };
    let label = format!("Apply to all {count} threat{plural} of {provider}");
    let name = provider.clone();
    let apply = move |_| {
        let evidence = Evidence {
            status: status.get_untracked(),
            note: note.get_untracked(),
            link: link.get_untracked(),
            date: date.get_untracked(),
        };
        let mut changed = 0;
        assess.update(|a| changed = apply_evidence(a, &threats, &evidence));
        result.set(Some(format!(
            "{changed} of {count} threat{plural} of {name} changed; fields already filled were kept."
        )));
    };
    let tid = move |part: &str| format!("ver-bulk-{index}-{part}");
    let text =
        move |part: &'static str, label: &'static str, kind: &'static str, v: RwSignal<String>| {
            let value: Value = Arc::new(move || v.get());
            let on_input: Write = Arc::new(move |t: String| v.set(t));
            view! { <TextField label kind id=tid(part) value on_input /> }
        };
    let status_id = tid("status");
    view! {
        <li class="row-card" data-testid=format!("ver-bulk-{index}")>
            <div class="row-head">
                <strong>{provider}</strong>
                <span class="muted">{format!(" · {count} threat{plural}")}</span>
            </div>
            <div class="fields">
                <label for=status_id.clone()>"Assurance"</label>
                <EnumSelect
                    id=status_id.clone()
                    testid=status_id
                    none="Keep each status"
                    value=move || status.get()
                    on_change=move |s| status.set(s)
                />
                {text("note", "Evidence", "text", note)}
                {text("link", "Link", "url", link)}
                {text("date", "Date", "date", date)}
            </div>
            <button type="button" data-testid=tid("apply") on:click=apply>{label}</button>
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
    let by_provider = Memo::new(move |_| {
        assess
            .assessment
            .with(|a| assess.selection.with(|s| providers(a, s)))
    });
    let result = RwSignal::new(None::<String>);
    view! {
        <section class="panel">
            <StepHeader
                step=Step::Verification
                lede="For each threat a provider handles, alone or with you, record what assurance you \
                have: whether you asked, what evidence came back, and when."
            />
            <Show when=move || threats.with(Vec::is_empty)>
                <p class="empty">
                    "Every threat in scope is yours alone, so there is nothing to verify. The "
                    "responsibility step decides who handles what."
                </p>
            </Show>
            <OpenThreats
                label="Not yet verified: ".to_string()
                testid="unverified"
                threats=Signal::derive(unverified)
            />
            <Show when=move || by_provider.with(|p| !p.is_empty())>
                <h2>"One piece of evidence per provider"</h2>
                <p class="muted">
                    "Evidence that covers several threats of one provider, such as an audit report: "
                    "applied to each of its threats, it fills only what is still empty."
                </p>
                <ul class="plain rows" data-testid="ver-bulk">
                    {move || by_provider.get().into_iter().enumerate().map(|(index, group)| view! {
                        <ProviderEvidence index group result />
                    }).collect_view()}
                </ul>
                <p role="status" data-testid="ver-bulk-result">{move || result.get()}</p>
                <h2>"Threat by threat"</h2>
            </Show>
            {index_rows(threats, |threat| view! { <VerificationRow threat /> }.into_any())}
        </section>
    }
}

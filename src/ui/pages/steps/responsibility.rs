//! Step 2, arranging responsibility: who handles each threat in scope. The
//! default follows the seed, and the page says what it was and why.

use super::StepHeader;
use crate::core::assessment::{Party, Responsibility};
use crate::core::dashboard::{in_scope, Step};
use crate::core::responsibility::{default_for, HOSTING_PROVIDER, MODEL_MAKER};
use crate::ui::components::choice::EnumSelect;
use crate::ui::components::rows::index_rows;
use crate::ui::components::threat_link::ThreatLink;
use crate::ui::state::use_assess;
use leptos::prelude::*;

#[component]
fn ResponsibilityRow(threat: usize) -> impl IntoView {
    let assess = use_assess();
    let catalog = assess.catalog;
    let t = &catalog.threats[threat];
    let id = t.id;
    let suggested = Memo::new(move |_| {
        assess
            .assessment
            .with(|a| default_for(catalog, &a.answers, threat))
    });
    let chosen = assess.stored::<Responsibility>(id);
    let current = move || {
        chosen
            .get()
            .unwrap_or_else(|| suggested.get().responsibility)
    };
    let on_party = move |party: Option<Party>| {
        let Some(party) = party else {
            return;
        };
        let mut r = current();
        r.party = party;
        if party == Party::Us {
            r.provider.clear();
        } else if r.provider.is_empty() {
            r.provider = suggested.get_untracked().responsibility.provider;
        }
        assess.put(id, r);
    };
    let on_provider = move |ev| {
        let mut r = current();
        r.provider = event_target_value(&ev);
        assess.put(id, r);
    };
    let reset = move |_| assess.forget::<Responsibility>(id);
    // Confirmed as the default is still the default: only a real departure
    // reads as changed.
    let departed = move || {
        chosen
            .get()
            .is_some_and(|r| r != suggested.get().responsibility)
    };
    let confirmed = move || chosen.get().is_some() && !departed();
    let select_id = format!("party-{id}");
    let provider_id = format!("provider-{id}");
    view! {
        <li class="row-card" data-testid=format!("resp-{id}") data-party=move || current().party.as_str()>
            <div class="row-head">
                <ThreatLink threat=t />
            </div>
            <p class="muted default-why">
                {move || if departed() {
                    "Default was: "
                } else if confirmed() {
                    "Default, confirmed: "
                } else {
                    "Default: "
                }}
                {move || suggested.get().why}
            </p>
            <div class="fields">
                <label for=select_id.clone()>"Responsible"</label>
                <EnumSelect
                    id=select_id.clone()
                    testid=select_id
                    value=move || Some(current().party)
                    on_change=on_party
                />
                <Show when=move || current().party != Party::Us>
                    <label for=provider_id.clone()>"Provider"</label>
                    <input
                        id=provider_id.clone()
                        type="text"
                        list="providers"
                        data-testid=format!("provider-{id}")
                        prop:value=move || current().provider
                        on:input=on_provider
                    />
                </Show>
                {move || departed().then(|| view! {
                    <button type="button" class="link" on:click=reset>
                        "Back to the default"
                    </button>
                })}
            </div>
        </li>
    }
}

#[component]
pub fn ResponsibilityStep() -> impl IntoView {
    let assess = use_assess();
    let scope = Memo::new(move |_| assess.selection.with(in_scope));
    let confirm_all = move |_| {
        let catalog = assess.catalog;
        let threats = scope.get_untracked();
        assess.update(|a| {
            for t in threats {
                let id = catalog.threats[t].id;
                if !a.responsibility.contains_key(id) {
                    let r = default_for(catalog, &a.answers, t).responsibility;
                    a.responsibility.insert(id.to_string(), r);
                }
            }
        });
    };
    // Providers are named once: every name already given, and the two the
    // defaults use, are offered to pick for any other threat.
    let providers = move || {
        let mut names: Vec<String> = vec![HOSTING_PROVIDER.into(), MODEL_MAKER.into()];
        assess.assessment.with(|a| {
            for r in a.responsibility.values() {
                if !r.provider.trim().is_empty() && !names.contains(&r.provider) {
                    names.push(r.provider.clone());
                }
            }
        });
        names
            .into_iter()
            .map(|n| view! { <option value=n></option> })
            .collect_view()
    };
    view! {
        <datalist id="providers" data-testid="providers">{providers}</datalist>
        <section class="panel">
            <StepHeader
                step=Step::Responsibility
                lede="Decide who handles each threat in scope: you, a provider, or both. The default \
                follows the Exchange: a threat in a component a provider hosts is shared with \
                that provider, and development-time threats belong to the model maker when you \
                don't train. A default counts as decided once you confirm it."
            />
            <button type="button" class="primary" data-testid="confirm-defaults" on:click=confirm_all>
                "Confirm every default"
            </button>
            <Show when=move || scope.with(Vec::is_empty)>
                <p class="empty">"No threat is in scope yet. Answer the questions of step 1 first."</p>
            </Show>
            {index_rows(scope, |threat| view! { <ResponsibilityRow threat /> }.into_any())}
        </section>
    }
}

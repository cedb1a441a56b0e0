//! Step 1, threat identification: the system profile and the live threat
//! list, with overrides.

use super::StepHeader;
use crate::core::agentic::flags;
use crate::core::answers::Tri;
use crate::core::assessment::Details;
use crate::core::dashboard::Step;
use crate::ui::components::question::QuestionField;
use crate::ui::components::threat_list::{LiveCounts, ThreatList, VerdictCounts};
use crate::ui::state::use_assess;
use leptos::prelude::*;

/// The assessment's particulars, for the report's cover.
#[component]
fn DetailsFields() -> impl IntoView {
    let assess = use_assess();
    type Get = fn(&Details) -> &String;
    type Set = fn(&mut Details) -> &mut String;
    const FIELDS: [(&str, &str, Get, Set); 4] = [
        (
            "description",
            "What the system is and does",
            |d| &d.description,
            |d| &mut d.description,
        ),
        (
            "scope",
            "Scope: what this assessment covers, and leaves out",
            |d| &d.scope,
            |d| &mut d.scope,
        ),
        ("assessor", "Assessor", |d| &d.assessor, |d| &mut d.assessor),
        (
            "version",
            "Version of the system assessed",
            |d| &d.version,
            |d| &mut d.version,
        ),
    ];
    let fields = FIELDS
        .into_iter()
        .map(|(key, label, get, set)| {
            let id = format!("detail-{key}");
            view! {
                <label for=id.clone()>{label}</label>
                <input
                    id=id.clone()
                    type="text"
                    data-testid=id
                    prop:value=move || assess.assessment.with(|a| get(&a.details).clone())
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        assess.update(|a| *set(&mut a.details) = text);
                    }
                />
            }
        })
        .collect_view();
    let assessors = move || assess.assessment.with(|a| a.assessors.join(", "));
    view! {
        <details class="assessment-details" data-testid="assessment-details">
            <summary>"About this assessment (for the report)"</summary>
            <div class="fields">
                {fields}
                <label for="detail-assessors">"Assessors, separated by commas: each change is recorded as one of them"</label>
                <input id="detail-assessors" type="text" data-testid="detail-assessors" prop:value=assessors
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        assess.update(|a| {
                            a.assessors = text
                                .split(',')
                                .map(str::trim)
                                .filter(|n| !n.is_empty())
                                .map(str::to_string)
                                .collect();
                        });
                    }
                />
            </div>
        </details>
    }
}

/// The edition's agentic flags (the lethal trifecta, the rule of two),
/// beside the verdicts they qualify; nothing for an edition without them.
#[component]
fn AgenticFlags() -> impl IntoView {
    let assess = use_assess();
    let catalog = assess.catalog;
    move || {
        assess.assessment.with(|a| {
            flags(catalog, &a.answers)
                .into_iter()
                .map(|f| {
                    let value = match f.value {
                        Tri::Yes => "yes",
                        Tri::No => "no",
                        Tri::Unknown => "unknown",
                    };
                    view! {
                        <p
                            class=if f.value == Tri::No { "muted flag" } else { "notice flag" }
                            data-testid=format!("flag-{}", f.kind.as_str())
                            data-value=value
                        >
                            {f.reason(catalog)}
                        </p>
                    }
                })
                .collect_view()
        })
    }
}

#[component]
pub fn ProfileStep() -> impl IntoView {
    let catalog = use_assess().catalog;
    let questions = (0..catalog.questions.len())
        .map(|index| view! { <QuestionField index /> })
        .collect_view();

    view! {
        <div class="profile-page">
            <section class="panel profile" aria-labelledby="profile-title">
                <StepHeader step=Step::Profile id="profile-title" lede="Answer what you know. Anything left unknown keeps its threats in scope." />
                <DetailsFields />
                <super::scope::ScopeFields />
                <form class="questions" on:submit=|ev| ev.prevent_default()>
                    {questions}
                </form>
                <LiveCounts />
            </section>
            <section class="panel threats-panel" aria-labelledby="threats-title">
                <h2 id="threats-title">"Threats"</h2>
                <AgenticFlags />
                <VerdictCounts />
                <ThreatList />
            </section>
        </div>
    }
}

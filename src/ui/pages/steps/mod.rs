//! The steps of the risk analysis (each edition's own, see
//! `core::steps`), one page each, under a progress bar
//! that shows where the user is and leads to every step.

mod acceptance;
mod acceptance_bulk;
mod controls;
mod dashboard;
mod manage;
mod profile;
mod record_block;
mod register;
mod responsibility;
pub(crate) mod risk;
mod scope;
mod treat;
mod verification;

use crate::core::dashboard::{progress as step_progress, Step};
use crate::core::route::Route;
use crate::ui::components::transfer::ExportBar;
use crate::ui::pages::not_found::NotFound;
use crate::ui::router::href;
use crate::ui::state::{provide_assess, use_assess, use_store};
use leptos::prelude::*;

/// A callout naming the threats a step still has open, shown while there
/// are any.
#[component]
fn OpenThreats(
    #[prop(into)] label: Signal<String>,
    testid: &'static str,
    #[prop(into)] threats: Signal<Vec<usize>>,
) -> impl IntoView {
    let catalog = use_assess().catalog;
    let names = move || {
        threats.with(|t| {
            t.iter()
                .map(|&i| catalog.threats[i].name)
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    view! {
        <Show when=move || threats.with(|t| !t.is_empty())>
            <div class="callout" data-testid=testid>
                <strong>{label}</strong>
                {names}
            </div>
        </Show>
    }
}

/// A step's heading, numbered and worded by [`Step`], and the lede under it.
#[component]
fn StepHeader(
    step: Step,
    /// For a section that names itself by the heading (`aria-labelledby`).
    #[prop(optional)]
    id: Option<&'static str>,
    /// One string, not children: children would cost the wasm a type-erased
    /// view per step.
    lede: &'static str,
) -> impl IntoView {
    let heading = step.heading_in(use_assess().catalog);
    view! {
        <h1 id=id>{heading}</h1>
        <p class="lede">{lede}</p>
    }
}

#[component]
fn StepNav(step: Step) -> impl IntoView {
    let assess = use_assess();
    let progress = Memo::new(move |_| {
        assess
            .assessment
            .with(|a| assess.selection.with(|s| step_progress(a, s)))
    });
    let catalog = assess.catalog;
    let items = catalog
        .steps
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let s = d.step;
            let id = assess.id.get_value();
            let pct = move || {
                progress.with(|p| p.iter().find(|x| x.step == s).map(|x| (x.done, x.total)))
            };
            let label = move || match pct() {
                Some((done, total)) => format!("{done}/{total}"),
                None => String::new(),
            };
            let complete = move || pct().is_some_and(|(d, t)| d == t && t > 0);
            view! {
                <li class:current=s == step class:complete=complete>
                    <a
                        href=href(&Route::Step { id, step: s })
                        aria-current=(s == step).then_some("step")
                        data-testid=format!("step-{}", s.slug())
                    >
                        <span class="num">{i + 1}</span>
                        <span class="name">{d.label}</span>
                        <span class="pct">{label}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="stepnav" aria-label="Steps of the assessment">
            <ol>{items}</ol>
        </nav>
    }
}

/// Whom this browser records changes as, among the assessment's assessors
/// (named with its details): each change in the log names them.
#[component]
fn RecordingAs() -> impl IntoView {
    let assess = use_assess();
    let store = use_store();
    move || {
        assess.assessment.with(|a| {
            (!a.assessors.is_empty()).then(|| {
                let me = store.me.get_untracked();
                let options = a
                    .assessors
                    .iter()
                    .map(|n| view! { <option value=n.clone() selected=me == *n>{n.clone()}</option> })
                    .collect_view();
                view! {
                    <label class="recording-as">
                        "Recording as "
                        <select data-testid="recording-as" on:change=move |ev| {
                            let name = event_target_value(&ev);
                            crate::ui::storage::set_me(&name);
                            store.me.set(name);
                        }>
                            <option value="" selected=!a.assessors.contains(&me)>"not named"</option>
                            {options}
                        </select>
                    </label>
                }
            })
        })
    }
}

/// Previous / next links at the foot of each step.
#[component]
fn StepFoot(step: Step) -> impl IntoView {
    let assess = use_assess();
    let id = assess.id.get_value();
    let steps = assess.catalog.steps;
    let i = step.number_in(assess.catalog).unwrap_or(1) - 1;
    let prev = i.checked_sub(1).and_then(|p| steps.get(p)).map(|d| (i, d));
    let next = steps.get(i + 1).map(|d| (i + 2, d));
    view! {
        <nav class="stepfoot" aria-label="Previous and next step">
            {prev.map(|(n, d)| view! {
                <a href=href(&Route::Step { id: id.clone(), step: d.step })>"← " {n} ". " {d.label}</a>
            })}
            <span></span>
            {next.map(|(n, d)| view! {
                <a class="next" href=href(&Route::Step { id: id.clone(), step: d.step }) data-testid="next-step">
                    {n} ". " {d.label} " →"
                </a>
            })}
        </nav>
    }
}

/// Whether a newer edition exists that `edition` leads to.
fn upgradable(edition: crate::core::edition::Edition) -> bool {
    let to = super::upgrade::target();
    edition != to && crate::core::lineage::Lineage::between(edition.id(), to.id()).is_some()
}

#[component]
pub fn StepPage(id: String, step: Step) -> impl IntoView {
    let store = use_store();
    if !store.exists(&id) {
        return view! { <NotFound raw=format!("/a/{id}") /> }.into_any();
    }
    store.open(&id);
    let assess = provide_assess(store, &id);
    // A step the assessment's edition does not have (a 2024-01 assessment
    // has no treatment step) is no page of it.
    if step.number_in(assess.catalog).is_none() {
        return view! { <NotFound raw=format!("/a/{id}/{}", step.slug()) /> }.into_any();
    }
    let name = move || assess.assessment.with(|a| a.name.clone());
    let body = match step {
        Step::Treat => part!("treat", treat::TreatStep()),
        Step::Register => part!("register", register::RegisterStep()),
        Step::Manage => part!("manage", manage::ManageStep()),
        Step::Profile => part!("profile", profile::ProfileStep()),
        Step::Responsibility => part!("responsibility", responsibility::ResponsibilityStep()),
        Step::Verification => part!("verification", verification::VerificationStep()),
        Step::Controls => part!("controls", controls::ControlsStep()),
        Step::Risk => part!("risk", risk::RiskStep()),
        Step::Acceptance => part!("acceptance", acceptance::AcceptanceStep()),
        Step::Dashboard => part!("dashboard", dashboard::DashboardStep()),
    };
    view! {
        <div class="step-page" data-testid=format!("step-page-{}", step.slug())>
            <p class="crumb">
                <a href=href(&Route::Assessments)>"Assessments"</a> " / "
                <span data-testid="assessment-name">{name}</span>
                <RecordingAs />
            </p>
            <StepNav step />
            {part!("exports", view! { <ExportBar /> })}
            {upgradable(assess.assessment.with_untracked(|a| a.edition)).then(|| view! {
                <p class="notice upgrade-offer" data-testid="upgrade-offer">
                    "This assessment uses the " {assess.catalog.title} " edition. "
                    <a href=href(&Route::Upgrade(id.clone())) data-testid="upgrade-link">
                        "Upgrade to " {super::upgrade::target().catalog().title}
                    </a>
                    " (a new assessment; this one is kept)."
                </p>
            })}
            {body}
            <StepFoot step />
        </div>
    }
    .into_any()
}

//! Upgrading an assessment to the newest edition: the review first (what is
//! carried, what needs a person, what is retired or dropped, and why), then
//! a new assessment; the original stays as it is.

use crate::core::assessment::unique_name;
use crate::core::catalog::Catalog;
use crate::core::dashboard::Step;
use crate::core::edition::Edition;
use crate::core::route::Route;
use crate::core::upgrade::{upgrade, Outcome};
use crate::ui::pages::not_found::NotFound;
use crate::ui::router::{href, use_router};
use crate::ui::state::use_store;
use crate::ui::storage;
use leptos::prelude::*;

/// The edition new assessments use, which an upgrade leads to.
pub fn target() -> Edition {
    Edition::of(Catalog::default_edition())
}

#[component]
pub fn UpgradePage(id: String) -> impl IntoView {
    let store = use_store();
    let router = use_router();
    let Some(original) = store.get(&id) else {
        return view! { <NotFound raw=format!("/a/{id}/upgrade") /> }.into_any();
    };
    let to = target();
    // The review, made on a copy that is not kept: the same function makes
    // the assessment the button saves.
    let review = match upgrade(&original, to, "preview".into(), &storage::now_iso()) {
        Ok((_, review)) => review,
        Err(e) => {
            return view! {
                <section class="panel">
                    <h1>"Upgrade"</h1>
                    <p class="notice" role="status" data-testid="upgrade-refused">
                        {format!("{} cannot be upgraded: {e}.", original.name)}
                    </p>
                </section>
            }
            .into_any()
        }
    };
    let name = original.name.clone();
    let create = move |_| {
        let taken: Vec<String> = store
            .assessments
            .with_untracked(|all| all.iter().map(|a| a.name.clone()).collect());
        if let Ok((mut a, _)) = upgrade(&original, to, storage::new_id(), &storage::now_iso()) {
            a.name = unique_name(&a.name, &taken);
            let new_id = a.id.clone();
            store.insert(a);
            router.go(&Route::Step {
                id: new_id,
                step: Step::Profile,
            });
        }
    };
    let section = |outcome: Outcome, title: &'static str, what: &'static str| {
        // Under its own heading, an item need not repeat its outcome.
        let prefix = format!("{}: ", outcome.label());
        let items: Vec<String> = review
            .of(outcome)
            .map(|i| {
                let line = i.to_string();
                line.strip_prefix(&prefix)
                    .map_or(line.clone(), str::to_string)
            })
            .collect();
        let testid = format!("upgrade-{}", outcome.label().replace(' ', "-"));
        view! {
            <h2>{title} " (" {items.len()} ")"</h2>
            <p class="muted">{what}</p>
            <ul data-testid=testid>
                {items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
            </ul>
        }
    };
    view! {
        <section class="panel upgrade" data-testid="upgrade">
            <p class="crumb">
                <a href=href(&Route::Assessments)>"Assessments"</a> " / "
                <a href=href(&Route::Step { id: id.clone(), step: Step::Profile })>{name}</a>
            </p>
            <h1>"Upgrade to " {to.catalog().title}</h1>
            <p class="lede">
                "A new assessment is made in the " {to.catalog().title} " edition, and this one is \
                kept as it is. Below is what happens to each decision, and why. Decisions that are \
                not carried stay in the new assessment's history: nothing is dropped silently."
            </p>
            <p data-testid="upgrade-summary">
                {format!(
                    "{} carried, {} need a person, {} retired, {} dropped.",
                    review.count(Outcome::Carried),
                    review.count(Outcome::NeedsPerson),
                    review.count(Outcome::Retired),
                    review.count(Outcome::Dropped)
                )}
            </p>
            <button type="button" class="primary" data-testid="upgrade-create" on:click=create>
                "Make the upgraded assessment"
            </button>
            {section(Outcome::NeedsPerson, "Needs a person", "Split, merged or broadened items, and what is new: the old decision is offered as a suggestion, not applied.")}
            {section(Outcome::Carried, "Carried", "The same item under the same or a new id: decided as before.")}
            {section(Outcome::Retired, "Retired", "Items the new edition no longer has; their decisions are kept as history.")}
            {section(Outcome::Dropped, "Dropped", "Overrides the new rules make redundant; kept as history.")}
        </section>
    }
    .into_any()
}

//! The list of assessments: create, rename, duplicate, and delete with undo.

use crate::core::assessment::Assessment;
use crate::core::dashboard::{figures, Step};
use crate::core::route::Route;
use crate::core::time::when;
use crate::ui::components::backup::BackupPanel;
use crate::ui::components::transfer::ImportBox;
use crate::ui::router::{href, use_router};
use crate::ui::state::use_store;
use crate::ui::storage;
use leptos::prelude::*;

#[component]
fn Row(a: Assessment) -> impl IntoView {
    let store = use_store();
    let id = a.id.clone();
    let renaming = RwSignal::new(false);
    let draft = RwSignal::new(a.name.clone());
    let deleted = expect_context::<RwSignal<Option<Assessment>>>();

    let rename = {
        let id = id.clone();
        move || {
            let name = draft.get_untracked().trim().to_string();
            if !name.is_empty() {
                store.update(&id, |a| a.name = name);
            }
            renaming.set(false);
        }
    };
    let rename_key = rename.clone();
    let duplicate = {
        let a = a.clone();
        move |_| {
            store.insert_copy(&a);
        }
    };
    let delete = {
        let id = id.clone();
        move |_| deleted.set(store.remove(&id))
    };
    let open = Route::Step {
        id: id.clone(),
        step: Step::Profile,
    };
    let label = format!("New name for {}", a.name);
    view! {
        <li class="row-card assessment" data-testid=format!("assessment-{}", a.name)>
            <Show
                when=move || renaming.get()
                fallback={
                    let name = a.name.clone();
                    let open = open.clone();
                    move || view! { <a class="aname" href=href(&open)>{name.clone()}</a> }
                }
            >
                <form class="row" on:submit={
                    let rename = rename.clone();
                    move |ev| { ev.prevent_default(); rename(); }
                }>
                    <input
                        type="text"
                        aria-label=label.clone()
                        data-testid="rename-input"
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                        on:keydown={
                            let rename_key = rename_key.clone();
                            move |ev| if ev.key() == "Escape" { renaming.set(false); } else if ev.key() == "Enter" { ev.prevent_default(); rename_key(); }
                        }
                    />
                    <button type="submit" class="primary">"Save"</button>
                </form>
            </Show>
            <p class="muted">
                "Edition " {a.edition.id()} " · changed " {when(&a.updated)} " · "
                {(!a.copied.is_empty()).then(|| format!("copied {} · ", when(&a.copied)))}
                <span data-testid="progress">{figures(&a, &storage::today()).overall()} "% decided"</span>
            </p>
            <div class="row">
                <button type="button" on:click=move |_| renaming.set(true)>"Rename"</button>
                <button type="button" on:click=duplicate>"Duplicate"</button>
                <button type="button" class="danger" on:click=delete>"Delete"</button>
            </div>
        </li>
    }
}

#[component]
pub fn AssessmentsPage() -> impl IntoView {
    let store = use_store();
    let router = use_router();
    let deleted = RwSignal::new(None::<Assessment>);
    provide_context(deleted);
    let name = RwSignal::new(String::new());
    let create = move || {
        let id = store.create(&name.get_untracked());
        name.set(String::new());
        router.go(&Route::Step {
            id,
            step: Step::Profile,
        });
    };
    let undo = move |_| {
        if let Some(a) = deleted.get_untracked() {
            store.insert(a);
            deleted.set(None);
        }
    };
    view! {
        <section class="panel">
            <h1>"Assessments"</h1>
            <p class="lede">"Each assessment is kept in this browser and saved as you work."</p>
            <p class="muted" data-testid="storage-usage">
                {move || {
                    // Recomputed whenever the list changes.
                    store.assessments.track();
                    // In tenths of a KB, rounded, without float formatting:
                    // that alone would add about 15 KB to the wasm.
                    let tenths = (storage::usage() * 10 + 512) / 1024;
                    format!("aixa uses {}.{} KB of this browser's storage.", tenths / 10, tenths % 10)
                }}
            </p>
            <form class="row create" on:submit=move |ev| { ev.prevent_default(); create(); }>
                <label class="visually-hidden" for="new-name">"Name of the new assessment"</label>
                <input
                    id="new-name"
                    type="text"
                    placeholder="Name, e.g. Support chatbot"
                    data-testid="new-name"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <button type="submit" class="primary" data-testid="create">"New assessment"</button>
            </form>
            <BackupPanel />
            <ImportBox />
            {move || deleted.get().map(|a| view! {
                <p class="notice" role="status" data-testid="undo-bar">
                    "Deleted “" {a.name} "”. "
                    <button type="button" class="link" data-testid="undo" on:click=undo>"Undo"</button>
                </p>
            })}
            <Show when=move || store.assessments.with(Vec::is_empty)>
                <p class="empty">"No assessment yet. Give it a name above and start with step 1."</p>
            </Show>
            <ul class="plain rows">
                <For
                    each=move || store.assessments.get()
                    key=|a| (a.id.clone(), a.name.clone(), a.updated.clone())
                    let:a
                >
                    <Row a />
                </For>
            </ul>
        </section>
    }
}

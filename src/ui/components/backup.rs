//! Keeping work beyond the browser: persistent storage, "Back up
//! everything", and a quiet word when changes have not left the browser.

use crate::core::backup;
use crate::core::time::when;
use crate::ui::components::transfer::download;
use crate::ui::state::use_store;
use crate::ui::storage;
use leptos::prelude::*;

#[component]
pub fn BackupPanel() -> impl IntoView {
    let store = use_store();
    let persisted = RwSignal::new(None::<Option<bool>>);
    leptos::task::spawn_local(async move {
        persisted.set(Some(storage::request_persistence().await));
    });
    let exported = RwSignal::new(storage::exported());
    let error = RwSignal::new(None::<&'static str>);

    let back_up = move |_| {
        let all = store.assessments.get_untracked();
        let text = backup::write(&all, &storage::now_iso());
        let file = format!("aixa-backup-{}.json", storage::today());
        if download(&file, "application/json", &text).is_ok() {
            storage::mark_exported(all.iter().map(|a| a.id.as_str()));
            exported.set(storage::exported());
            error.set(None);
        } else {
            error.set(Some("Your browser refused the download."));
        }
    };
    let persistence = move || match persisted.get() {
        None => "Asking the browser to keep this data…",
        Some(Some(true)) => "This browser keeps aixa's data until you clear it yourself.",
        Some(Some(false)) => {
            "This browser may clear aixa's data on its own (for example after a week without \
             a visit, or to free space): back up your work."
        }
        Some(None) => "This browser cannot promise to keep aixa's data: back up your work.",
    };
    let last = move || {
        exported
            .with(|t| t.iter().map(|(_, at)| at.clone()).max())
            .map_or_else(|| "never".to_string(), |at| when(&at))
    };
    let unsaved = move || {
        store
            .assessments
            .with(|all| exported.with(|t| backup::unexported(all, t).len()))
    };
    let nudge = move || {
        store
            .assessments
            .with(|all| exported.with(|t| backup::nudge(all, t, &storage::today())))
    };
    view! {
        <div class="backup-panel" data-testid="backup-panel">
            <p class="muted" data-testid="persistence">{persistence}</p>
            <p class="muted">
                "Last backup or export: " <span data-testid="last-backup">{last}</span>
                {move || match unsaved() {
                    0 => String::new(),
                    1 => " · 1 assessment has changes that are in no file yet.".to_string(),
                    n => format!(" · {n} assessments have changes that are in no file yet."),
                }}
            </p>
            {move || nudge().map(|days| view! {
                <p class="notice quiet" data-testid="backup-nudge">
                    {format!("Some changes have been in no file for {days} days. ")}
                    "A browser can clear its storage; a backup keeps your work."
                </p>
            })}
            <div class="row">
                <button type="button" data-testid="backup" on:click=back_up>"Back up everything"</button>
                <span class="muted">"One file with every assessment; restore it by importing it below."</span>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </div>
    }
}

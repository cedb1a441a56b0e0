//! Export (JSON, Markdown, CSV, print) and import (file picker or drop).
//! Files are made and read in the browser: nothing is uploaded.

use crate::core::assessment::Assessment;
use crate::core::backup::{self, Differs};
use crate::core::codec;
use crate::core::file_name::file_stem;
use crate::core::report::{
    atlas::atlas_layer, csv::csv, markdown::markdown, threat_composer::threat_composer,
    tmbom::tmbom,
};
use crate::core::route::Route;
use crate::core::time::when;
use crate::ui::router::href;
use crate::ui::state::{use_assess, use_store, Store};
use crate::ui::storage;
use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a download named `file`.
pub fn download(file: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}

/// The share link for the current assessment, or why there is none.
fn share_link(a: &Assessment) -> Result<String, String> {
    let here = window().location().href().unwrap_or_default();
    codec::share_link(&here, a).map_err(|len| {
        format!(
            "The link would be {len} characters long, too long for many mail and chat apps. \
             Share the assessment as a file instead (Export: JSON)."
        )
    })
}

#[component]
pub fn ExportBar() -> impl IntoView {
    let assess = use_assess();
    let error = RwSignal::new(None::<String>);
    let shared = RwSignal::new(None::<Result<String, String>>);
    let export = move |kind: &'static str| {
        let a = assess.assessment.get_untracked();
        let stem = file_stem(&a.name);
        let (file, mime, text) = match kind {
            "md" => (
                format!("{stem}.md"),
                "text/markdown",
                markdown(&a, &storage::today()),
            ),
            "csv" => (
                format!("{stem}.csv"),
                "text/csv",
                csv(&a, &storage::today()),
            ),
            "tc" => (
                format!("{stem}.tc.json"),
                "application/json",
                threat_composer(&a),
            ),
            "tm-bom" => (format!("{stem}.tm-bom.json"), "application/json", tmbom(&a)),
            "atlas-layer" => (
                format!("{stem}.atlas-layer.json"),
                "application/json",
                atlas_layer(&a),
            ),
            _ => (
                format!("{stem}.aixa.json"),
                "application/json",
                a.to_json_pretty(),
            ),
        };
        let refused = download(&file, mime, &text).is_err();
        // Other tools' formats cannot be imported back into aixa, so they
        // do not count as a backup of the assessment.
        if !refused && !matches!(kind, "tc" | "tm-bom" | "atlas-layer") {
            storage::mark_exported([a.id.as_str()]);
        }
        error.set(refused.then(|| "Your browser refused the download.".to_string()));
    };
    view! {
        <div class="export-bar no-print" role="group" aria-label="Export">
            <span class="muted">"Export:"</span>
            <button type="button" data-testid="export-json" on:click=move |_| export("json")>"JSON"</button>
            <button type="button" data-testid="export-md" on:click=move |_| export("md")>"Markdown"</button>
            <button type="button" data-testid="export-csv" on:click=move |_| export("csv")>"CSV"</button>
            <button type="button" data-testid="export-tc" title="AWS Threat Composer, DefectDojo" on:click=move |_| export("tc")>"Threat Composer"</button>
            <button type="button" data-testid="export-tm-bom" title="OWASP Threat Model Library, Threat Dragon" on:click=move |_| export("tm-bom")>"TM-BOM"</button>
            <button type="button" data-testid="export-atlas-layer" title="MITRE ATLAS Navigator" on:click=move |_| export("atlas-layer")>"ATLAS layer"</button>
            <button
                type="button"
                data-testid="share"
                on:click=move |_| shared.set(Some(assess.assessment.with_untracked(share_link)))
            >"Share link"</button>
            <a class="button" data-testid="print" href=move || href(&Route::Report(assess.id.get_value()))>"Print report / PDF"</a>
            {move || error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
        </div>
        {move || shared.get().map(|result| match result {
            Ok(link) => view! {
                <div class="share-box no-print">
                    <label for="share-link">
                        "Anyone with this link sees a read-only copy. It holds the whole assessment, \
                         notes included, in the part after # that browsers never send to a server."
                    </label>
                    <div class="row">
                        <input id="share-link" type="text" readonly data-testid="share-link" prop:value=link.clone()
                            on:focus=move |ev| {
                                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    input.select();
                                }
                            }
                        />
                        <span class="muted">{format!("{} characters", link.len())}</span>
                    </div>
                </div>
            }.into_any(),
            Err(message) => view! {
                <p class="notice" role="alert" data-testid="share-too-long">{message}</p>
            }.into_any(),
        })}
    }
}

/// Reads a dropped or picked file and adds it as a new assessment.
async fn import_file(
    file: web_sys::File,
    store: Store,
    pending: RwSignal<Vec<Differs>>,
) -> Result<String, String> {
    let name = file.name();
    // A real assessment is a few kilobytes; refuse anything absurd unread.
    if file.size() > 5_000_000.0 {
        return Err(format!("{name}: the file is too large to be an assessment"));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| format!("{name}: the file could not be read"))?;
    if backup::is_backup(&text) {
        return restore(&name, &text, store, pending);
    }
    let a = Assessment::from_json(&text).map_err(|e| format!("{name}: {e}"))?;
    // An import is always a new assessment; it never replaces one.
    let (_, label) = store.insert_copy(&a);
    Ok(format!("Imported “{label}” as a new assessment."))
}

/// Restores a backup: adds what this browser lacks, keeping ids and times,
/// and leaves every assessment held differently here for the user to decide.
fn restore(
    name: &str,
    text: &str,
    store: Store,
    pending: RwSignal<Vec<Differs>>,
) -> Result<String, String> {
    let file = backup::read(text).map_err(|e| format!("{name}: {e}"))?;
    let unreadable = file.unreadable.clone();
    let plan = backup::plan(&store.assessments.get_untracked(), file);
    let added = plan.add.len();
    for a in plan.add {
        store.insert(a);
    }
    let asked = plan.differ.len();
    pending.set(plan.differ);
    let mut message = format!(
        "Restored from {name}: {added} added, {} already here unchanged",
        plan.unchanged
    );
    if asked > 0 {
        message.push_str(&format!(", {asked} held differently here: choose below"));
    }
    message.push('.');
    for u in unreadable {
        message.push_str(&format!(" Skipped {u}."));
    }
    Ok(message)
}

/// One assessment the backup holds differently: keep this browser's, take
/// the backup's, or keep both.
#[component]
fn Differing(d: Differs, pending: RwSignal<Vec<Differs>>) -> impl IntoView {
    let store = use_store();
    let id = d.local.id.clone();
    let done = {
        let id = id.clone();
        move || pending.update(|all| all.retain(|x| x.local.id != id))
    };
    let take = {
        let (backup, local, done) = (d.backup.clone(), d.local.clone(), done.clone());
        move |_| {
            store.overwrite(backup.clone(), local.revision);
            done();
        }
    };
    let both = {
        let (backup, done) = (d.backup.clone(), done.clone());
        move |_| {
            let mut copy = backup.clone();
            copy.id = storage::new_id();
            copy.name = format!("{} (from backup)", backup.name);
            store.insert(copy);
            done();
        }
    };
    let keep = move |_| done();
    let newer = if d.local_is_newer() {
        "this browser's"
    } else {
        "the backup's"
    };
    view! {
        <li class="differs" data-testid=format!("differs-{id}")>
            "“" {d.local.name.clone()} "”: this browser's copy changed "
            {when(&d.local.updated)} ", the backup's " {when(&d.backup.updated)}
            " (" {newer} " is newer). "
            <button type="button" data-testid="differs-keep" on:click=keep>"Keep this browser's"</button>
            <button type="button" data-testid="differs-take" on:click=take>"Use the backup's"</button>
            <button type="button" data-testid="differs-both" on:click=both>"Keep both"</button>
        </li>
    }
}

#[component]
pub fn ImportBox() -> impl IntoView {
    let message = RwSignal::new(None::<(bool, String)>);
    let pending = RwSignal::new(Vec::<Differs>::new());
    let over = RwSignal::new(false);
    let store = use_store();
    let take = move |files: Option<web_sys::FileList>| {
        let Some(file) = files.and_then(|f| f.get(0)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = import_file(file, store, pending).await;
            message.set(Some(match result {
                Ok(m) => (true, m),
                Err(e) => (false, format!("Not imported: {e}")),
            }));
        });
    };
    view! {
        <div
            class="dropzone"
            class:over=move || over.get()
            data-testid="import-zone"
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); over.set(true); }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(false);
                take(ev.data_transfer().and_then(|d| d.files()));
            }
        >
            <label for="import-file">"Import an assessment or restore a backup (.json): drop it here or "</label>
            <input
                id="import-file"
                type="file"
                accept=".json,application/json"
                data-testid="import-file"
                on:change=move |ev| {
                    let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
                    if let Some(input) = input {
                        take(input.files());
                        input.set_value("");
                    }
                }
            />
            {move || message.get().map(|(ok, m)| view! {
                <p class=if ok { "ok" } else { "error" } role="status" data-testid="import-message">{m}</p>
            })}
            <ul class="plain" data-testid="restore-differs">
                <For each=move || pending.get() key=|d| d.local.id.clone() let:d>
                    <Differing d pending />
                </For>
            </ul>
        </div>
    }
}

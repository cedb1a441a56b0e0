//! The statement of applicability of one assessment: every control of its
//! edition in one table, read from the core's rows, as the CSV is.
//!
//! The table is built once from the stored assessment rather than kept
//! reactive: the page edits nothing, and a plain table costs far less wasm
//! than a keyed list of reactive rows.

use crate::core::dashboard::Step;
use crate::core::file_name::file_stem;
use crate::core::report::soa::{rows, soa_csv};
use crate::core::route::Route;
use crate::ui::components::evidence::EvidenceLink;
use crate::ui::components::transfer::download;
use crate::ui::pages::not_found::NotFound;
use crate::ui::router::href;
use crate::ui::state::use_store;
use leptos::prelude::*;

#[component]
pub fn SoaPage(id: String) -> impl IntoView {
    let store = use_store();
    let Some(a) = store.get(&id) else {
        return view! { <NotFound raw=format!("/a/{id}/soa") /> }.into_any();
    };
    store.open(&id);
    let refused = RwSignal::new(false);
    let name = a.name.clone();
    let body = rows(&a)
        .into_iter()
        .map(|r| {
            let evidence = r
                .evidence
                .into_iter()
                .map(|e| view! { <EvidenceLink e /> " " })
                .collect_view();
            view! {
                <tr data-testid=format!("soa-{}", r.id) data-applicable=r.applicable.as_str()>
                    <td>{r.section}</td>
                    <td><a href=href(&Route::Control(r.id.into()))>{r.id}</a> " " {r.name}</td>
                    <td>{r.applicable.label()}</td>
                    <td>{r.justification}</td>
                    <td>{r.status.label()}</td>
                    <td>{r.owner}</td>
                    <td>{r.due}</td>
                    <td>{evidence}</td>
                    // A general control's list is every threat in scope, the
                    // same on each of its rows: one phrase reads better.
                    <td>{if r.general { "All in scope".to_string() } else { r.threats.join(" ") }}</td>
                    <td>{r.iso42001}</td>
                    <td>{r.iso27002}</td>
                </tr>
            }
        })
        .collect_view();
    let save = move |_| {
        let file = format!("{}-soa.csv", file_stem(&a.name));
        refused.set(download(&file, "text/csv", &soa_csv(&a)).is_err());
    };
    let back = Route::Step {
        id,
        step: Step::Dashboard,
    };
    view! {
        <section class="panel" data-testid="soa">
            <p class="no-print"><a href=href(&back)>"← Back to the dashboard"</a></p>
            <h1>"Statement of applicability"</h1>
            <p class="muted">
                {name} ": every control of the edition, in catalog order. \"Not decided\" controls are called \
                for by a threat in scope and await a decision; \"not selected\" ones are called for by none."
            </p>
            <p>
                <button type="button" class="primary" data-testid="soa-csv" on:click=save>"Download CSV"</button>
                {move || refused.get().then_some(" Your browser refused the download.")}
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Statement of applicability">
                <table class="guidelines soa">
                    <thead>
                        <tr>
                            {["§", "Control", "Applicable", "Justification", "Status", "Owner", "Due", "Evidence",
                                "Threats served", "ISO/IEC 42001", "ISO/IEC 27002"]
                                .map(|h| view! { <th scope="col">{h}</th> })}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

//! A shared link: the assessment travels in the fragment, is shown
//! read-only, and is saved only as a new copy.

use crate::core::codec;
use crate::core::dashboard::Step;
use crate::core::route::Route;
use crate::ui::pages::report::ReportView;
use crate::ui::router::{href, use_router};
use crate::ui::state::{provide_preview, use_store};
use crate::ui::storage;
use leptos::prelude::*;

#[component]
pub fn SharedPage(payload: String) -> impl IntoView {
    let store = use_store();
    let router = use_router();
    match codec::decode_noting(&payload, storage::new_id(), &storage::now_iso()) {
        Err(e) => view! {
            <article class="panel prose" data-testid="share-error" role="alert">
                <h1>"This link could not be opened"</h1>
                <p>{e.to_string()} "."</p>
                <p>"Nothing was changed. Ask the sender for a new link, or for the assessment as a file."</p>
                <p><a href="#/assessments">"Go to your assessments"</a></p>
            </article>
        }
        .into_any(),
        Ok((a, log_omitted)) => {
            let copy = a.clone();
            let save = move |_| {
                let (id, _) = store.insert_copy(&copy);
                router.go(&Route::Step { id, step: Step::Profile });
            };
            provide_preview(store, a);
            view! {
                <div class="shared">
                    <div class="notice no-print" data-testid="shared-banner">
                        "A shared assessment, shown read-only. Nothing is saved until you choose to. "
                        <button type="button" class="primary" data-testid="save-copy" on:click=save>"Save a copy"</button>
                        " " <a href=href(&Route::Assessments)>"Your assessments"</a>
                    </div>
                    {log_omitted.then(|| view! {
                        <p class="notice" data-testid="log-omitted">
                            "This link carries no change history: it would have been too long. \
                             The exported file holds it, so ask the sender for the file to see who changed what."
                        </p>
                    })}
                    <ReportView />
                </div>
            }
            .into_any()
        }
    }
}

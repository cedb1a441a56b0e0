//! Evidence links on a control or an acceptance: shown everywhere, and made
//! clickable only when safe (see `Evidence::href`).

use crate::core::assessment::{Evidence, MAX_EVIDENCE};
use leptos::prelude::*;
use std::sync::Arc;

/// Replaces a record's evidence list.
pub type SetEvidence = Arc<dyn Fn(Vec<Evidence>) + Send + Sync>;

/// One link: an anchor for a safe `https:` URL, otherwise the label and the
/// URL as plain text, so that `javascript:` and the like can never run.
#[component]
pub fn EvidenceLink(e: Evidence) -> impl IntoView {
    match e.href() {
        Some(url) => view! {
            <a href=url.to_string() target="_blank" rel="noopener noreferrer nofollow">{e.title().to_string()}</a>
        }
        .into_any(),
        None => view! {
            <span>
                {(!e.label.is_empty()).then(|| format!("{} ", e.label))}
                <code class="not-link" title="Shown as text: only https: links are opened">{e.url.clone()}</code>
            </span>
        }
        .into_any(),
    }
}

/// The list, each with a remove button, and a form that adds one.
#[component]
pub fn EvidenceEditor(
    /// Prefix of the test ids: `-item`, `-remove`, `-url`, `-label`,
    /// `-add`, `-error`.
    testid: String,
    list: Signal<Vec<Evidence>>,
    set: SetEvidence,
) -> impl IntoView {
    let url = RwSignal::new(String::new());
    let label = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let set_add = set.clone();
    let add = move || {
        let e = Evidence {
            url: url.get_untracked().trim().to_string(),
            label: label.get_untracked().trim().to_string(),
        };
        let mut all = list.get_untracked();
        let problem = if all.len() >= MAX_EVIDENCE {
            Some(format!("At most {MAX_EVIDENCE} links fit here."))
        } else {
            e.problem().map(|p| format!("This link {p}."))
        };
        match problem {
            Some(p) => error.set(Some(p)),
            None => {
                all.push(e);
                set_add(all);
                url.set(String::new());
                label.set(String::new());
                error.set(None);
            }
        }
    };
    let items = {
        let testid = testid.clone();
        move || {
            let set = set.clone();
            list.get()
                .into_iter()
                .enumerate()
                .map(|(i, e)| {
                    let set = set.clone();
                    view! {
                        <li data-testid=format!("{testid}-item")>
                            <EvidenceLink e />
                            " "
                            <button
                                type="button"
                                class="link"
                                data-testid=format!("{testid}-remove")
                                on:click=move |_| {
                                    let mut all = list.get_untracked();
                                    if i < all.len() {
                                        all.remove(i);
                                        set(all);
                                    }
                                }
                            >
                                "Remove"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let (url_id, label_id) = (format!("{testid}-url"), format!("{testid}-label"));
    let error_id = format!("{testid}-error");
    view! {
        <div class="evidence">
            <ul class="plain evidence-list">{items}</ul>
            <details>
                <summary>"Add evidence (a ticket, a test report, a document)"</summary>
                <div class="fields">
                    <label for=url_id.clone()>"Link"</label>
                    <input
                        id=url_id.clone()
                        type="url"
                        placeholder="https://"
                        data-testid=url_id
                        prop:value=move || url.get()
                        on:input=move |ev| url.set(event_target_value(&ev))
                    />
                    <label for=label_id.clone()>"What it is"</label>
                    <input
                        id=label_id.clone()
                        type="text"
                        data-testid=label_id
                        prop:value=move || label.get()
                        on:input=move |ev| label.set(event_target_value(&ev))
                    />
                </div>
                <button type="button" data-testid=format!("{testid}-add") on:click=move |_| add()>
                    "Add link"
                </button>
                {move || error.get().map(|e| view! {
                    <p class="error" role="alert" data-testid=error_id.clone()>{e}</p>
                })}
            </details>
        </div>
    }
}

//! The record as an auditor checks it: its digest, a check of a digest
//! someone gave, the sign-off bound to it, and the change log.

use crate::core::assessment::SignOff;
use crate::core::digest::{digest, parse, signoff_state, SignOffState};
use crate::core::log::{since_signoff, LogEntry};
use crate::core::time::when;
use crate::ui::state::use_assess;
use crate::ui::storage::today;
use leptos::prelude::*;

/// The most log entries the dashboard lists; the file holds them all.
const SHOWN: usize = 30;

fn entry_row(e: &LogEntry) -> impl IntoView {
    let by = if e.by.is_empty() {
        "not named"
    } else {
        e.by.as_str()
    };
    view! {
        <tr>
            <td>{when(&e.at)}</td>
            <td>{by.to_string()}</td>
            <td><code>{e.what.clone()}</code></td>
            <td>{e.old.clone()}</td>
            <td>{e.new.clone()}</td>
        </tr>
    }
}

fn log_table(entries: Vec<LogEntry>, testid: &'static str) -> impl IntoView {
    view! {
        <table class="log" data-testid=testid>
            <thead><tr><th>"When"</th><th>"Who"</th><th>"What"</th><th>"Was"</th><th>"Is"</th></tr></thead>
            <tbody>{entries.iter().map(entry_row).collect_view()}</tbody>
        </table>
    }
}

#[component]
pub fn RecordBlock() -> impl IntoView {
    let assess = use_assess();
    let current = Memo::new(move |_| assess.assessment.with(digest));
    let pasted = RwSignal::new(String::new());
    let check = move || {
        let text = pasted.get();
        if text.trim().is_empty() {
            return None;
        }
        let (class, message) = match parse(&text) {
            None => (
                "error",
                "That is not a digest: expected sha256: and 64 hexadecimal digits.",
            ),
            Some(d) if d == current.get() => (
                "ok",
                "It matches: this is the record that digest was taken of.",
            ),
            Some(_) => (
                "error",
                "It does not match: this record differs from the one that digest was taken of.",
            ),
        };
        Some(view! { <p class=class role="status" data-testid="digest-check">{message}</p> })
    };

    // The sign-off form, filled with what the record already says.
    let by = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let date = RwSignal::new(today());
    let scope = RwSignal::new(
        assess
            .assessment
            .with_untracked(|a| a.details.version.clone()),
    );
    let statement = RwSignal::new(String::new());
    let ready = move || {
        [by, date, statement]
            .iter()
            .all(|s| s.with(|t| !t.trim().is_empty()))
    };
    let sign = move |_| {
        let signoff = SignOff {
            by: by.get_untracked().trim().to_string(),
            role: role.get_untracked().trim().to_string(),
            date: date.get_untracked(),
            scope_version: scope.get_untracked().trim().to_string(),
            statement: statement.get_untracked().trim().to_string(),
            // Both set on saving, from the record as saved.
            digest: String::new(),
            at: String::new(),
        };
        assess.update(move |a| a.signoff = Some(signoff));
    };
    let field =
        |label: &'static str, key: &'static str, kind: &'static str, value: RwSignal<String>| {
            let id = format!("signoff-{key}");
            view! {
                <label for=id.clone()>{label}</label>
                <input id=id.clone() type=kind data-testid=id prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            }
        };
    let status = move || {
        assess.assessment.with(|a| {
            let s = a.signoff.as_ref()?;
            let role = if s.role.is_empty() { String::new() } else { format!(" ({})", s.role) };
            let scope = if s.scope_version.is_empty() {
                String::new()
            } else {
                format!(", scope version {}", s.scope_version)
            };
            let head = format!("Signed off by {}{role} on {}{scope}: “{}”", s.by, s.date, s.statement);
            let (state, detail) = match signoff_state(a) {
                SignOffState::Changed => {
                    let since = since_signoff(a).unwrap_or_default();
                    let detail = if since.is_empty() {
                        view! { <p>"The log records no change since; the record's own fields differ."</p> }.into_any()
                    } else {
                        let n = since.len();
                        let rows: Vec<LogEntry> = since.into_iter().cloned().collect();
                        view! {
                            <p>{format!("{n} change(s) since:")}</p>
                            {log_table(rows, "changed-since")}
                        }
                        .into_any()
                    };
                    ("changed", detail)
                }
                _ => ("current", view! { <p>"The record is unchanged since."</p> }.into_any()),
            };
            let label = if state == "current" { "Signed off" } else { "Changed since sign-off" };
            Some(view! {
                <div class=format!("signoff {state}") data-testid="signoff-status" data-state=state>
                    <p><strong>{label}</strong>" · " {head}</p>
                    <p class="muted">"Signed digest: " <code>{s.digest.clone()}</code></p>
                    {detail}
                </div>
            })
        })
    };
    let history = move || {
        assess.assessment.with(|a| {
            let n = a.log.len();
            let shown: Vec<LogEntry> = a.log.iter().rev().take(SHOWN).cloned().collect();
            let more = (n > SHOWN).then(|| {
                view! { <p class="muted">{format!("{} earlier change(s) are in the exported file.", n - SHOWN)}</p> }
            });
            (n > 0).then(|| view! { {log_table(shown, "change-log")} {more} })
        })
    };

    view! {
        <section class="panel dash-record" aria-labelledby="dash-record" data-testid="record-block">
            <h2 id="dash-record">"The record"</h2>
            <p>"Digest: " <code data-testid="digest">{move || current.get()}</code></p>
            <p class="muted">
                "Anyone can check a file against it with " <code>"aixa verify FILE DIGEST"</code>
                "; it changes with any decision, and not with how the file is written."
            </p>
            <label for="digest-paste">"Check a digest you were given"</label>
            <input id="digest-paste" type="text" data-testid="digest-paste" placeholder="sha256:…"
                prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev)) />
            {check}
            <h3>"Sign-off"</h3>
            {status}
            <details data-testid="signoff-form">
                <summary>"Sign off the assessment as it stands"</summary>
                <div class="fields">
                    {field("Signed by", "by", "text", by)}
                    {field("Role", "role", "text", role)}
                    {field("Date", "date", "date", date)}
                    {field("Scope version", "scope", "text", scope)}
                    {field("Overall residual risk statement", "statement", "text", statement)}
                </div>
                <button type="button" class="primary" data-testid="signoff-apply" disabled=move || !ready() on:click=sign>
                    "Sign off"
                </button>
            </details>
            <h3>"Change log"</h3>
            {move || assess.assessment.with(|a| a.log.is_empty()).then(|| view! {
                <p class="empty">"No change is recorded yet."</p>
            })}
            {history}
        </section>
    }
}

//! The printable report: everything the assessment decided, on paper-shaped
//! pages. "Print to PDF" in the browser turns it into the auditor's copy.

use crate::core::assessment::Evidence;
use crate::core::dashboard::in_scope;
use crate::core::report::model::{build, Fact, OpenItem};
use crate::core::route::Route;
use crate::ui::components::evidence::EvidenceLink;
use crate::ui::pages::not_found::NotFound;
use crate::ui::pages::steps::risk::{BandLegend, HeatMap, Side};
use crate::ui::router::href;
use crate::ui::state::{provide_assess, use_assess, use_store};
use crate::ui::storage::today;
use leptos::prelude::*;

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "–".into()
    } else {
        s.to_string()
    }
}

/// The report's sections, as the table of contents lists them: the anchor
/// of each heading, and its title.
const SECTIONS: [(&str, &str); 10] = [
    ("r-open", "Open items"),
    ("r-profile", "System profile"),
    ("r-threats", "Threats, with the reasons"),
    ("r-responsibility", "Responsibility and verification"),
    ("r-controls", "Controls"),
    ("r-treatment", "Evaluation and treatment"),
    ("r-risk", "Risk"),
    ("r-acceptance", "Residual risk acceptance"),
    ("r-coverage", "Coverage"),
    ("r-guidelines", "UK/US guidelines coverage"),
];

/// A section's heading, titled as the table of contents names it.
fn heading(id: &'static str) -> impl IntoView {
    let title = SECTIONS.iter().find(|s| s.0 == id).map_or("", |s| s.1);
    view! { <h2 id=id>{title}</h2> }
}

/// One list of the open-items page: section, item and what is open.
fn open_table(
    title: &'static str,
    what: &'static str,
    head: &'static str,
    rows: &[OpenItem],
) -> AnyView {
    if rows.is_empty() {
        return view! { <h3>{title}</h3><p>"None."</p> }.into_any();
    }
    let rows = rows
        .iter()
        .map(|i| view! { <tr><td>{i.section}</td><td>{i.name.clone()}</td><td>{i.detail.clone()}</td></tr> })
        .collect_view();
    view! {
        <h3>{title}</h3>
        <table>
            <thead><tr><th>"§"</th><th>{what}</th><th>{head}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// A list of facts; those with a key can be found as `report-<key>`.
fn facts(list: Vec<Fact>) -> impl IntoView {
    let items = list
        .into_iter()
        .map(|(key, label, value)| {
            let testid = (!key.is_empty()).then(|| format!("report-{key}"));
            view! { <dt>{label}</dt><dd data-testid=testid>{value}</dd> }
        })
        .collect_view();
    view! { <dl class="facts">{items}</dl> }
}

/// While the report is open, a PDF saved from it is named after the
/// assessment, and each page's footer shows the digest: a page-margin box
/// cannot read the page's text, but it reads a custom property of the root
/// element (`@page` in style/main.css). Both are undone when the report goes.
fn mark_document(name: &str, digest: &str) {
    let doc = document();
    let before = doc.title();
    if !name.trim().is_empty() {
        doc.set_title(name);
    }
    let root_style = || {
        use leptos::wasm_bindgen::JsCast;
        document()
            .document_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .map(|e| e.style())
    };
    // Through the CSSOM, which the Content-Security-Policy allows, where a
    // style attribute would be refused. The digest is "sha256:" and hex
    // digits, nothing to escape in a CSS string.
    if let Some(style) = root_style() {
        let _ = style.set_property("--digest", &format!("\"{digest}\""));
    }
    on_cleanup(move || {
        document().set_title(&before);
        if let Some(style) = root_style() {
            let _ = style.remove_property("--digest");
        }
    });
}

/// A cell's evidence links, "–" when there are none.
#[component]
fn EvidenceList(list: Vec<Evidence>) -> impl IntoView {
    if list.is_empty() {
        return "–".into_any();
    }
    list.into_iter()
        .enumerate()
        .map(|(i, e)| view! { {(i > 0).then_some("; ")}<EvidenceLink e /> })
        .collect_view()
        .into_any()
}

#[component]
pub fn ReportPage(id: String) -> impl IntoView {
    let store = use_store();
    if !store.exists(&id) {
        return view! { <NotFound raw=format!("/a/{id}/report") /> }.into_any();
    }
    provide_assess(store, &id);
    let back = Route::Step {
        id: id.clone(),
        step: crate::core::dashboard::Step::Dashboard,
    };
    view! {
        <div class="no-print row report-actions">
            <a href=href(&back)>"← Back to the assessment"</a>
            <button type="button" class="primary" data-testid="print-now" on:click=move |_| { let _ = window().print(); }>
                "Print or save as PDF"
            </button>
        </div>
        <ReportView />
    }
    .into_any()
}

/// Everything an assessment decided, read-only, for print or a shared link:
/// the facts of the core's report model, the same the Markdown report holds.
#[component]
pub fn ReportView() -> impl IntoView {
    let assess = use_assess();
    let r = build(&assess.assessment.get_untracked(), &today());
    mark_document(&r.name, &r.digest);
    let scope_memo = Memo::new(move |_| assess.selection.with(in_scope));

    let progress = r
        .progress
        .iter()
        .map(|p| view! { <li>{p.number} ". " {p.label} ": " {p.done} " of " {p.total}</li> })
        .collect_view();
    let profile = r
        .profile
        .iter()
        .map(|p| {
            let why = p.not_asked_because.map(|why| format!(", as {why}"));
            view! { <tr><td>{p.question}</td><td>{p.answer.clone()}{why}</td></tr> }
        })
        .collect_view();
    let threats = r
        .threats
        .iter()
        .map(|t| {
            let note = t
                .override_note
                .clone()
                .map(|m| view! { <strong>{m}</strong> " " });
            view! {
                <tr data-verdict=t.verdict.as_str()>
                    <td>{t.section}</td>
                    <td>{t.name}</td>
                    <td>{t.verdict.label()}</td>
                    <td>{if t.in_scope { "yes" } else { "no" }}</td>
                    <td>{note}{t.why.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let named = (!r.named_controls.is_empty()).then(|| {
        let items = r
            .named_controls
            .iter()
            .map(|n| {
                let refs = (!n.references.is_empty()).then(|| format!(" ({})", n.references.join("; ")));
                view! { <li>{n.section} " " {n.threat} ": " <strong>{n.name}</strong> ": " {n.note} {refs}</li> }
            })
            .collect_view();
        view! { <h3>"Controls the source names without an id"</h3><ul>{items}</ul> }
    });
    let responsibility = r
        .responsibility
        .iter()
        .map(|x| {
            view! {
                <tr>
                    <td>{x.section} " " {x.threat}</td>
                    <td>{x.party}</td>
                    <td>{or_dash(&x.provider)}</td>
                    <td>{x.default_why.clone().unwrap_or_else(|| "changed".into())}</td>
                    <td>{x.assurance.unwrap_or("–")}</td>
                    <td>{or_dash(&x.evidence)}</td>
                    <td>{or_dash(&x.date)}</td>
                </tr>
            }
        })
        .collect_view();
    let controls = r
        .controls
        .iter()
        .map(|(heading, rows)| {
            let rows = rows
                .iter()
                .map(|c| {
                    view! {
                        <tr>
                            <td>{c.section}</td>
                            <td><code>{c.id}</code> " " {c.name}</td>
                            <td>{c.status}</td>
                            <td>{or_dash(&c.owner)}</td>
                            <td>{or_dash(&c.due)}</td>
                            <td>{or_dash(&c.notes)}</td>
                            <td><EvidenceList list=c.evidence.clone() /></td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <h3>{heading.clone()}</h3>
                <table>
                    <thead><tr><th>"§"</th><th>"Control"</th><th>"Status"</th><th>"Owner"</th><th>"Due"</th><th>"Notes"</th><th>"Evidence"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
        .collect_view();
    let partial = (!r.partial_standards.is_empty()).then(|| {
        let items = r
            .partial_standards
            .iter()
            .map(|(id, refs)| view! { <li><code>{*id}</code> ": " {refs.join("; ")}</li> })
            .collect_view();
        view! { <h3>"Standards that cover a selected control only in part"</h3><ul>{items}</ul> }
    });
    let risk = r
        .risk
        .iter()
        .map(|x| {
            view! {
                <tr>
                    <td>{x.section} " " {x.threat}</td>
                    <td>{x.inherent.clone()}</td>
                    <td>{x.residual.clone()}</td>
                    <td>{x.decision}</td>
                    <td>{or_dash(&x.approver)}</td>
                    <td>{or_dash(&x.date)}</td>
                    <td>{or_dash(&x.review)}</td>
                    <td>{or_dash(&x.rationale)}</td>
                    <td><EvidenceList list=x.evidence.clone() /></td>
                </tr>
            }
        })
        .collect_view();
    let open = r.coverage.iter().filter(|c| !c.covered).count();
    let coverage = r
        .coverage
        .iter()
        .map(|c| {
            view! {
                <tr>
                    <td>{c.section} " " {c.threat}</td>
                    <td>{c.party}</td>
                    <td>{if c.covered { "yes" } else { "no" }}</td>
                    <td>{c.why.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let listed = |names: &[&'static str]| {
        if names.is_empty() {
            "none".to_string()
        } else {
            names.join("; ")
        }
    };
    let guidelines = r
        .guidelines
        .iter()
        .map(|g| {
            view! {
                <tr>
                    <td>{g.section}</td>
                    <td>{g.text}{g.dsit_note()}</td>
                    <td>{g.implemented} " of " {g.total}</td>
                    <td>{g.coverage} {g.partial.then_some(" (the controls cover it only in part)")}</td>
                </tr>
            }
        })
        .collect_view();

    // The contents link within the page (and within the PDF), but the app
    // routes by the fragment: on screen a click scrolls instead.
    let toc = SECTIONS
        .iter()
        .filter(|(id, _)| *id != "r-treatment" || !r.treatment.is_empty())
        .map(|&(id, title)| {
            let jump = move |ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                if let Some(el) = document().get_element_by_id(id) {
                    el.scroll_into_view();
                }
            };
            view! { <li><a href=format!("#{id}") on:click=jump>{title}</a></li> }
        })
        .collect_view();
    let o = &r.open;
    let open_items = view! {
        <p>"What is still open on " {r.today.clone()} "."</p>
        {open_table("Reviews due", "Threat", "Review date", &o.reviews_due)}
        {open_table("Verifications not settled", "Threat", "Assurance", &o.verifications)}
        {open_table("Acceptance refused", "Threat", "Refused by, on, why", &o.refused)}
        {open_table("Controls overdue", "Control", "Due", &o.overdue_controls)}
        <h3>"Controls not decided"</h3>
        <p>{o.undecided_controls} " of " {o.selected_controls} " selected controls have no decision (see Controls)."</p>
        {open_table("Threats not covered", "Threat", "Why not", &o.uncovered)}
    };
    let signoff = r.signoff.as_ref().map(|s| {
        let changed = (!s.current).then_some(
            "The record has changed since it was signed: its digest is no longer the one signed.",
        );
        view! {
            <div class="signoff" data-testid="report-signoff" data-state=s.state()>
                <h2>"Sign-off: " {s.state()}</h2>
                <p><strong>{changed}</strong></p>
                {facts(s.facts())}
            </div>
        }
    });

    view! {
        <article class="report" data-testid="report">
            <section class="cover">
                <p class="muted">"AI security assessment"</p>
                <h1 data-testid="report-name">{r.name.clone()}</h1>
                {facts(r.cover())}
                <p class="muted">
                    "The digest identifies this record's content: " <code>"aixa verify FILE DIGEST"</code>
                    " tells whether a file is this record, unchanged."
                </p>
                {signoff}
                <h2>"Progress"</h2>
                <ul>{progress}</ul>
                <p class="muted">
                    "Made with aixa. Threats and controls: OWASP AI Exchange (CC0). This edition's text: "
                    {r.source_url.clone()}
                </p>
            </section>
            <section>
                <nav class="toc" aria-labelledby="r-contents">
                    <h2 id="r-contents">"Contents"</h2>
                    <ol>{toc}</ol>
                </nav>
            </section>
            <section class="open-items" data-testid="report-open">
                {heading("r-open")}
                {open_items}
            </section>
            <section>
                {heading("r-profile")}
                <table><tbody>{profile}</tbody></table>
                {heading("r-threats")}
                <table data-testid="report-threats">
                    <thead><tr><th>"§"</th><th>"Threat"</th><th>"Verdict"</th><th>"In scope"</th><th>"Why"</th></tr></thead>
                    <tbody>{threats}</tbody>
                </table>
                {named}
            </section>
            <section>
                {heading("r-responsibility")}
                <table data-testid="report-responsibility">
                    <thead><tr><th>"Threat"</th><th>"Responsible"</th><th>"Provider"</th><th>"Default?"</th><th>"Assurance"</th><th>"Evidence"</th><th>"Date"</th></tr></thead>
                    <tbody>{responsibility}</tbody>
                </table>
            </section>
            <section>
                {heading("r-controls")}
                {controls}
                {partial}
            </section>
            {(!r.treatment.is_empty()).then(|| view! {
                <section>
                    {heading("r-treatment")}
                    <table data-testid="report-treatment">
                        <thead><tr><th>"Threat"</th><th>"Evaluation"</th><th>"Treatment"</th><th>"Why"</th></tr></thead>
                        <tbody>
                            {r.treatment.iter().map(|x| view! {
                                <tr>
                                    <td>{x.section} " " {x.threat}</td>
                                    <td>{x.need}</td>
                                    <td>{x.choice}</td>
                                    <td>{or_dash(&x.rationale)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </section>
            })}
            <section>
                {heading("r-risk")}
                <div class="heatmaps">
                    <HeatMap side=Side::Inherent threats=scope_memo />
                    <HeatMap side=Side::Residual threats=scope_memo />
                </div>
                <BandLegend />
                {heading("r-acceptance")}
                <table data-testid="report-risk">
                    <thead><tr><th>"Threat"</th><th>"Inherent"</th><th>"Residual"</th><th>"Decision"</th><th>"Approver"</th><th>"Date"</th><th>"Review"</th><th>"Rationale"</th><th>"Evidence"</th></tr></thead>
                    <tbody>{risk}</tbody>
                </table>
                <p>"Residual risk not yet accepted: " {listed(&r.open_acceptances)} "."</p>
                {(!r.reviews_due.is_empty()).then(|| view! {
                    <p>"Reviews due by " {r.today.clone()} ": " {listed(&r.reviews_due)} "."</p>
                })}
                <p>"Accepted: " {r.accepted} " of " {r.in_scope()} " threats in scope."</p>
            </section>
            <section>
                {heading("r-coverage")}
                <p>
                    {open} " of " {r.coverage.len()} " threats in scope not covered on " {r.today.clone()}
                    ", by the rule of aixa check: a specific control implemented, a complete and current \
                    acceptance, or a provider's verified assurance."
                </p>
                <table data-testid="report-coverage">
                    <thead><tr><th>"Threat"</th><th>"Responsible"</th><th>"Covered"</th><th>"By what, or why not"</th></tr></thead>
                    <tbody>{coverage}</tbody>
                </table>
            </section>
            <section>
                {heading("r-guidelines")}
                <table data-testid="report-guidelines">
                    <thead><tr><th>"Section"</th><th>"Guideline"</th><th>"Implemented"</th><th>"Coverage"</th></tr></thead>
                    <tbody>{guidelines}</tbody>
                </table>
            </section>
        </article>
    }
}

//! The printable report: everything the assessment decided, on paper-shaped
//! pages. "Print to PDF" in the browser turns it into the auditor's copy.

use crate::core::assessment::Evidence;
use crate::core::dashboard::in_scope;
use crate::core::report::model::build;
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

    view! {
        <article class="report" data-testid="report">
            <section class="cover">
                <p class="muted">"AI security assessment"</p>
                <h1 data-testid="report-name">{r.name.clone()}</h1>
                <dl class="facts">
                    <dt>"Catalog"</dt><dd>{r.catalog_title} " (edition " {r.edition} ")"</dd>
                    <dt>"Last changed"</dt><dd data-testid="report-updated">{or_dash(&r.updated)}</dd>
                    {(!r.copied.is_empty()).then(|| view! { <dt>"This copy made"</dt><dd data-testid="report-copied">{r.copied.clone()}</dd> })}
                    {r.details.iter().map(|(label, text)| view! { <dt>{*label}</dt><dd>{text.clone()}</dd> }).collect_view()}
                    <dt>"Printed"</dt><dd>{r.today.clone()}</dd>
                    <dt>"Threats in scope"</dt><dd>{r.in_scope()} " of " {r.threats_total}</dd>
                </dl>
                <h2>"Progress"</h2>
                <ul>{progress}</ul>
                <p class="muted">
                    "Made with aixa. Threats and controls: OWASP AI Exchange (CC0). This edition's text: "
                    {r.source_url.clone()}
                </p>
            </section>
            <section>
                <h2>"System profile"</h2>
                <table><tbody>{profile}</tbody></table>
                <h2>"Threats, with the reasons"</h2>
                <table data-testid="report-threats">
                    <thead><tr><th>"§"</th><th>"Threat"</th><th>"Verdict"</th><th>"In scope"</th><th>"Why"</th></tr></thead>
                    <tbody>{threats}</tbody>
                </table>
                {named}
            </section>
            <section>
                <h2>"Responsibility and verification"</h2>
                <table data-testid="report-responsibility">
                    <thead><tr><th>"Threat"</th><th>"Responsible"</th><th>"Provider"</th><th>"Default?"</th><th>"Assurance"</th><th>"Evidence"</th><th>"Date"</th></tr></thead>
                    <tbody>{responsibility}</tbody>
                </table>
            </section>
            <section>
                <h2>"Controls"</h2>
                {controls}
                {partial}
            </section>
            {(!r.treatment.is_empty()).then(|| view! {
                <section>
                    <h2>"Evaluation and treatment"</h2>
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
                <h2>"Risk"</h2>
                <div class="heatmaps">
                    <HeatMap side=Side::Inherent threats=scope_memo />
                    <HeatMap side=Side::Residual threats=scope_memo />
                </div>
                <BandLegend />
                <h2>"Residual risk acceptance"</h2>
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
                <h2>"Coverage"</h2>
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
                <h2>"UK/US guidelines coverage"</h2>
                <table data-testid="report-guidelines">
                    <thead><tr><th>"Section"</th><th>"Guideline"</th><th>"Implemented"</th><th>"Coverage"</th></tr></thead>
                    <tbody>{guidelines}</tbody>
                </table>
            </section>
        </article>
    }
}

//! The printable report: everything the assessment decided, on paper-shaped
//! pages. "Print to PDF" in the browser turns it into the auditor's copy.

use crate::core::assessment::Party;
use crate::core::catalog::QuestionKind;
use crate::core::dashboard::{control_layout, figures, in_scope};
use crate::core::explain::reasons;
use crate::core::responsibility::in_force;
use crate::core::route::Route;
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

/// Everything an assessment decided, read-only, for print or a shared link.
#[component]
pub fn ReportView() -> impl IntoView {
    let assess = use_assess();
    let catalog = assess.catalog;
    let a = assess.assessment.get_untracked();
    let sel = assess.selection.get_untracked();
    let scope = in_scope(&sel);
    let scope_memo = Memo::new(move |_| assess.selection.with(in_scope));
    let f = figures(&a, &today());
    let effective = a.answers.effective(catalog);

    let profile = catalog
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let answer = match q.kind {
                QuestionKind::YesNo => effective[i].0.as_str().to_string(),
                QuestionKind::Components(_) => {
                    let c = a.answers.components(q.id).join(", ");
                    if c.is_empty() {
                        "none".into()
                    } else {
                        c
                    }
                }
            };
            view! { <tr><td>{q.text}</td><td>{answer}</td></tr> }
        })
        .collect_view();

    let threats = sel
        .verdicts
        .iter()
        .map(|v| {
            let t = &catalog.threats[v.threat];
            let why = reasons(&sel, v).join(" ");
            let manual = v.manual.and_then(|include| {
                a.overrides.get(t.id).map(|o| {
                    let what = if include { "Included" } else { "Excluded" };
                    format!("{what} by override: {}", o.rationale)
                })
            });
            view! {
                <tr data-verdict=v.verdict.as_str()>
                    <td>{t.section}</td>
                    <td>{t.name}</td>
                    <td>{v.verdict.label()}</td>
                    <td>{if v.in_scope() { "yes" } else { "no" }}</td>
                    <td>{manual.map(|m| view! { <strong>{m}</strong> " " })}{why}</td>
                </tr>
            }
        })
        .collect_view();

    let responsibility = scope
        .iter()
        .map(|&t| {
            let threat = &catalog.threats[t];
            let (r, is_default) = in_force(&a, t);
            let ver = a.verification.get(threat.id).cloned().unwrap_or_default();
            let external = r.party != Party::Us;
            view! {
                <tr>
                    <td>{threat.name}</td>
                    <td>{r.party.label()} {is_default.then_some(" (default)")}</td>
                    <td>{or_dash(&r.provider)}</td>
                    <td>{if external { ver.status.label() } else { "–" }}</td>
                    <td>{or_dash(&[ver.note.as_str(), ver.link.as_str()].join(" "))}</td>
                    <td>{or_dash(&ver.date)}</td>
                </tr>
            }
        })
        .collect_view();

    let controls = control_layout(&sel)
        .into_iter()
        .map(|(heading, list)| {
            let rows = list
                .into_iter()
                .map(|c| {
                    let control = &catalog.controls[c];
                    let plan = a.controls.get(control.id).cloned().unwrap_or_default();
                    let notes = plan.note_line();
                    view! {
                        <tr>
                            <td><code>{control.id}</code> " " {control.name}</td>
                            <td>{plan.status.label()}</td>
                            <td>{or_dash(&plan.owner)}</td>
                            <td>{or_dash(&plan.due)}</td>
                            <td>{or_dash(&notes)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <h3>{heading}</h3>
                <table>
                    <thead><tr><th>"Control"</th><th>"Status"</th><th>"Owner"</th><th>"Due"</th><th>"Notes"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
        .collect_view();

    let acceptance = scope
        .iter()
        .map(|&t| {
            let threat = &catalog.threats[t];
            let r = a.risk.get(threat.id).copied().unwrap_or_default();
            let acc = a.acceptance.get(threat.id).cloned().unwrap_or_default();
            view! {
                <tr>
                    <td>{threat.name}</td>
                    <td>{r.inherent.describe()}</td>
                    <td>{r.residual.describe()}</td>
                    <td>{acc.decision.label()}</td>
                    <td>{or_dash(&acc.approver)}</td>
                    <td>{or_dash(&acc.date)}</td>
                    <td>{or_dash(&acc.review)}</td>
                    <td>{or_dash(&acc.rationale)}</td>
                </tr>
            }
        })
        .collect_view();

    let progress = f
        .progress
        .iter()
        .map(|p| view! { <li>{p.step.number()} ". " {p.step.label()} ": " {p.done} " of " {p.total}</li> })
        .collect_view();
    view! {
        <article class="report" data-testid="report">
            <section class="cover">
                <p class="muted">"AI security assessment"</p>
                <h1 data-testid="report-name">{a.name.clone()}</h1>
                <dl class="facts">
                    <dt>"Catalog"</dt><dd>{catalog.title} " (edition " {catalog.edition} ")"</dd>
                    <dt>"Last changed"</dt><dd>{or_dash(&a.updated)}</dd>
                    <dt>"Printed"</dt><dd>{today()}</dd>
                    <dt>"Threats in scope"</dt><dd>{scope.len()} " of " {catalog.threats.len()}</dd>
                </dl>
                <h2>"Progress"</h2>
                <ul>{progress}</ul>
                <p class="muted">"Made with aixa. Threats and controls: OWASP AI Exchange (CC0), owaspai.org."</p>
            </section>
            <section>
                <h2>"1. System profile"</h2>
                <table><tbody>{profile}</tbody></table>
                <h2>"Threats, with the reasons"</h2>
                <table>
                    <thead><tr><th>"§"</th><th>"Threat"</th><th>"Verdict"</th><th>"In scope"</th><th>"Why"</th></tr></thead>
                    <tbody>{threats}</tbody>
                </table>
            </section>
            <section>
                <h2>"2–3. Responsibility and verification"</h2>
                <table>
                    <thead><tr><th>"Threat"</th><th>"Responsible"</th><th>"Provider"</th><th>"Assurance"</th><th>"Evidence"</th><th>"Date"</th></tr></thead>
                    <tbody>{responsibility}</tbody>
                </table>
            </section>
            <section>
                <h2>"4. Controls"</h2>
                {controls}
            </section>
            <section>
                <h2>"5. Risk"</h2>
                <div class="heatmaps">
                    <HeatMap side=Side::Inherent threats=scope_memo />
                    <HeatMap side=Side::Residual threats=scope_memo />
                </div>
                <BandLegend />
                <h2>"6. Residual risk acceptance"</h2>
                <table>
                    <thead><tr><th>"Threat"</th><th>"Inherent"</th><th>"Residual"</th><th>"Decision"</th><th>"Approver"</th><th>"Date"</th><th>"Review"</th><th>"Rationale"</th></tr></thead>
                    <tbody>{acceptance}</tbody>
                </table>
            </section>
        </article>
    }
}

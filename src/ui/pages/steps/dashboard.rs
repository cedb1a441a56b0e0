//! The dashboard (2026-08: continuous assessment): where the assessment
//! stands, what changed since the last review, for managing it
//! further.

use super::StepHeader;
use crate::core::assessment::{Assessment, ControlStatus, Party};
use crate::core::catalog::{Catalog, Threat};
use crate::core::coverage::{coverage, uncovered_first};
use crate::core::dashboard::{control_status, figures, Coverage, Figures, Step};
use crate::core::date::Date;
use crate::core::plan::{planned_controls, top_residual_risks};
use crate::core::review::{changes, snapshot};
use crate::core::risk::band;
use crate::core::route::Route;
use crate::ui::router::href;
use crate::ui::state::use_assess;
use crate::ui::storage::today;
use leptos::prelude::*;

#[component]
fn ProgressBlock(figs: Memo<Figures>) -> impl IntoView {
    let id = use_assess().id.get_value();
    // The steps figures measures, in their order (every step but this one).
    let steps: Vec<(Step, usize, &'static str)> = figs.with_untracked(|f| {
        f.progress
            .iter()
            .map(|p| (p.step, p.number, p.label))
            .collect()
    });
    let rows = steps
        .into_iter()
        .map(|(step, number, label)| {
            let counts = move || {
                figs.with(|f| {
                    f.progress
                        .iter()
                        .find(|p| p.step == step)
                        .map_or((0, 0), |p| (p.done, p.total))
                })
            };
            let bar_id = format!("bar-{}", step.slug());
            view! {
                <li
                    class="progress-row"
                    data-testid=format!("progress-{}", step.slug())
                    data-done=move || counts().0
                    data-total=move || counts().1
                >
                    <label for=bar_id.clone()>
                        <a href=href(&Route::Step { id: id.clone(), step })>{number} ". " {label}</a>
                    </label>
                    <progress
                        id=bar_id
                        max=move || counts().1.max(1)
                        value=move || if counts().1 == 0 { 1 } else { counts().0 }
                    ></progress>
                    <span class="of">
                        {move || {
                            let (done, total) = counts();
                            if total == 0 { "nothing to do".to_string() } else { format!("{done} of {total}") }
                        }}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel dash-block" aria-labelledby="dash-progress">
            <h2 id="dash-progress">"Progress"</h2>
            <ul class="plain progress-list">{rows}</ul>
        </section>
    }
}

/// A horizontal bar chart of the selected controls by status.
#[component]
fn ControlsChart(figs: Memo<Figures>) -> impl IntoView {
    const ROW: usize = 34;
    const LABEL: usize = 116;
    const BAR: usize = 170;
    const WIDTH: usize = LABEL + BAR + 40;
    const HEIGHT: usize = ROW * ControlStatus::ALL.len();
    let count = move |status: ControlStatus| {
        figs.with(|f| {
            f.controls_by_status
                .iter()
                .find(|(s, _)| *s == status)
                .map_or(0, |(_, n)| *n)
        })
    };
    let most = move || {
        figs.with(|f| {
            f.controls_by_status
                .iter()
                .map(|(_, n)| *n)
                .max()
                .unwrap_or(0)
                .max(1)
        })
    };
    let total = move || figs.with(|f| f.controls_by_status.iter().map(|(_, n)| *n).sum::<usize>());
    let summary = move || {
        let parts = ControlStatus::ALL
            .into_iter()
            .map(|s| format!("{} {}", s.label(), count(s)))
            .collect::<Vec<_>>()
            .join(", ");
        format!("Selected controls by status: {parts}.")
    };
    let bars = ControlStatus::ALL
        .into_iter()
        .enumerate()
        .map(|(row, status)| {
            let y = row * ROW;
            let width = move || count(status) * BAR / most();
            view! {
                <text class="chart-label" x=0 y={y + ROW / 2}>{status.label()}</text>
                <rect class=format!("bar status-{}", status.as_str()) x=LABEL y={y + 7} height={ROW - 14} width=width></rect>
                <text
                    class="chart-count"
                    x=move || LABEL + width() + 6
                    y={y + ROW / 2}
                    data-testid=format!("chart-controls-{}", status.as_str())
                >
                    {move || count(status)}
                </text>
            }
        })
        .collect_view();
    view! {
        <section class="panel dash-block" aria-labelledby="dash-controls">
            <h2 id="dash-controls">"Controls by status"</h2>
            <p class="muted">{move || format!("{} controls selected", total())}</p>
            <svg
                class="bar-chart"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-label=summary
                data-testid="chart-controls"
            >
                {bars}
            </svg>
        </section>
    }
}

#[component]
fn PartyBlock(figs: Memo<Figures>) -> impl IntoView {
    let rows = Party::ALL
        .into_iter()
        .map(|party| {
            let n = move || {
                figs.with(|f| {
                    f.threats_by_party
                        .iter()
                        .find(|(p, _)| *p == party)
                        .map_or(0, |(_, n)| *n)
                })
            };
            let words = match party {
                Party::Us => "Handled by us",
                Party::Provider => "Handled by a provider",
                Party::Shared => "Shared with a provider",
            };
            view! {
                <div class="party">
                    <dt>{words}</dt>
                    <dd data-testid=format!("by-party-{}", party.as_str())>{n}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="panel dash-block" aria-labelledby="dash-party">
            <h2 id="dash-party">"Threats by responsibility"</h2>
            <dl class="party-counts">{rows}</dl>
        </section>
    }
}

/// One line of a dashboard list: a threat or a control, linked, with what
/// is due about it.
#[derive(Clone, PartialEq)]
struct Entry {
    href: String,
    /// A control's id, shown as code before the name.
    code: Option<&'static str>,
    label: String,
    detail: String,
    testid: String,
}

impl Entry {
    fn threat(t: &Threat, detail: String) -> Entry {
        Entry {
            href: href(&Route::Threat(t.id.into())),
            code: None,
            label: format!("{} {}", t.section, t.name),
            detail,
            testid: format!("entry-{}", t.id),
        }
    }
}

/// A list of entries, each linking to its page, with a line for when there
/// are none.
#[component]
fn ListBlock(
    title: &'static str,
    testid: &'static str,
    empty: &'static str,
    entries: Signal<Vec<Entry>>,
) -> impl IntoView {
    let heading_id = format!("dash-{testid}");
    let labelled_by = heading_id.clone();
    view! {
        <section class="panel dash-block" aria-labelledby=labelled_by>
            <h2 id=heading_id>{title}</h2>
            <div data-testid=testid>
                <Show
                    when=move || !entries.with(Vec::is_empty)
                    fallback=move || view! { <p class="empty">{empty}</p> }
                >
                    <ul class="plain threat-links">
                        {move || {
                            entries
                                .get()
                                .into_iter()
                                .map(|e| {
                                    let detail = (!e.detail.is_empty()).then(|| format!(" · {}", e.detail));
                                    view! {
                                        <li data-testid=e.testid>
                                            <a href=e.href>{e.code.map(|c| view! { <code>{c}</code> " " })}{e.label}</a>
                                            <span class="muted">{detail}</span>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </Show>
            </div>
        </section>
    }
}

/// Threats as entries with nothing more to say about them.
fn threat_entries(catalog: &'static Catalog, threats: Vec<usize>) -> Vec<Entry> {
    threats
        .into_iter()
        .map(|t| Entry::threat(&catalog.threats[t], String::new()))
        .collect()
}

/// Selected controls past their due date and not yet implemented.
fn overdue_entries(a: &Assessment, f: &Figures, catalog: &'static Catalog) -> Vec<Entry> {
    f.overdue_controls
        .iter()
        .map(|&c| {
            let control = &catalog.controls[c];
            let plan = a.controls.get(control.id).cloned().unwrap_or_default();
            let mut detail = format!("due {} · {}", plan.due, plan.status.label());
            if !plan.owner.is_empty() {
                detail.push_str(&format!(" · {}", plan.owner));
            }
            Entry {
                href: href(&Route::Control(control.id.into())),
                code: Some(control.id),
                label: control.name.to_string(),
                detail,
                testid: format!("overdue-{}", control.id),
            }
        })
        .collect()
}

/// Threats whose provider's assurance is not verified, each with where it
/// stands: "not obtainable" and "evidence received" stay findings too.
fn verification_entries(a: &Assessment, f: &Figures, catalog: &'static Catalog) -> Vec<Entry> {
    f.open_verifications
        .iter()
        .map(|&t| {
            let status = a.assurance(catalog.threats[t].id);
            Entry::threat(&catalog.threats[t], status.label().to_string())
        })
        .collect()
}

/// The action plan: planned controls, overdue first, with owner and due date.
fn plan_entries(a: &Assessment, _: &Figures, catalog: &'static Catalog) -> Vec<Entry> {
    planned_controls(a, &today())
        .into_iter()
        .map(|p| {
            let control = &catalog.controls[p.control];
            let plan = a.controls.get(control.id).cloned().unwrap_or_default();
            let due = if plan.due.is_empty() {
                "no due date".to_string()
            } else if p.overdue {
                format!("OVERDUE since {}", plan.due)
            } else {
                format!("due {}", plan.due)
            };
            let owner = if plan.owner.is_empty() {
                "no owner"
            } else {
                plan.owner.as_str()
            };
            Entry {
                href: href(&Route::Control(control.id.into())),
                code: Some(control.id),
                label: control.name.to_string(),
                detail: format!("{due} · {owner}"),
                testid: format!("plan-{}", control.id),
            }
        })
        .collect()
}

/// The highest residual risks in scope.
fn top_risk_entries(a: &Assessment, _: &Figures, catalog: &'static Catalog) -> Vec<Entry> {
    top_residual_risks(a, 5)
        .into_iter()
        .map(|(t, level)| {
            let (_, band) = band(level);
            let mut e = Entry::threat(&catalog.threats[t], format!("residual {level}, {band}"));
            e.testid = format!("top-risk-{}", catalog.threats[t].id);
            e
        })
        .collect()
}

/// Threats whose acceptance is due for review.
fn review_entries(a: &Assessment, f: &Figures, catalog: &'static Catalog) -> Vec<Entry> {
    f.reviews_due
        .iter()
        .map(|&t| {
            let x = a.acceptance.get(catalog.threats[t].id);
            let date = x.map(|x| x.review.clone()).unwrap_or_default();
            let decision = x.map(|x| x.decision.label()).unwrap_or_default();
            Entry::threat(&catalog.threats[t], format!("due {date} · {decision}"))
        })
        .collect()
}

#[component]
fn GuidelinesBlock(figs: Memo<Figures>) -> impl IntoView {
    let assess = use_assess();
    let catalog = assess.catalog;
    let assess_status = move |id: &str| assess.assessment.with(|a| control_status(a, id).label());
    let rows = catalog
        .guidelines
        .iter()
        .enumerate()
        .map(|(index, g)| {
            let figure = move || figs.with(|f| f.guidelines.iter().find(|x| x.guideline == index).cloned());
            let counts = move || figure().map_or((0, 0), |x| (x.implemented, x.total));
            let coverage = move || figure().map_or(Coverage::None, |x| x.coverage);
            view! {
                <tr data-testid=format!("guideline-{index}")>
                    <td class="gsec">{g.section}</td>
                    <td>
                        {g.text}
                        {g.note.map(|n| view! { <span class="gnote muted">{n}</span> })}
                        {g.partial.then(|| view! {
                            <span class="gnote muted">"Mapped to part of a control only: partly covered at most."</span>
                        })}
                    </td>
                    <td class="gcount" class:complete=move || coverage() == Coverage::Fully>
                        <details data-testid=format!("guideline-{index}-detail")>
                            <summary>{move || { let (d, t) = counts(); format!("{d} of {t}, {}", coverage().label()) }}</summary>
                            {move || figure().map(|x| {
                                let counted = x.counted.iter().map(|&c| {
                                    let control = &catalog.controls[c];
                                    let status = assess_status(control.id);
                                    view! { <li><code>{control.id}</code> " " {status}</li> }
                                }).collect_view();
                                let left = x.left_out.iter().map(|&(c, why)| {
                                    view! { <li class="muted"><code>{catalog.controls[c].id}</code> " not counted: " {why}</li> }
                                }).collect_view();
                                view! { <ul class="plain">{counted}{left}</ul> }
                            })}
                        </details>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel dash-block dash-wide" aria-labelledby="dash-guidelines">
            <h2 id="dash-guidelines">"UK/US guidelines coverage"</h2>
            <p class="muted">
                "The Guidelines for secure AI system development (NCSC and CISA), each with the "
                "controls the AI Exchange maps to it, and how many of those you have implemented."
            </p>
            <div class="table-wrap">
                <table class="guidelines">
                    <thead>
                        <tr>
                            <th scope="col">"Section"</th>
                            <th scope="col">"Guideline"</th>
                            <th scope="col">"Controls implemented"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// Every threat in scope, judged by the rule `aixa check` applies, the
/// uncovered first: what still needs work, and why.
#[component]
fn CoverageBlock() -> impl IntoView {
    let assess = use_assess();
    let catalog = assess.catalog;
    let rows = Memo::new(move |_| {
        let day = Date::parse(&today()).unwrap_or(Date::MIN);
        assess.assessment.with(|a| {
            uncovered_first(coverage(a, day))
                .into_iter()
                .map(|c| (c.threat, c.covered.is_some(), c.describe(a)))
                .collect::<Vec<_>>()
        })
    });
    let summary = move || {
        rows.with(|r| {
            let open = r.iter().filter(|(_, covered, _)| !covered).count();
            match (r.len(), open) {
                (0, _) => "No threat is in scope.".to_string(),
                (n, 0) => format!("All {n} threats in scope are covered."),
                (n, open) => format!("{open} of {n} threats in scope are not covered."),
            }
        })
    };
    view! {
        <section class="panel dash-block dash-wide" aria-labelledby="dash-coverage">
            <h2 id="dash-coverage">"Coverage"</h2>
            <p>
                <span data-testid="coverage-summary">{summary}</span>
                " A threat is covered by one of its own controls implemented, a complete and \
                current acceptance, or, when a provider holds it, verified assurance: the rule \
                of "<code>"aixa check"</code>"."
            </p>
            <ul class="plain threat-links coverage" data-testid="coverage">
                {move || {
                    rows.get()
                        .into_iter()
                        .map(|(t, covered, why)| {
                            let t = &catalog.threats[t];
                            view! {
                                <li data-testid=format!("coverage-{}", t.id) data-covered=if covered { "yes" } else { "no" }>
                                    <span class=if covered { "mark ok" } else { "mark no" }>
                                        {if covered { "✔ covered" } else { "✘ not covered" }}
                                    </span>
                                    " "
                                    <a href=href(&Route::Threat(t.id.into()))>{t.section} " " {t.name}</a>
                                    <span class="muted why">" · " {why}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}

/// Continuous assessment: what changed since the last recorded review, and
/// a way to record this one.
#[component]
fn ReviewBlock() -> impl IntoView {
    let assess = use_assess();
    let since = move || {
        assess.assessment.with(|a| {
            a.reviewed
                .as_ref()
                .map(|r| (r.date.clone(), r.by.clone(), changes(a)))
                .map(|(date, by, changes)| {
                    let lines: Vec<String> = changes.iter().map(|c| c.describe(a)).collect();
                    (date, by, lines)
                })
        })
    };
    let by = RwSignal::new(String::new());
    let record = move |_| {
        let who = by.get_untracked();
        assess.update(|a| a.reviewed = Some(snapshot(a, &today(), &who)));
    };
    view! {
        <section class="panel dash-block dash-wide" aria-labelledby="dash-review">
            <h2 id="dash-review">"Since the last review"</h2>
            <div data-testid="review-changes">
                {move || match since() {
                    None => view! { <p class="empty">"No review is recorded yet."</p> }.into_any(),
                    Some((date, who, lines)) => view! {
                        <p data-testid="review-last">
                            "Last reviewed " {date} {(!who.is_empty()).then(|| format!(" by {who}"))} ". "
                            {if lines.is_empty() { "Nothing has changed since.".to_string() } else { format!("{} changes since:", lines.len()) }}
                        </p>
                        <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    }
                    .into_any(),
                }}
            </div>
            <div class="fields">
                <label for="review-by">"Reviewed by"</label>
                <input id="review-by" type="text" data-testid="review-by" prop:value=move || by.get() on:input=move |ev| by.set(event_target_value(&ev)) />
            </div>
            <button type="button" data-testid="review-record" on:click=record>
                "Record a review today"
            </button>
        </section>
    }
}

#[component]
pub fn DashboardStep() -> impl IntoView {
    let assess = use_assess();
    let catalog = assess.catalog;
    let figs = Memo::new(move |_| assess.assessment.with(|a| figures(a, &today())));
    let entries = move |make: fn(&Assessment, &Figures, &'static Catalog) -> Vec<Entry>| {
        Signal::derive(move || figs.with(|f| assess.assessment.with(|a| make(a, f, catalog))))
    };
    view! {
        <div class="dashboard-step">
            <section class="panel">
                <StepHeader
                    step=Step::Dashboard
                    lede="Where this assessment stands: what is done, what is still open, and what is due \
                    for another look. Come back here to keep it up to date."
                />
                <a href=href(&Route::Soa(assess.id.get_value())) data-testid="soa-link">"Statement of applicability"</a>
            </section>
            <div class="dash-grid">
                <super::record_block::RecordBlock />
                <CoverageBlock />
                <ReviewBlock />
                <ProgressBlock figs />
                <ListBlock
                    title="Action plan"
                    testid="action-plan"
                    empty="No control is planned. Plan controls in the controls step."
                    entries=entries(plan_entries)
                />
                <ListBlock
                    title="Top residual risks"
                    testid="top-risks"
                    empty="No residual risk is scored yet."
                    entries=entries(top_risk_entries)
                />
                <ListBlock
                    title="Overdue controls"
                    testid="overdue-controls"
                    empty="No control is past its due date."
                    entries=entries(overdue_entries)
                />
                <ControlsChart figs />
                <PartyBlock figs />
                <ListBlock
                    title="Open verifications"
                    testid="open-verifications"
                    empty="Nothing to verify: every provider's assurance is verified, or no threat is theirs."
                    entries=entries(verification_entries)
                />
                <ListBlock
                    title="Residual risk not accepted"
                    testid="dash-open-acceptances"
                    empty="The residual risk of every threat in scope is accepted."
                    entries=entries(|_, f, c| threat_entries(c, f.open_acceptances.clone()))
                />
                <ListBlock
                    title="Reviews due"
                    testid="reviews-due"
                    empty="No review is due. Review dates are set with each acceptance."
                    entries=entries(review_entries)
                />
                <GuidelinesBlock figs />
            </div>
        </div>
    }
}

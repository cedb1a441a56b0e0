//! Step 7, the dashboard: where the assessment stands, for managing it
//! further.

use crate::core::assessment::{ControlStatus, Party};
use crate::core::dashboard::{figures, Coverage, Figures, Step};
use crate::core::route::Route;
use crate::ui::router::href;
use crate::ui::state::use_assess;
use crate::ui::storage::today;
use leptos::prelude::*;

#[component]
fn ProgressBlock(figs: Memo<Figures>) -> impl IntoView {
    let id = use_assess().id.get_value();
    // The steps figures measures, in their order (every step but this one).
    let steps: Vec<Step> = figs.with_untracked(|f| f.progress.iter().map(|p| p.step).collect());
    let rows = steps
        .into_iter()
        .map(|step| {
            let figure = move || figs.with(|f| f.guidelines.iter().find(|x| x.guideline == index).copied());
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
                        {move || { let (d, t) = counts(); format!("{d} of {t}, {}", coverage().label()) }}
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

#[component]
pub fn DashboardStep() -> impl IntoView {
    let assess = use_assess();
    let figs = Memo::new(move |_| assess.assessment.with(|a| figures(a, &today())));
    let open_verifications = Signal::derive(move || figs.with(|f| f.open_verifications.clone()));
    let open_acceptances = Signal::derive(move || figs.with(|f| f.open_acceptances.clone()));
    view! {
        <div class="dashboard-step">
            <section class="panel">
                <h1>"7. Dashboard"</h1>
                <p class="lede">
                    "Where this assessment stands: what is done, what is still open, and what is due "
                    "for another look. Come back here to keep it up to date."
                </p>
            </section>
            <div class="dash-grid">
                <ProgressBlock figs />
                <ControlsChart figs />
                <PartyBlock figs />
                <ThreatBlock
                    title="Open verifications"
                    testid="open-verifications"
                    empty="Nothing to verify: every provider's assurance is settled, or no threat is theirs."
                    threats=open_verifications
                />
                <ThreatBlock
                    title="Residual risk not accepted"
                    testid="dash-open-acceptances"
                    empty="The residual risk of every threat in scope is accepted."
                    threats=open_acceptances
                />
                <ReviewsBlock figs />
                <GuidelinesBlock figs />
            </div>
        </div>
    }
}

//! The risk register (2026-08, step 4, communicate and monitor): every
//! decision about each risk in one table, for those who read, not edit.

use super::StepHeader;
use crate::core::dashboard::Step;
use crate::core::register::register;
use crate::core::route::Route;
use crate::ui::router::href;
use crate::ui::state::use_assess;
use leptos::prelude::*;

fn level(l: Option<u8>) -> String {
    l.map_or_else(|| "–".into(), |l| l.to_string())
}

#[component]
pub fn RegisterStep() -> impl IntoView {
    let assess = use_assess();
    let catalog = assess.catalog;
    let rows = move || {
        assess.assessment.with(|a| {
            register(a)
                .into_iter()
                .map(|r| {
                    let t = &catalog.threats[r.threat];
                    view! {
                        <tr data-testid=format!("register-{}", t.id)>
                            <td>{t.section}</td>
                            <td><a href=href(&Route::Threat(t.id.into()))>{t.name}</a></td>
                            <td>{level(r.inherent)}</td>
                            <td>{r.need}</td>
                            <td>{r.treatment}</td>
                            <td>{r.responsible}</td>
                            <td>{r.controls.0} " of " {r.controls.1}</td>
                            <td>{level(r.residual)}</td>
                            <td>{r.decision}</td>
                            <td>{if r.review.is_empty() { "–".to_string() } else { r.review }}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel register-step">
            <StepHeader
                step=Step::Register
                lede="The risk register: each risk in scope with its level, treatment, owner, \
                controls and acceptance. Share it with those who decide and those who monitor: \
                print it, or export it with the buttons above."
            />
            <div class="table-wrap">
                <table class="register" data-testid="register">
                    <thead>
                        <tr>
                            <th>"§"</th><th>"Risk"</th><th>"Inherent"</th><th>"Evaluation"</th>
                            <th>"Treatment"</th><th>"Responsible"</th><th>"Own controls implemented"</th>
                            <th>"Residual"</th><th>"Acceptance"</th><th>"Review"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

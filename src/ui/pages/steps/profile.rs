//! Step 1, threat identification: the system profile and the live threat
//! list, with overrides.

use super::StepHeader;
use crate::core::dashboard::Step;
use crate::ui::components::question::QuestionField;
use crate::ui::components::threat_list::{ThreatList, VerdictCounts};
use crate::ui::state::use_assess;
use leptos::prelude::*;

#[component]
pub fn ProfileStep() -> impl IntoView {
    let catalog = use_assess().catalog;
    let questions = (0..catalog.questions.len())
        .map(|index| view! { <QuestionField index /> })
        .collect_view();

    view! {
        <div class="profile-page">
            <section class="panel profile" aria-labelledby="profile-title">
                <StepHeader step=Step::Profile id="profile-title" lede="Answer what you know. Anything left unknown keeps its threats in scope." />
                <form class="questions" on:submit=|ev| ev.prevent_default()>
                    {questions}
                </form>
            </section>
            <section class="panel threats-panel" aria-labelledby="threats-title">
                <h2 id="threats-title">"Threats"</h2>
                <VerdictCounts />
                <ThreatList />
            </section>
        </div>
    }
}

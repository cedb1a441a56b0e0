//! Step 1 of the risk analysis: the system profile and the live threat list.

use crate::core::catalog::Catalog;
use crate::core::engine::select;
use crate::ui::components::question::QuestionField;
use crate::ui::components::threat_list::{ThreatList, VerdictCounts};
use crate::ui::storage;
use leptos::prelude::*;

#[component]
pub fn ProfilePage(catalog: &'static Catalog) -> impl IntoView {
    let loaded = storage::load(catalog);
    let (answers, set_answers) = signal(loaded.answers);
    let (save_error, set_save_error) = signal(None::<String>);
    let selection = Memo::new(move |_| answers.with(|a| select(catalog, a)));

    if loaded.can_save {
        // Autosave every change. The first run writes what was just loaded,
        // which is harmless and proves storage works.
        Effect::new(move |_| {
            let result = answers.with(|a| storage::save(catalog, a));
            set_save_error.set(result.err());
        });
    }
    let recovered = loaded.recovered;
    let not_saving = !loaded.can_save;

    let questions = (0..catalog.questions.len())
        .map(|index| view! { <QuestionField catalog index answers set_answers /> })
        .collect_view();

    view! {
        <div class="profile-page">
            {recovered.map(|note| view! {
                <p class="notice" role="alert" data-testid="recovered">
                    "Saved data could not be read: " {note}
                </p>
            })}
            {not_saving.then(|| view! {
                <p class="notice" role="alert">"Changes in this session are not saved."</p>
            })}
            {move || save_error.get().map(|e| view! {
                <p class="notice" role="alert" data-testid="save-error">{e}</p>
            })}
            <section class="panel profile" aria-labelledby="profile-title">
                <h1 id="profile-title">"Your AI system"</h1>
                <p class="lede">
                    "Answer what you know. Anything left unknown keeps its threats in scope."
                </p>
                <form class="questions" on:submit=|ev| ev.prevent_default()>
                    {questions}
                </form>
            </section>
            <section class="panel threats-panel" aria-labelledby="threats-title">
                <h2 id="threats-title">"Threats"</h2>
                <VerdictCounts selection />
                <ThreatList catalog selection />
            </section>
        </div>
    }
}

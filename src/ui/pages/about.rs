//! About: where the catalog comes from, and what aixa promises.

use crate::core::catalog::Catalog;
use crate::ui::components::edition::EditionLine;
use crate::ui::state::use_current;
use leptos::prelude::*;

#[component]
pub fn AboutPage() -> impl IntoView {
    let c = use_current().catalog;
    view! {
        <article class="panel prose" data-testid="about">
            <h1>"About aixa"</h1>
            <p>
                "aixa assesses the security of AI systems with the risk-analysis procedure of the "
                <a href="https://owaspai.org" rel="noopener noreferrer">"OWASP AI Exchange"</a>
                ". The Exchange is an open, collaborative body of knowledge on AI threats and "
                "controls, published under CC0. aixa takes its facts (ids, names, section "
                "numbers, mappings and references to standards) and describes them in its own "
                "short words; every threat and control links to the edition's own text and, where it "
                "lives on, to the current text on owaspai.org."
            </p>
            <h2>"Edition"</h2>
            <EditionLine />
            <dl class="facts">
                <dt>"Catalog"</dt><dd data-testid="about-edition">{c.title}</dd>
                <dt>"Edition id"</dt><dd>{c.edition}</dd>
                <dt>"Published"</dt><dd>{c.published}</dd>
                <dt>"Source commit"</dt><dd><code>{c.source_commit}</code></dd>
                <dt>"Contents"</dt>
                <dd>{format!("{} threats, {} controls, {} control groups", c.threats.len(), c.controls.len(), c.groups.len())}</dd>
                <dt>"Editions in this version"</dt>
                <dd data-testid="about-editions">
                    {Catalog::known_editions()} "; new assessments use "
                    {Catalog::default_edition().edition}
                </dd>
            </dl>
            <h2>"Your data"</h2>
            <p>
                "aixa is a static page. It has no server, no account and no telemetry: your "
                "answers are kept in this browser's local storage and never sent anywhere."
            </p>
            <h2>"How threats are selected"</h2>
            <p>
                "Each question is answered yes, no or unknown. A threat whose rule depends on an "
                "unanswered question is shown as unknown and stays in scope until you answer, so "
                "nothing is dropped unseen. Every verdict states the answers that decided it."
            </p>
        </article>
    }
}

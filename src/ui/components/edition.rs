//! The line that says which edition a catalog page shows, and whose
//! verdicts.

use crate::ui::state::use_current;
use leptos::prelude::*;

#[component]
pub fn EditionLine() -> impl IntoView {
    let current = use_current();
    let c = current.catalog;
    let whose = move || match current.assessment.get() {
        Some(name) => format!(" · verdicts for “{name}”"),
        None => " · no assessment open: verdicts for an unanswered profile".to_string(),
    };
    view! {
        <p class="muted edition-line" data-testid="page-edition" data-edition=c.edition>
            "Edition " <strong>{c.edition}</strong> " (" {c.title} ")" {whose}
        </p>
    }
}

//! Old and broken names of threats and controls (`aliases.toml`): a page
//! reached by one says so. (A name that stands for several items gets the
//! not-found page with a link to each: see `pages::not_found`.)

use leptos::prelude::*;

/// The line on a threat or control page reached by another of its names.
pub fn alias_note(raw: Option<String>, kind: &'static str) -> impl IntoView {
    raw.map(|raw| {
        view! {
            <p class="muted" data-testid="alias-note">
                {format!("“{raw}” is another name for this {kind} in this edition.")}
            </p>
        }
    })
}

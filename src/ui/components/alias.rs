//! Old and broken names of threats and controls (`aliases.toml`): a page
//! reached by one says so, and a name that stands for several items offers
//! each of them.

use crate::ui::components::edition::EditionLine;
use leptos::prelude::*;

/// The line on a threat or control page reached by another of its names.
#[component]
pub fn AliasNote(raw: String, kind: &'static str) -> impl IntoView {
    view! {
        <p class="muted" data-testid="alias-note">
            "“" {raw} "” is another name for this " {kind} " in this edition."
        </p>
    }
}

/// The page for a name that stands for several threats or controls (one
/// the source split): each of them, to choose from.
#[component]
pub fn AliasChoice(raw: String, kind: &'static str, children: Children) -> impl IntoView {
    view! {
        <article class="panel detail" data-testid="alias-choice">
            <h1>"“" {raw} "” stands for more than one " {kind}</h1>
            <EditionLine />
            <p>"In this edition the source splits what this name meant. Each of them:"</p>
            <ul class="plain">{children()}</ul>
        </article>
    }
}

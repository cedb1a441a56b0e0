//! One control: its purpose, the threats it serves and its standards.

use crate::core::catalog::{Ref, Scope};
use crate::ui::components::chips::{control_type_label, label_of, SourceLinks};
use crate::ui::components::edition::EditionLine;
use crate::ui::components::threat_link::{Label, ThreatLink};
use crate::ui::pages::not_found::NotFound;
use crate::ui::state::use_current;
use leptos::prelude::*;

fn refs(label: &'static str, items: &'static [Ref]) -> impl IntoView {
    (!items.is_empty()).then(|| {
        let listed: Vec<String> = items.iter().map(Ref::describe).collect();
        view! { <dt>{label}</dt><dd>{listed.join(", ")}</dd> }
    })
}

#[component]
pub fn ControlPage(id: String) -> impl IntoView {
    let assess = use_current();
    let catalog = assess.catalog;
    let Some((index, c)) = catalog.control(&id) else {
        return view! { <NotFound raw=format!("/control/{id}") /> }.into_any();
    };

    // Threats that list it, and groups it belongs to.
    let threats: Vec<_> = catalog
        .threats
        .iter()
        .filter(|t| t.controls.contains(&index))
        .map(|t| view! { <li><ThreatLink threat=t label=Label::Plain /></li> })
        .collect();
    let groups: Vec<_> = catalog
        .groups
        .iter()
        .filter(|g| g.controls.contains(&index))
        .map(|g| {
            let scope = match g.scope {
                Scope::All => "every threat (a general control)",
                Scope::Use => "every threat through use",
                Scope::Development => "every development-time threat",
            };
            view! { <li>{g.section} " " {g.name} ": serves " {scope}</li> }
        })
        .collect();
    let aliases: Vec<&str> = catalog
        .aliases
        .iter()
        .filter(|a| a.control == index)
        .map(|a| a.alias)
        .collect();
    let guidelines: Vec<_> = catalog
        .guidelines
        .iter()
        .filter(|g| g.controls.contains(&index))
        .map(|g| view! { <li>{g.section} ": " {g.text}</li> })
        .collect();
    let opencre = c
        .opencre
        .iter()
        .map(|r| {
            view! {
                <a href=format!("https://opencre.org/cre/{}", r.id) rel="noopener noreferrer">{r.id}</a>
                {r.gap.map(|g| format!(" ({g})"))}
                " "
            }
        })
        .collect_view();
    let selected = move || {
        assess
            .selection
            .with(|s| s.controls.iter().any(|sc| sc.control == index))
    };

    view! {
        <article class="panel detail" data-testid="control-page" data-control=c.id>
            <p class="crumb">"Control · section " {c.section}</p>
            <h1><code class="cid">{c.id}</code> " " {c.name}</h1>
            <EditionLine />
            <p class="tags">
                {c.kinds.iter().map(|k| view! { <span class="chip" data-kind=*k>{control_type_label(k)}</span> }).collect_view()}
                <span class="tag">{c.category}</span>
                <span class="tag">{label_of(c.lifecycle)}</span>
                <span class="tag" data-testid="control-selected">
                    {move || if selected() { "Selected for your profile" } else { "Not selected for your profile" }}
                </span>
            </p>
            <h2>"Purpose"</h2>
            <p>{c.purpose}</p>
            {c.remaining_risk.map(|r| view! { <h2>"Remaining risk"</h2><p>{r}</p> })}
            <h2>"Threats it serves"</h2>
            {(!groups.is_empty()).then(|| view! { <ul class="plain">{groups}</ul> })}
            {(!threats.is_empty()).then(|| view! { <ul class="plain" data-testid="control-threats">{threats}</ul> })}
            <h2>"Standards"</h2>
            <dl class="facts">
                {refs("ISO/IEC 27002", c.iso27002)}
                {refs("ISO/IEC 42001", c.iso42001)}
                {(!c.opencre.is_empty()).then(|| view! { <dt>"OpenCRE"</dt><dd>{opencre}</dd> })}
                {refs("Other", c.references)}
                {(!aliases.is_empty()).then(|| view! { <dt>"Also spelled"</dt><dd>{aliases.join(", ")}</dd> })}
            </dl>
            {(!guidelines.is_empty()).then(|| view! {
                <h2>"UK/US secure AI guidelines"</h2>
                <ul class="plain">{guidelines}</ul>
            })}
            <p class="more">
                <SourceLinks catalog source=c.source go=c.go />
            </p>
        </article>
    }
    .into_any()
}

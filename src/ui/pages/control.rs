//! One control: its purpose, the threats it serves and its standards.

use crate::core::catalog::{Ref, Scope, REGULATION_HOST};
use crate::core::report::model::dsit_note;
use crate::core::route::Route;
use crate::ui::components::alias::alias_note;
use crate::ui::components::chips::{control_type_label, label_of, opencre_links, SourceLinks};
use crate::ui::components::edition::EditionLine;
use crate::ui::components::threat_link::{Label, ThreatLink};
use crate::ui::pages::not_found::NotFound;
use crate::ui::router::href;
use crate::ui::state::use_current;
use leptos::prelude::*;

fn refs(label: &'static str, items: &'static [Ref]) -> impl IntoView {
    (!items.is_empty()).then(|| {
        let listed: Vec<String> = items.iter().map(Ref::describe).collect();
        view! { <dt>{label}</dt><dd>{listed.join(", ")}</dd> }
    })
}

/// EU AI Act article numbers as the text cites them: "Art 13, Art 50".
fn articles(numbers: &[&str]) -> String {
    let cited: Vec<String> = numbers.iter().map(|n| format!("Art {n}")).collect();
    cited.join(", ")
}

/// A control by its id, or by another name of it (`[aliases]`): one
/// control's page, or a choice where the name stands for several controls
/// (one the source split, such as DETECTADVERSARIALINPUT in 2026-08).
#[component]
pub fn ControlPage(id: String) -> impl IntoView {
    let catalog = use_current().catalog;
    match catalog.controls_named(&id)[..] {
        [] => view! { <NotFound raw=format!("/control/{id}") /> }.into_any(),
        [index] => {
            let alias = (catalog.controls[index].id != id).then_some(id);
            view! { <ControlDetail index alias /> }.into_any()
        }
        ref several => {
            let items = several
                .iter()
                .map(|&i| {
                    let c = &catalog.controls[i];
                    (
                        format!("alias-control-{}", c.id),
                        href(&Route::Control(c.id.into())),
                        format!("{} {}: {}", c.id, c.name, c.purpose),
                    )
                })
                .collect();
            view! { <NotFound raw=format!("/control/{id}") choices=items /> }.into_any()
        }
    }
}

#[component]
fn ControlDetail(index: usize, alias: Option<String>) -> impl IntoView {
    let assess = use_current();
    let catalog = assess.catalog;
    let c = &catalog.controls[index];

    // Threats that list it, and groups it belongs to: a section's group
    // serves that section's threats, less any whose text takes it away.
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
            let scope = match (g.scope, catalog.section_of(g)) {
                (Scope::All, _) | (_, None) => "every threat (a general control)".to_string(),
                (_, Some(s)) => format!("every threat of section {} ({})", s.number, s.name),
            };
            let except: Vec<String> = catalog
                .threats
                .iter()
                .filter(|t| g.serves(t) && t.minus.contains(&index))
                .map(|t| format!("{} {}", t.section, t.name))
                .collect();
            let except = (!except.is_empty()).then(|| {
                view! { <span data-testid="control-minus">{format!(", except, as their text says: {}", except.join(", "))}</span> }
            });
            view! { <li>{g.section} " " {g.name} ": serves " {scope} {except}</li> }
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
        .map(|g| {
            let part = if g.partial {
                " (part of this control)"
            } else {
                ""
            };
            let line = format!("{}: {}{}{part}", g.section, g.text, dsit_note(g.dsit));
            view! { <li>{line}</li> }
        })
        .collect();
    // The regulatory mapping: whole on the page of the control whose text
    // holds it, and on each control it hooks the rows that name it.
    let host = c.id == REGULATION_HOST;
    let regulations: Vec<_> = catalog
        .regulations
        .iter()
        .filter(|r| host || r.controls.contains(&index))
        .map(|r| {
            let mut line = format!("{}: {}", r.topic, r.obligation);
            if !r.eu_ai_act.is_empty() {
                line += &format!(" (EU AI Act {})", articles(r.eu_ai_act));
            }
            if host {
                let hooks: Vec<&str> = r.controls.iter().map(|&k| catalog.controls[k].id).collect();
                line += &format!(
                    ". Security hooks: {}",
                    if hooks.is_empty() {
                        "none".into()
                    } else {
                        hooks.join(", ")
                    }
                );
                if let Some(note) = r.note {
                    line += &format!(" ({note})");
                }
            }
            view! { <li>{line}</li> }
        })
        .collect();
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
            {alias_note(alias, "control")}
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
            {(!groups.is_empty()).then(|| view! { <ul class="plain" data-testid="control-groups">{groups}</ul> })}
            {(!threats.is_empty()).then(|| view! { <ul class="plain" data-testid="control-threats">{threats}</ul> })}
            <h2>"Standards"</h2>
            <dl class="facts">
                {refs("ISO/IEC 27002", c.iso27002)}
                {refs("ISO/IEC 42001", c.iso42001)}
                {(!c.opencre.is_empty()).then(|| view! { <dt>"OpenCRE"</dt><dd>{opencre_links(c.opencre)}</dd> })}
                {refs("Other", c.references)}
                {(!aliases.is_empty()).then(|| view! { <dt>"Also spelled"</dt><dd>{aliases.join(", ")}</dd> })}
            </dl>
            {(!guidelines.is_empty()).then(|| view! {
                <h2>"UK/US secure AI guidelines"</h2>
                <ul class="plain" data-testid="control-guidelines">{guidelines}</ul>
            })}
            {(!regulations.is_empty()).then(|| view! {
                <h2>{if host { "AI regulatory mapping" } else { "Regulatory obligations it helps meet" }}</h2>
                <ul data-testid="control-regulations">{regulations}</ul>
            })}
            <p class="more">
                <SourceLinks catalog source=c.source go=c.go />
            </p>
        </article>
    }
}

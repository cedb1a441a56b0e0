//! The Exchange's navigator diagram, rebuilt as a page: sections, groups,
//! threats with their impact, and their controls coloured by type. With a
//! profile filled in, what applies stands out and the rest is dimmed.
//!
//! Everything comes from the edition's data: a column for the general
//! groups, then one per section of threats with that section's groups (2 or
//! 2.0), its threats, and any control numbered among them (4.9 in 2026-08).

use crate::core::catalog::{Catalog, Placed, Scope};
use crate::core::vocab::CONTROL_TYPES;
use crate::ui::components::chips::{control_type_label, label_of, ControlChip};
use crate::ui::components::edition::EditionLine;
use crate::ui::components::threat_link::ThreatLink;
use crate::ui::components::threat_list::verdict_mark;
use crate::ui::state::use_current;
use leptos::prelude::*;

fn chips(catalog: &'static Catalog, controls: &'static [usize]) -> impl IntoView {
    controls
        .iter()
        .map(|&c| view! { <ControlChip catalog index=c /> })
        .collect_view()
}

#[component]
pub fn NavigatorPage() -> impl IntoView {
    let assess = use_current();
    let catalog = assess.catalog;
    let selection = assess.selection;

    let general: Vec<_> = catalog
        .groups
        .iter()
        .filter(|g| g.scope == Scope::All)
        .collect();
    // The general groups' own top-level number, "1" in every edition so far.
    let general_number = general.first().map_or("1", |g| g.branch());
    let general = general
        .into_iter()
        .map(|g| {
            view! {
                <div class="nav-group">
                    <h3><span class="sec">{g.section}</span> " " {g.name}</h3>
                    <div class="chips">{chips(catalog, g.controls)}</div>
                </div>
            }
        })
        .collect_view();

    let threat = move |ti: usize| {
        let t = &catalog.threats[ti];
        let verdict = move || selection.with(|s| s.verdicts[ti].effective());
        let overridden = move || selection.with(|s| s.verdicts[ti].manual.is_some());
        let is_child = catalog.depth(ti) > 0;
        view! {
            <div
                class="nav-threat"
                class:child=is_child
                data-verdict=move || verdict().as_str()
                data-testid=format!("nav-threat-{}", t.id)
            >
                <div class="nav-threat-head">
                    <span class="mark" aria-label=move || verdict().label()>
                        {move || verdict_mark(verdict())}
                    </span>
                    <ThreatLink threat=t />
                    {move || overridden().then(|| view! {
                        <span class="overridden" title="Your override" data-testid=format!("nav-override-{}", t.id)>"✎"</span>
                    })}
                </div>
                <p class="impact">{label_of(t.property)} " of " {label_of(t.asset)}</p>
                <div class="chips">{chips(catalog, t.controls)}</div>
                {(!t.minus.is_empty()).then(|| {
                    let ids: Vec<&str> = t.minus.iter().map(|&c| catalog.controls[c].id).collect();
                    view! {
                        <p class="minus" data-testid=format!("nav-minus-{}", t.id)>
                            {format!("minus {}", ids.join(", "))}
                        </p>
                    }
                })}
            </div>
        }
    };

    // A control numbered among the threats, such as 4.9 AGENTSANDBOXING.
    let control = move |ci: usize| {
        let c = &catalog.controls[ci];
        view! {
            <div class="nav-control" data-testid=format!("nav-control-{}", c.id)>
                <span class="sec">{c.section}</span> " " {c.name} " "
                <ControlChip catalog index=ci />
            </div>
        }
    };

    let sections = catalog
        .sections
        .iter()
        .enumerate()
        .map(|(si, section)| {
            let group = catalog
                .groups
                .iter()
                .filter(|g| g.scope != Scope::All && g.branch() == section.number)
                .map(|g| {
                    view! {
                        <div class="nav-group" data-testid=format!("nav-group-{}", g.section)>
                            <h4><span class="sec">{g.section}</span> " " {g.name}</h4>
                            <div class="chips">{chips(catalog, g.controls)}</div>
                        </div>
                    }
                })
                .collect_view();
            let items = catalog
                .section_items(si)
                .into_iter()
                .map(|item| match item {
                    Placed::Threat(ti) => threat(ti).into_any(),
                    Placed::Control(ci) => control(ci).into_any(),
                })
                .collect_view();
            view! {
                <section class="nav-col" data-testid=format!("nav-section-{}", section.number)>
                    <h2><span class="sec">{section.number}</span> " " {section.name}</h2>
                    {group}
                    {items}
                </section>
            }
        })
        .collect_view();

    let legend = CONTROL_TYPES
        .iter()
        .map(|k| view! { <li><span class="chip" data-kind=*k>{control_type_label(k)}</span></li> })
        .collect_view();

    view! {
        <div class="navigator" data-testid="navigator">
            <header class="panel nav-head">
                <h1>"Navigator"</h1>
                <EditionLine />
                <p class="lede">
                    "Every threat with its impact and controls. Threats that apply to your profile "
                    "are marked ✔ and those that don't are dimmed and marked ✕; ? is still unknown."
                </p>
                <ul class="legend" aria-label="Control types">{legend}</ul>
            </header>
            <div class="nav-grid">
                <section class="nav-col" data-testid=format!("nav-section-{general_number}")>
                    <h2><span class="sec">{general_number}</span> " General controls"</h2>
                    {general}
                </section>
                {sections}
            </div>
        </div>
    }
}

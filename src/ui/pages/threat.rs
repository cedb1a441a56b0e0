//! One threat: what it is, what it harms, its verdict for your profile, and
//! the controls that counter it.

use crate::core::catalog::Ref;
use crate::core::explain::reasons;
use crate::core::route::Route;
use crate::ui::components::alias::alias_note;
use crate::ui::components::chips::{
    label_of, opencre_links, ControlChip, SourceLinks, VerdictBadge,
};
use crate::ui::components::edition::EditionLine;
use crate::ui::components::threat_link::{Label, ThreatLink};
use crate::ui::pages::not_found::NotFound;
use crate::ui::router::href;
use crate::ui::state::use_current;
use leptos::prelude::*;

/// A threat by its id, or by an old name of it (`[threat_aliases]`): one
/// threat's page, or a choice where the name stands for several.
#[component]
pub fn ThreatPage(id: String) -> impl IntoView {
    let catalog = use_current().catalog;
    match catalog.threats_named(&id)[..] {
        [] => view! { <NotFound raw=format!("/threat/{id}") /> }.into_any(),
        [index] => {
            let alias = (catalog.threats[index].id != id).then_some(id);
            view! { <ThreatDetail index alias /> }.into_any()
        }
        ref several => {
            let items = several
                .iter()
                .map(|&i| {
                    let t = &catalog.threats[i];
                    (
                        format!("alias-threat-{}", t.id),
                        href(&Route::Threat(t.id.into())),
                        format!("{} {}", t.section, t.name),
                    )
                })
                .collect();
            view! { <NotFound raw=format!("/threat/{id}") choices=items /> }.into_any()
        }
    }
}

#[component]
fn ThreatDetail(index: usize, alias: Option<String>) -> impl IntoView {
    let assess = use_current();
    let catalog = assess.catalog;
    let t = &catalog.threats[index];
    let selection = assess.selection;
    let verdict = move || selection.with(|s| s.verdicts[index].effective());
    let manual = move || selection.with(|s| s.verdicts[index].manual);
    let why = move || {
        selection.with(|s| {
            reasons(s, &s.verdicts[index])
                .into_iter()
                .map(|r| view! { <li>{r}</li> })
                .collect_view()
        })
    };

    let parent = t.parent.map(|p| {
        let pt = &catalog.threats[p];
        view! {
            <p class="crumb">"Part of "
                <ThreatLink threat=pt label=Label::Plain />
            </p>
        }
    });
    let children: Vec<_> = catalog
        .children(index)
        .map(|c| {
            let ct = &catalog.threats[c];
            view! { <li><ThreatLink threat=ct label=Label::Plain /></li> }
        })
        .collect();
    let has_children = !children.is_empty();

    let own = t
        .controls
        .iter()
        .map(|&c| view! { <li><ControlChip catalog index=c /> " " {catalog.controls[c].name}</li> })
        .collect_view();
    let inherited: Vec<_> = catalog
        .inherited_controls(index)
        .into_iter()
        .map(|(p, controls)| {
            let pt = &catalog.threats[p];
            let items = controls
                .into_iter()
                .map(|c| view! { <li><ControlChip catalog index=c /> " " {catalog.controls[c].name}</li> })
                .collect_view();
            view! {
                <h3>"Inherited from " <ThreatLink threat=pt label=Label::Plain /></h3>
                <ul class="plain controls" data-testid="inherited-controls">{items}</ul>
            }
        })
        .collect();
    let other = t
        .other_controls
        .iter()
        .map(|o| {
            let refs: Vec<String> = o
                .opencre
                .iter()
                .map(|r| format!("OpenCRE {}", r.describe()))
                .chain(o.iso27002.iter().map(|r| format!("ISO/IEC 27002 {}", r.describe())))
                .chain(o.references.iter().map(Ref::describe))
                .collect();
            view! {
                <li>
                    <strong>{o.name}</strong> ": " {o.note}
                    {(!refs.is_empty()).then(|| view! { " " <span class="refs">{refs.join(", ")}</span> })}
                </li>
            }
        })
        .collect_view();
    // The general groups and its section's; less what its `minus` takes away.
    let branch: Vec<_> = catalog
        .groups
        .iter()
        .filter(|g| g.serves(t))
        .map(|g| {
            let chips = g
                .controls
                .iter()
                .filter(|c| !t.minus.contains(c))
                .map(|&c| view! { <ControlChip catalog index=c /> })
                .collect_view();
            view! {
                <li class="group-controls">
                    <span class="group-name">{g.section} " " {g.name}</span>
                    <span class="chips">{chips}</span>
                </li>
            }
        })
        .collect();

    let minus = t
        .minus
        .iter()
        .map(|&c| view! { <ControlChip catalog index=c /> " " })
        .collect_view();
    let genai = t
        .genai
        .iter()
        .map(|&g| {
            let row = &catalog.genai[g];
            view! { <li>{row.summary} " " <span class="refs" data-testid="llm-top10">{row.top10_label()}</span></li> }
        })
        .collect_view();
    let atlas = t
        .atlas
        .iter()
        .map(|a| {
            view! {
                <li><a href=format!("https://atlas.mitre.org/techniques/{a}") rel="noopener noreferrer">{*a}</a></li>
            }
        })
        .collect_view();

    view! {
        <article class="panel detail" data-testid="threat-page" data-threat=t.id>
            {parent}
            <h1><span class="sec">{t.section}</span> " " {t.name}</h1>
            <EditionLine />
            {alias_note(alias, "threat")}
            <div class="verdict-line" data-verdict=move || verdict().as_str()>
                {move || view! { <VerdictBadge verdict=verdict() /> }}
                <span class="muted">{move || match manual() {
                    Some(true) => "for your profile: included by your override, though the rules leave it out",
                    Some(false) => "for your profile: excluded by your override, though the rules keep it",
                    None => "for your profile",
                }}</span>
            </div>
            <ul class="reasons">{why}</ul>
            <p class="description">{t.description}</p>
            <dl class="facts">
                <dt>"Impact"</dt><dd>{t.impact}</dd>
                <dt>"Asset"</dt><dd>{label_of(t.asset)} " (" {label_of(t.property)} ")"</dd>
                <dt>"Lifecycle"</dt><dd>{label_of(t.lifecycle)}</dd>
                <dt>"Attack surface"</dt>
                <dd>{t.attack_surface.iter().map(|s| label_of(s)).collect::<Vec<_>>().join(", ")}</dd>
                <dt>"Id"</dt><dd><code>{t.id}</code></dd>
                {(!t.opencre.is_empty()).then(|| view! {
                    <dt>"OpenCRE"</dt><dd data-testid="threat-opencre">{opencre_links(t.opencre)}</dd>
                })}
            </dl>
            {has_children.then(|| view! {
                <h2>"Threats it covers"</h2>
                <ul class="plain">{children}</ul>
            })}
            <h2>"Controls"</h2>
            {(!t.controls.is_empty()).then(|| view! {
                <h3>"Its own controls"</h3>
                <ul class="plain controls">{own}</ul>
            })}
            {(!t.other_controls.is_empty()).then(|| view! {
                <h3>"Named without an id"</h3>
                <ul class="plain" data-testid="other-controls">{other}</ul>
            })}
            {inherited}
            <h3>"Controls for its whole branch"</h3>
            <ul class="plain">{branch}</ul>
            {(!t.minus.is_empty()).then(|| view! {
                <h3>"Minus"</h3>
                <p data-testid="minus-controls">
                    "The source gives this threat the controls of the threats above it and of its "
                    "branch, minus these: " {minus}
                </p>
            })}
            {(!t.genai.is_empty()).then(|| view! {
                <h2>"Generative AI"</h2>
                <ul>{genai}</ul>
            })}
            {(!t.atlas.is_empty()).then(|| view! {
                <h2>"MITRE ATLAS"</h2>
                <ul class="plain">{atlas}</ul>
            })}
            <p class="more">
                <SourceLinks catalog source=t.source go=t.go />
            </p>
        </article>
    }
}

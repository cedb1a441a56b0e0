//! Small shared pieces: control chips and verdict badges.

use crate::core::catalog::{Catalog, Ref};
use crate::core::engine::Verdict;
use crate::core::route::Route;
use crate::ui::components::threat_list::verdict_mark;
use crate::ui::router::href;
use leptos::prelude::*;

/// The navigator's words for a control type.
pub fn control_type_label(kind: &str) -> &'static str {
    match kind {
        "infosec" => "Information security",
        "runtime_datascience" => "Runtime data science",
        "devtime_datascience" => "Development-time data science",
        _ => "Other",
    }
}

pub fn label_of(value: &str) -> String {
    let spaced = value.replace('_', " ");
    match spaced.as_str() {
        "cia" => "confidentiality, integrity and availability".into(),
        "all it" => "all IT".into(),
        "model ip" => "model intellectual property".into(),
        "any" => "any asset".into(),
        _ => spaced,
    }
}

/// A link to a control, coloured by its type, with the type also in words
/// for assistive technology and in the tooltip.
#[component]
pub fn ControlChip(catalog: &'static Catalog, index: usize) -> impl IntoView {
    let c = &catalog.controls[index];
    view! {
        <a
            class="chip"
            data-kind=c.main_kind()
            href=href(&Route::Control(c.id.to_string()))
            title=format!("{} ({})", c.name, kinds_label(c.kinds))
        >
            {c.id}
            <KindMarks kinds=c.kinds />
        </a>
    }
}

/// All of a control's types in words: "Runtime data science and …".
pub fn kinds_label(kinds: &[&str]) -> String {
    let labels: Vec<&str> = kinds.iter().map(|k| control_type_label(k)).collect();
    labels.join(" and ")
}

/// A colour marker for each type after the first, which colours the chip.
#[component]
pub fn KindMarks(kinds: &'static [&'static str]) -> impl IntoView {
    kinds
        .iter()
        .skip(1)
        .map(|k| view! { <span class="kind-mark" data-kind=*k aria-hidden="true"></span> })
        .collect_view()
}

/// The two links of a catalog item: this edition's own text (pinned on
/// GitHub) and, where the item lives on, its short link on owaspai.org.
#[component]
pub fn SourceLinks(
    catalog: &'static Catalog,
    source: &'static str,
    go: &'static str,
) -> impl IntoView {
    let current = catalog.go_url(go).map(|url| {
        view! {
            " · "
            <a href=url rel="noopener noreferrer" data-testid="go-link">"Current text on owaspai.org"</a>
        }
    });
    view! {
        <a href=catalog.source_url(source) rel="noopener noreferrer" data-testid="source-link">
            "This edition's text (" {catalog.edition} ")"
        </a>
        {current}
    }
}

#[component]
pub fn VerdictBadge(verdict: Verdict) -> impl IntoView {
    view! {
        <span class="badge" data-verdict=verdict.as_str()>
            <span class="mark" aria-hidden="true">{verdict_mark(verdict)}</span>
            <span class="label">{verdict.label()}</span>
        </span>
    }
}

/// OpenCRE ids as links to opencre.org, each with the source's qualifier.
pub fn opencre_links(refs: &'static [Ref]) -> impl IntoView {
    refs.iter()
        .map(|r| {
            view! {
                <a href=format!("https://opencre.org/cre/{}", r.id) rel="noopener noreferrer">{r.id}</a>
                {r.gap.map(|g| format!(" ({g})"))}
                " "
            }
        })
        .collect_view()
}

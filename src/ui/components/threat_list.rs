//! The live list of threats, grouped by the catalog's sections.

use crate::core::engine::Verdict;
use crate::core::explain::reasons;
use crate::core::route::Route;
use crate::ui::router::href;
use crate::ui::state::use_assess;
use leptos::prelude::*;

pub fn verdict_mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Applicable => "✔",
        Verdict::NotApplicable => "✕",
        Verdict::Unknown => "?",
    }
}

#[component]
pub fn VerdictCounts() -> impl IntoView {
    let selection = use_assess().selection;
    let count = move |v: Verdict| {
        selection.with(|s| {
            let c = s.counts();
            match v {
                Verdict::Applicable => c.applicable,
                Verdict::NotApplicable => c.not_applicable,
                Verdict::Unknown => c.unknown,
            }
        })
    };
    let item = move |v: Verdict| {
        view! {
            <li class="count" data-verdict=v.as_str() data-testid=format!("count-{}", v.as_str())>
                <span class="mark" aria-hidden="true">{verdict_mark(v)}</span>
                <strong class="n">{move || count(v)}</strong>
                <span>{v.label()}</span>
            </li>
        }
    };
    view! {
        <ul class="counts" aria-live="polite" aria-label="Verdict counts">
            {item(Verdict::Applicable)}
            {item(Verdict::Unknown)}
            {item(Verdict::NotApplicable)}
        </ul>
    }
}

#[component]
pub fn ThreatList() -> impl IntoView {
    let assess = use_assess();
    let (catalog, selection) = (assess.catalog, assess.selection);
    let sections = catalog
        .sections
        .iter()
        .enumerate()
        .map(|(si, section)| {
            let rows = catalog
                .threats
                .iter()
                .enumerate()
                .filter(|(_, t)| t.top_section == si)
                .map(|(ti, threat)| {
                    let is_child = catalog.depth(ti) > 0;
                    let verdict = move || selection.with(|s| s.verdicts[ti].verdict);
                    let why = move || {
                        selection.with(|s| {
                            reasons(s, &s.verdicts[ti])
                                .into_iter()
                                .map(|r| view! { <li>{r}</li> })
                                .collect_view()
                        })
                    };
                    view! {
                        <li
                            class="threat"
                            class:child=is_child
                            data-testid=format!("threat-{}", threat.id)
                            data-verdict=move || verdict().as_str()
                        >
                            <div class="threat-head">
                                <span class="badge" data-verdict=move || verdict().as_str()>
                                    <span class="mark" aria-hidden="true">
                                        {move || verdict_mark(verdict())}
                                    </span>
                                    <span class="label">{move || verdict().label()}</span>
                                </span>
                                <span class="sec">{threat.section}</span>
                                <a class="tname" href=href(&Route::Threat(threat.id.to_string()))>
                                    {threat.name}
                                </a>
                            </div>
                            <ul class="reasons">{why}</ul>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="threat-section" aria-labelledby=format!("sec-{}", section.number)>
                    <h3 id=format!("sec-{}", section.number)>
                        <span class="sec">{section.number}</span>
                        " "
                        {section.name}
                        " "
                        <a class="more" href=section.url rel="noopener noreferrer">
                            "Read on owaspai.org"
                        </a>
                    </h3>
                    <ul class="threats">{rows}</ul>
                </section>
            }
        })
        .collect_view();
    view! { <div class="threat-list" data-testid="threat-list">{sections}</div> }
}

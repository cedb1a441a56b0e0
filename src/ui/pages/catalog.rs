//! The catalog browser: instant search and filters over threats and controls.

use crate::core::filter::{filter, Filters};
use crate::core::route::Route;
use crate::core::vocab as values;
use crate::ui::components::chips::{control_type_label, kinds_label, label_of, KindMarks};
use crate::ui::components::choice::IndexSelect;
use crate::ui::components::edition::EditionLine;
use crate::ui::components::threat_link::ThreatLink;
use crate::ui::router::href;
use crate::ui::state::use_current;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
fn Filter(
    label: &'static str,
    testid: &'static str,
    options: &'static [&'static str],
    value: RwSignal<String>,
    #[prop(optional)] labeller: Option<fn(&str) -> String>,
) -> impl IntoView {
    let name = move |o: &str| labeller.map_or_else(|| label_of(o), |f| f(o));
    let choices = options.iter().map(|o| (*o, name(o))).collect();
    let selected = move || value.with(|v| options.iter().position(|o| o == v));
    let on_pick = move |i: Option<usize>| {
        let chosen = i.and_then(|i| options.get(i)).copied().unwrap_or_default();
        value.set(chosen.to_string());
    };
    view! {
        <label class="filter">
            <span>{label}</span>
            <IndexSelect
                testid=testid.to_string()
                options=choices
                none=Some("Any")
                selected=Arc::new(selected)
                on_pick=Arc::new(on_pick)
            />
        </label>
    }
}

#[component]
pub fn CatalogPage(query: String) -> impl IntoView {
    let catalog = use_current().catalog;
    let query = RwSignal::new(query);
    let lifecycle = RwSignal::new(String::new());
    let surface = RwSignal::new(String::new());
    let asset = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());

    // Keep the query in the URL, so a search can be bookmarked, without
    // adding a history entry per keystroke.
    Effect::new(move |_| {
        let hash = Route::Catalog { query: query.get() }.to_hash();
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(
                &leptos::wasm_bindgen::JsValue::NULL,
                "",
                Some(&hash),
            );
        }
    });

    let found = Memo::new(move |_| {
        let (lifecycle, surface, asset, kind) =
            (lifecycle.read(), surface.read(), asset.read(), kind.read());
        let filters = Filters {
            lifecycle: &lifecycle,
            surface: &surface,
            asset: &asset,
            kind: &kind,
        };
        query.with(|q| filter(catalog, q, &filters))
    });

    let threat_rows = move || {
        found.with(|(threats, _)| {
            threats
                .iter()
                .map(|&i| {
                    let t = &catalog.threats[i];
                    view! {
                        <li data-testid=format!("result-threat-{}", t.id)>
                            <ThreatLink threat=t />
                            <span class="muted">" · " {label_of(t.asset)} ", " {label_of(t.property)}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let control_rows = move || {
        found.with(|(_, controls)| {
            controls
                .iter()
                .map(|&i| {
                    let c = &catalog.controls[i];
                    view! {
                        <li data-testid=format!("result-control-{}", c.id)>
                            <a href=href(&Route::Control(c.id.into()))>
                                <code class="cid">{c.id}</code> " " {c.name}
                            </a>
                            <span class="chip" data-kind=c.main_kind()>{kinds_label(c.kinds)}<KindMarks kinds=c.kinds /></span>
                        </li>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <div class="catalog-page">
            <section class="panel">
                <h1>"Catalog"</h1>
                <EditionLine />
                <p class="lede">{catalog.title} ": every threat and control, with links to the full text."</p>
                <div class="search-row">
                    <label class="search">
                        <span class="visually-hidden">"Search threats and controls"</span>
                        <input
                            type="search"
                            placeholder="Search: prompt injection, RATELIMIT, training data…"
                            data-testid="search"
                            autocomplete="off"
                            prop:value=move || query.get()
                            on:input=move |ev| query.set(event_target_value(&ev))
                        />
                    </label>
                </div>
                <div class="filters">
                    <Filter label="Lifecycle" testid="filter-lifecycle" options=values::LIFECYCLES value=lifecycle />
                    <Filter label="Attack surface" testid="filter-surface" options=values::SURFACES value=surface />
                    <Filter label="Impact on" testid="filter-asset" options=values::ASSETS value=asset />
                    <Filter label="Control type" testid="filter-kind" options=values::CONTROL_TYPES value=kind labeller=|k: &str| control_type_label(k).to_string() />
                </div>
                <p class="muted" aria-live="polite" data-testid="result-count">
                    {move || found.with(|(t, c)| format!("{} threats, {} controls", t.len(), c.len()))}
                </p>
            </section>
            <div class="results">
                <section class="panel">
                    <h2>"Threats"</h2>
                    <ul class="plain results-list">{threat_rows}</ul>
                    <Show when=move || found.with(|(t, _)| t.is_empty())>
                        <p class="muted">"No threat matches."</p>
                    </Show>
                </section>
                <section class="panel">
                    <h2>"Controls"</h2>
                    <ul class="plain results-list">{control_rows}</ul>
                    <Show when=move || found.with(|(_, c)| c.is_empty())>
                        <p class="muted">"No control matches."</p>
                    </Show>
                </section>
            </div>
        </div>
    }
}

//! The scope and risk criteria, the record's first section: what is
//! assessed, the EU AI Act class decided, the meaning of each likelihood and
//! impact level, and the appetite.

use crate::core::assessment::Assessment;
use crate::core::scope::{Axis, Criteria, Scope, AI_ACT_CLASSES};
use crate::ui::state::use_assess;
use leptos::prelude::*;

type Read = fn(&Scope) -> &String;
type Write = fn(&mut Scope) -> &mut String;

const TEXTS: [(&str, &str, Read, Write); 9] = [
    (
        "purpose",
        "Purpose of the system",
        |s| &s.purpose,
        |s| &mut s.purpose,
    ),
    ("users", "Its users", |s| &s.users, |s| &mut s.users),
    (
        "data",
        "Categories of data it handles",
        |s| &s.data,
        |s| &mut s.data,
    ),
    (
        "boundary",
        "Boundary: what is in, what is out",
        |s| &s.boundary,
        |s| &mut s.boundary,
    ),
    ("model", "Model and version", |s| &s.model, |s| &mut s.model),
    (
        "providers",
        "Providers and versions",
        |s| &s.providers,
        |s| &mut s.providers,
    ),
    (
        "assumptions",
        "Assumptions",
        |s| &s.assumptions,
        |s| &mut s.assumptions,
    ),
    ("owner", "Accountable owner", |s| &s.owner, |s| &mut s.owner),
    (
        "ai-act-rationale",
        "Why this EU AI Act class",
        |s| &s.ai_act_rationale,
        |s| &mut s.ai_act_rationale,
    ),
];

/// The risk levels a product of two 1–5 scores can take.
const LEVELS: [u8; 14] = [1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25];

fn text_input(
    id: String,
    label: &'static str,
    value: Signal<String>,
    set: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <label for=id.clone()>{label}</label>
        <input id=id.clone() type="text" data-testid=id prop:value=value on:change=move |ev| set(event_target_value(&ev)) />
    }
}

#[component]
pub fn ScopeFields() -> impl IntoView {
    let assess = use_assess();
    let read =
        move |f: fn(&Assessment) -> String| Signal::derive(move || assess.assessment.with(f));
    let texts = TEXTS
        .into_iter()
        .map(|(key, label, get, set)| {
            let value = Signal::derive(move || assess.assessment.with(|a| get(&a.scope).clone()));
            text_input(format!("scope-{key}"), label, value, move |t| {
                assess.update(|a| *set(&mut a.scope) = t.trim().to_string());
            })
        })
        .collect_view();
    let class = read(|a| a.scope.ai_act.clone());
    let classes = AI_ACT_CLASSES
        .iter()
        .map(|&(v, label)| view! { <option value=v selected=move || class.get() == v>{label}</option> })
        .collect_view();
    let transparency = read(|a| a.scope.transparency.clone());
    let scale = |axis: Axis, name: &'static str| {
        (1..=5u8)
            .map(|n| {
                let i = usize::from(n - 1);
                let value = Signal::derive(move || {
                    assess.assessment.with(|a| {
                        let own = match axis {
                            Axis::Likelihood => &a.criteria.likelihood,
                            Axis::Impact => &a.criteria.impact,
                        };
                        own.get(i).cloned().unwrap_or_default()
                    })
                });
                let id = format!("criteria-{name}-{n}");
                let placeholder = Criteria::default().word(axis, n);
                view! {
                    <label for=id.clone()>{format!("{n}")}</label>
                    <input id=id.clone() type="text" data-testid=id placeholder=placeholder prop:value=value
                        on:change=move |ev| {
                            let text = event_target_value(&ev).trim().to_string();
                            assess.update(|a| {
                                let own = match axis {
                                    Axis::Likelihood => &mut a.criteria.likelihood,
                                    Axis::Impact => &mut a.criteria.impact,
                                };
                                own.resize(5, String::new());
                                own[i] = text;
                                // All empty is no scale of one's own.
                                if own.iter().all(String::is_empty) {
                                    own.clear();
                                }
                            });
                        } />
                }
            })
            .collect_view()
    };
    let appetite = read(|a| {
        a.criteria
            .appetite
            .map_or_else(String::new, |l| l.to_string())
    });
    let levels = LEVELS
        .iter()
        .map(|l| {
            let v = l.to_string();
            view! { <option value=v.clone() selected=move || appetite.get() == v>{crate::core::risk::level_text(*l)}</option> }
        })
        .collect_view();
    let given = move || {
        assess.assessment.with(|a| {
            let s = &a.scope;
            let n = [
                &s.purpose,
                &s.users,
                &s.data,
                &s.boundary,
                &s.model,
                &s.providers,
                &s.assumptions,
                &s.owner,
                &s.ai_act,
            ]
            .iter()
            .filter(|t| !t.is_empty())
            .count()
                + usize::from(a.criteria.appetite.is_some());
            format!("Scope and risk criteria ({n} of 10 given)")
        })
    };
    view! {
        <details class="assessment-details scope" data-testid="scope">
            <summary>{given}</summary>
            <div class="fields">
                {texts}
                <label for="scope-ai-act">"EU AI Act class, as decided"</label>
                <select id="scope-ai-act" data-testid="scope-ai-act" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    assess.update(|a| a.scope.ai_act = v);
                }>
                    <option value="" selected=move || class.get().is_empty()>"Not decided"</option>
                    {classes}
                </select>
                <label for="scope-transparency">"Transparency duties (Art. 50) apply"</label>
                <select id="scope-transparency" data-testid="scope-transparency" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    assess.update(|a| a.scope.transparency = v);
                }>
                    <option value="" selected=move || transparency.get().is_empty()>"Not decided"</option>
                    <option value="yes" selected=move || transparency.get() == "yes">"Yes"</option>
                    <option value="no" selected=move || transparency.get() == "no">"No"</option>
                </select>
                {text_input(
                    "scope-transparency-rationale".into(),
                    "Why",
                    read(|a| a.scope.transparency_rationale.clone()),
                    move |t| assess.update(|a| a.scope.transparency_rationale = t.trim().to_string()),
                )}
            </div>
            <fieldset class="scale">
                <legend>"What each likelihood level means"</legend>
                {scale(Axis::Likelihood, "likelihood")}
            </fieldset>
            <fieldset class="scale">
                <legend>"What each impact level means"</legend>
                {scale(Axis::Impact, "impact")}
            </fieldset>
            <label for="criteria-appetite">"Appetite: the highest risk level acceptable without escalation"</label>
            <select id="criteria-appetite" data-testid="criteria-appetite" on:change=move |ev| {
                let level = event_target_value(&ev).parse().ok();
                assess.update(|a| a.criteria.appetite = level);
            }>
                <option value="" selected=move || appetite.get().is_empty()>"Not set"</option>
                {levels}
            </select>
        </details>
    }
}

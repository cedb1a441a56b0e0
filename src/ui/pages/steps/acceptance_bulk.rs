//! Step 6 in bulk: one approver, date, review and rationale for many
//! threats, and accepting every undecided threat up to a residual level.
//! The logic is the core's ([`crate::core::bulk`]); this is its form.

use crate::core::bulk::{accept_up_to, fill_decided, Fields};
use crate::core::risk::level_text;
use crate::ui::state::use_assess;
use crate::ui::storage::today;
use leptos::prelude::*;

fn threats(n: usize) -> String {
    match n {
        0 => "no threat".into(),
        1 => "1 threat".into(),
        n => format!("{n} threats"),
    }
}

/// One labelled input of the panel, bound to `value`.
#[component]
fn BulkInput(
    key: &'static str,
    label: &'static str,
    kind: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    let id = format!("acc-bulk-{key}");
    view! {
        <label for=id.clone()>{label}</label>
        <input
            id=id.clone()
            type=kind
            data-testid=id
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
        />
    }
}

#[component]
pub(super) fn BulkPanel() -> impl IntoView {
    let assess = use_assess();
    let approver = RwSignal::new(String::new());
    let date = RwSignal::new(today());
    let review = RwSignal::new(String::new());
    let rationale = RwSignal::new(String::new());
    let level = RwSignal::new(String::new());
    let result = RwSignal::new(String::new());
    let fields = move || Fields {
        approver: approver.get(),
        date: date.get(),
        review: review.get(),
        rationale: rationale.get(),
    };
    let accept = move |_| {
        let Some(l) = level
            .get()
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|l| (1..=25).contains(l))
        else {
            result.set("Give a level from 1 to 25 first.".into());
            return;
        };
        let f = fields();
        let sel = assess.selection.get_untracked();
        let mut n = 0;
        assess.update(|a| n = accept_up_to(a, &sel, l, &f));
        result.set(format!(
            "Accepted {} with a residual risk at or below {}.",
            threats(n),
            level_text(l)
        ));
    };
    let apply = move |_| {
        let f = fields();
        let sel = assess.selection.get_untracked();
        let mut n = 0;
        assess.update(|a| n = fill_decided(a, &sel, &f));
        result.set(format!("Filled in the empty fields of {}.", threats(n)));
    };
    view! {
        <fieldset class="bulk-panel" data-testid="acc-bulk">
            <legend>"Decide in bulk"</legend>
            <p class="muted">
                "Fill what applies, then either accept every undecided threat whose residual risk "
                "is scored and at or below a level, or complete the decided ones. Neither "
                "overwrites what a threat already has, nor changes a decision already made."
            </p>
            <div class="fields">
                <BulkInput key="approver" label="Decided by" kind="text" value=approver />
                <BulkInput key="date" label="Decided on" kind="date" value=date />
                <BulkInput key="review" label="Review by" kind="date" value=review />
                <BulkInput key="rationale" label="Rationale" kind="text" value=rationale />
                <BulkInput key="level" label="Residual level, 1 to 25" kind="number" value=level />
            </div>
            <div class="actions">
                <button type="button" data-testid="acc-bulk-accept" on:click=accept>
                    "Accept every undecided threat with a residual risk at or below this level"
                </button>
                <button type="button" data-testid="acc-bulk-apply" on:click=apply>
                    "Apply approver, date, review and rationale to every decided threat that lacks them"
                </button>
            </div>
            <p role="status" data-testid="acc-bulk-result">{move || result.get()}</p>
        </fieldset>
    }
}

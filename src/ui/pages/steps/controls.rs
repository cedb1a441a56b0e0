//! Step 4, control selection: the controls the threats in scope call for,
//! laid out as the navigator is, each with its status and plan.

use super::StepHeader;
use crate::core::assessment::{ControlPlan, ControlStatus};
use crate::core::controls_bulk::{
    apply_owner_due, mark_not_applicable, train_only_offer, TRAIN_ONLY_REASON,
};
use crate::core::dashboard::{control_layout, control_status, Step};
use crate::core::explain::first_sentence;
use crate::ui::components::chips::ControlChip;
use crate::ui::components::choice::EnumSelect;
use crate::ui::components::evidence::EvidenceEditor;
use crate::ui::components::rationale::RationaleForm;
use crate::ui::components::text_field::{TextField, Value, Write};
use crate::ui::record::{field, Text};
use crate::ui::state::use_assess;
use leptos::prelude::*;
use std::sync::Arc;

/// The text fields of a control's plan, in the order of the form.
const TEXTS: &[Text<ControlPlan>] = &[
    ("notes", "Extent or notes", "text", field!(notes)),
    ("owner", "Owner", "text", field!(owner)),
    ("due", "Due", "date", field!(due)),
];

#[component]
fn ControlRow(control: usize) -> impl IntoView {
    let assess = use_assess();
    let catalog = assess.catalog;
    let c = &catalog.controls[control];
    let id = c.id;
    let plan = assess.record::<ControlPlan>(id);
    // "Not applicable" is only recorded with a rationale: until one is
    // given, the choice waits in the store, so leaving the step keeps it.
    let key = StoredValue::new(format!("{}/{id}", assess.id.get_value()));
    let pending = assess.store.pending_na;
    let asking_na = Signal::derive(move || pending.with(|p| key.with_value(|k| p.contains(k))));
    let set_asking = move |on: bool| {
        let k = key.get_value();
        pending.update(|p| {
            p.retain(|x| *x != k);
            if on {
                p.push(k);
            }
        })
    };
    let serves = move || {
        assess.selection.with(|s| {
            s.controls
                .iter()
                .find(|x| x.control == control)
                .map(|x| {
                    if x.general {
                        "every threat in scope (a general control)".to_string()
                    } else {
                        x.threats
                            .iter()
                            .map(|&t| catalog.threats[t].name)
                            .collect::<Vec<_>>()
                            .join(" · ")
                    }
                })
                .unwrap_or_default()
        })
    };
    let on_status = move |status: Option<ControlStatus>| {
        let status = status.unwrap_or_default();
        if status == ControlStatus::NotApplicable
            && plan.with_untracked(|p| p.rationale.trim().is_empty())
        {
            set_asking(true);
        } else {
            set_asking(false);
            assess.edit(id, |p: &mut ControlPlan| p.status = status);
        }
    };
    let shown_status = move || {
        if asking_na.get() {
            Some(ControlStatus::NotApplicable)
        } else {
            Some(plan.with(|p| p.status))
        }
    };
    let status_id = format!("ctl-status-{id}");
    view! {
        <li class="row-card" data-testid=format!("ctl-{id}") data-status=move || plan.with(|p| p.status.as_str())>
            <div class="row-head">
                <ControlChip catalog index=control />
                <span class="cname">{c.name}</span>
            </div>
            <p class="purpose" data-testid=format!("ctl-purpose-{id}")>{first_sentence(c.purpose)}</p>
            <p class="muted">"Brought in by: " {serves}</p>
            <div class="fields">
                <label for=status_id.clone()>"Status"</label>
                <EnumSelect
                    id=status_id.clone()
                    testid=status_id
                    value=shown_status
                    on_change=on_status
                />
                {assess.text_fields(id, plan, "ctl", TEXTS)}
            </div>
            <EvidenceEditor
                testid=format!("ctl-ev-{id}")
                list=Signal::derive(move || plan.with(|p| p.evidence.clone()))
                set=Arc::new(move |v| assess.edit(id, |p: &mut ControlPlan| p.evidence = v))
            />
            <Show when=move || asking_na.get()>
                <p class="notice" role="status" data-testid=format!("ctl-na-pending-{id}")>
                    "Not applicable is waiting for a reason: until you give one, the status stays "
                    {move || plan.with(|p| p.status.label())} "."
                </p>
                <RationaleForm
                    label="Why does it not apply? (required)"
                    apply_label="Mark not applicable"
                    testid=format!("ctl-na-{id}")
                    on_apply=move |text: String| {
                        assess.edit(id, |p: &mut ControlPlan| {
                            p.status = ControlStatus::NotApplicable;
                            p.rationale = text;
                        });
                        set_asking(false);
                    }
                    on_cancel=move || set_asking(false)
                />
            </Show>
            {move || plan.with(|p| (p.status == ControlStatus::NotApplicable).then(|| view! {
                <p class="override-note">"Not applicable: " {p.reason().to_string()}</p>
            }))}
        </li>
    }
}

/// The selected, undecided controls that only make sense when you train,
/// offered as not applicable in one action when you don't; they stay
/// selected.
#[component]
fn TrainOnly() -> impl IntoView {
    let assess = use_assess();
    let catalog = assess.catalog;
    let offer = Memo::new(move |_| {
        assess
            .assessment
            .with(|a| assess.selection.with(|s| train_only_offer(a, s)))
    });
    let reason = RwSignal::new(TRAIN_ONLY_REASON.to_string());
    let done = RwSignal::new(None::<usize>);
    let names = move || {
        offer.with(|o| {
            o.iter()
                .map(|&c| catalog.controls[c].name)
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    let confirm = move |_| {
        let controls = offer.get_untracked();
        let text = reason.get_untracked();
        let mut changed = 0;
        assess.update(|a| changed = mark_not_applicable(a, &controls, &text));
        done.set(Some(changed));
    };
    view! {
        <Show when=move || offer.with(|o| !o.is_empty())>
            <div class="notice" data-testid="ctl-train-only">
                <p>
                    "You don't train or fine-tune the model, so these undecided controls apply only to "
                    "training: " {names} ". Marked not applicable, they stay selected and listed below."
                </p>
                <TextField
                    label="Why they do not apply (editable)"
                    kind="textarea"
                    id="ctl-train-only-reason".to_string()
                    value=Arc::new(move || reason.get())
                    on_input=Arc::new(move |t: String| reason.set(t))
                />
                <button
                    type="button"
                    class="primary"
                    data-testid="ctl-train-only-confirm"
                    disabled=move || reason.with(|r| r.trim().is_empty())
                    on:click=confirm
                >
                    {move || format!("Mark these {} not applicable", offer.with(Vec::len))}
                </button>
            </div>
        </Show>
        {move || done.get().map(|n| view! {
            <p role="status" data-testid="ctl-train-only-result">
                {format!("{n} training-only controls marked not applicable; they stay selected.")}
            </p>
        })}
    }
}

/// A group's owner and due date, set on each of its planned controls that
/// lacks them. The form starts from `last`, the values last applied to any
/// group, until typed into.
#[component]
fn GroupPlan(
    testid: String,
    controls: Vec<usize>,
    last: RwSignal<(String, String)>,
) -> impl IntoView {
    let assess = use_assess();
    let owner = RwSignal::new(None::<String>);
    let due = RwSignal::new(None::<String>);
    let result = RwSignal::new(None::<usize>);
    let shown_owner = move || owner.get().unwrap_or_else(|| last.with(|l| l.0.clone()));
    let shown_due = move || due.get().unwrap_or_else(|| last.with(|l| l.1.clone()));
    let apply = move |_| {
        let (o, d) = untrack(|| (shown_owner(), shown_due()));
        last.set((o.clone(), d.clone()));
        let mut changed = 0;
        assess.update(|a| changed = apply_owner_due(a, &controls, &o, &d));
        result.set(Some(changed));
    };
    let write =
        |v: RwSignal<Option<String>>| -> Write { Arc::new(move |t: String| v.set(Some(t))) };
    let (owner_value, due_value): (Value, Value) = (Arc::new(shown_owner), Arc::new(shown_due));
    view! {
        <div class="fields group-bulk">
            <TextField label="Owner" kind="text" id=format!("{testid}-owner") value=owner_value on_input=write(owner) />
            <TextField label="Due" kind="date" id=format!("{testid}-due") value=due_value on_input=write(due) />
            <button type="button" data-testid=format!("{testid}-apply") on:click=apply>
                "Set owner and due date on every planned control of this group that lacks them"
            </button>
            {move || result.get().map(|n| view! {
                <span role="status" class="muted">{format!("{n} planned controls changed; what was set is kept.")}</span>
            })}
        </div>
    }
}

#[component]
pub fn ControlsStep() -> impl IntoView {
    let assess = use_assess();
    let catalog = assess.catalog;
    let layout = Memo::new(move |_| assess.selection.with(control_layout));
    let filter = RwSignal::new(None::<ControlStatus>);
    let visible = move |control: usize| {
        filter.get().is_none_or(|f| {
            assess
                .assessment
                .with(|a| control_status(a, catalog.controls[control].id) == f)
        })
    };
    let total = move || assess.selection.with(|s| s.controls.len());
    // The owner and due date last applied to a group: every group's form
    // starts from them, editable, until its own fields are typed into.
    let last = RwSignal::new((String::new(), String::new()));
    view! {
        <section class="panel">
            <StepHeader
                step=Step::Controls
                lede="The general controls, the controls for each branch with a threat in scope, and each \
                threat's own controls, each listed once. Decide a status for each; \"not applicable\" \
                needs a reason."
            />
            <div class="toolbar">
                <label class="filter">
                    <span>"Show"</span>
                    <EnumSelect
                        testid="ctl-filter".to_string()
                        none="All statuses"
                        value=move || filter.get()
                        on_change=move |f| filter.set(f)
                    />
                </label>
                <span class="muted">{move || format!("{} controls selected", total())}</span>
            </div>
            <TrainOnly />
            <Show when=move || layout.with(Vec::is_empty)>
                <p class="empty">"No control is selected yet. Answer the questions of step 1 first."</p>
            </Show>
            <For each=move || layout.get() key=|(heading, _)| heading.clone() let:group>
                {
                    let (heading, controls) = group;
                    let for_bulk = controls.clone();
                    let mark_planned = move |_| {
                        let ids: Vec<&'static str> = for_bulk.iter().map(|&c| catalog.controls[c].id).collect();
                        assess.update(|a| {
                            for id in &ids {
                                let plan = a.controls.entry(id.to_string()).or_default();
                                if plan.status == ControlStatus::NotDecided {
                                    plan.status = ControlStatus::Planned;
                                }
                            }
                        });
                    };
                    let testid = format!("ctl-group-{}", heading.split(' ').next().unwrap_or_default());
                    let bulk = view! { <GroupPlan testid=testid.clone() controls=controls.clone() last /> };
                    view! {
                        <section class="control-group" data-testid=testid>
                            <div class="group-head">
                                <h2>{heading}</h2>
                                <button type="button" class="link" on:click=mark_planned>"Mark undecided ones planned"</button>
                            </div>
                            {bulk}
                            <ul class="plain rows">
                                {controls.into_iter().map(|control| view! {
                                    <Show when=move || visible(control)>
                                        <ControlRow control />
                                    </Show>
                                }).collect_view()}
                            </ul>
                        </section>
                    }
                }
            </For>
        </section>
    }
}

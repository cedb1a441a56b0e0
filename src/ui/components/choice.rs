//! `<select>`s over fixed lists of choices. The option a user picks is
//! turned back into a value here, by its position, and nowhere else.

use crate::core::assessment::{Assurance, ControlStatus, Decision, Party, TreatChoice};
use leptos::prelude::*;
use std::sync::Arc;

/// Reads a choice's position; plain shared closures rather than signals or
/// callbacks, which would each add a wrapper to the wasm per caller.
pub type Selected = Arc<dyn Fn() -> Option<usize> + Send + Sync>;
/// Writes a choice's position.
pub type Pick = Arc<dyn Fn(Option<usize>) + Send + Sync>;

/// A closed set of values a `<select>` offers.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// Every value, in the order the list shows them.
    fn all() -> &'static [Self];
    /// The option's `value`: what forms and the browser tests see.
    fn as_str(self) -> &'static str;
    /// The option's text.
    fn label(self) -> &'static str;
}

macro_rules! choice {
    ($($t:ident),*) => {$(
        impl Choice for $t {
            fn all() -> &'static [Self] {
                &$t::ALL
            }
            fn as_str(self) -> &'static str {
                $t::as_str(self)
            }
            fn label(self) -> &'static str {
                $t::label(self)
            }
        }
    )*};
}

choice!(Party, Assurance, ControlStatus, Decision, TreatChoice);

/// A `<select>` of `options` (value, text), bound by position: `selected`
/// is the chosen option's index, None for the `none` option (value "")
/// when there is one. Not generic, so that every typed select shares this
/// one body in the wasm.
#[component]
pub fn IndexSelect(
    /// The element's id, for a `<label for>`.
    #[prop(optional_no_strip)]
    id: Option<String>,
    testid: String,
    options: Vec<(&'static str, String)>,
    /// The text of a leading option that stands for no value.
    #[prop(optional_no_strip)]
    none: Option<&'static str>,
    selected: Selected,
    on_pick: Pick,
) -> impl IntoView {
    let values: Vec<&'static str> = options.iter().map(|(v, _)| *v).collect();
    let shown = values.clone();
    let none = none.map(|text| {
        let selected = selected.clone();
        view! { <option value="" prop:selected=move || selected().is_none()>{text}</option> }
    });
    // Each option also holds its own `selected`: the select's value alone
    // is set before its options exist and so is lost on the first render.
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, text))| {
            let selected = selected.clone();
            view! { <option value=value prop:selected=move || selected() == Some(i)>{text}</option> }
        })
        .collect_view();
    view! {
        <select
            id=id
            data-testid=testid
            prop:value=move || selected().and_then(|i| shown.get(i).copied()).unwrap_or("")
            on:change=move |ev| {
                let value = event_target_value(&ev);
                on_pick(values.iter().position(|v| *v == value));
            }
        >
            {none}
            {items}
        </select>
    }
}

/// A `<select>` of every value of `T`, showing what `value` reads and
/// written through `on_change`; with `none`, a leading option for no value
/// (None). Both are turned into positions at once, so that no reactive type
/// is made per `T`.
#[component]
pub fn EnumSelect<T: Choice>(
    #[prop(optional)] id: Option<String>,
    testid: String,
    #[prop(optional)] none: Option<&'static str>,
    value: impl Fn() -> Option<T> + Send + Sync + 'static,
    on_change: impl Fn(Option<T>) + Send + Sync + 'static,
) -> impl IntoView {
    let all = T::all();
    let options = all
        .iter()
        .map(|t| (t.as_str(), t.label().to_string()))
        .collect();
    let selected: Selected =
        Arc::new(move || value().and_then(|v| all.iter().position(|t| *t == v)));
    let on_pick: Pick = Arc::new(move |i: Option<usize>| {
        on_change(i.and_then(|i| all.get(i).copied()));
    });
    view! { <IndexSelect id testid options none selected on_pick /> }
}

//! The records the steps keep per threat or control (who is responsible,
//! what a provider has shown, a control's plan, a risk score, an
//! acceptance): read as memos and written through [`Assess::update`], the
//! same way on every page.

use crate::core::assessment::{
    Acceptance, Assessment, ControlPlan, Responsibility, RiskScore, Treatment, Verification,
};
use crate::ui::components::text_field::{TextField, Value, Write};
use crate::ui::state::Assess;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// One kind of record, held by catalog id in one map of the assessment.
pub trait Record: Clone + PartialEq + Send + Sync + 'static {
    fn map(a: &Assessment) -> &BTreeMap<String, Self>;
    fn map_mut(a: &mut Assessment) -> &mut BTreeMap<String, Self>;

    /// Whether the record holds nothing worth keeping, and so leaves the
    /// map when written: scores and acceptances do, so that clearing them
    /// leaves no trace; the others are kept once touched.
    fn is_blank(&self) -> bool {
        false
    }
}

macro_rules! record {
    ($t:ty, $field:ident) => {
        record!($t, $field, |_: &$t| false);
    };
    ($t:ty, $field:ident, $blank:expr) => {
        impl Record for $t {
            fn map(a: &Assessment) -> &BTreeMap<String, Self> {
                &a.$field
            }
            fn map_mut(a: &mut Assessment) -> &mut BTreeMap<String, Self> {
                &mut a.$field
            }
            fn is_blank(&self) -> bool {
                ($blank)(self)
            }
        }
    };
}

record!(Responsibility, responsibility);
record!(Verification, verification);
record!(ControlPlan, controls);
record!(RiskScore, risk, |r: &RiskScore| *r == RiskScore::default());
record!(Acceptance, acceptance, |x: &Acceptance| *x
    == Acceptance::default());
record!(Treatment, treatment, |x: &Treatment| *x
    == Treatment::default());

/// One text field of a record as a form shows it: the key its id is made
/// from, its label, its input type (see [`TextField`]), and the field.
pub type Text<R> = (&'static str, &'static str, &'static str, Field<R>);

/// Reads and writes one string field of a record.
pub struct Field<R: 'static> {
    pub get: fn(&R) -> &String,
    pub set: fn(&mut R) -> &mut String,
}

/// The [`Field`] of a record's field `name`.
macro_rules! field {
    ($name:ident) => {
        $crate::ui::record::Field {
            get: |r| &r.$name,
            set: |r| &mut r.$name,
        }
    };
}
pub(crate) use field;

// By hand: a derive would ask `R: Copy`, which records are not.
impl<R> Clone for Field<R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R> Copy for Field<R> {}

impl Assess {
    /// The record of `id`, None while there is none.
    pub fn stored<R: Record>(self, id: &'static str) -> Memo<Option<R>> {
        Memo::new(move |_| self.assessment.with(|a| R::map(a).get(id).cloned()))
    }

    /// The record of `id`, blank while there is none.
    pub fn record<R: Record + Default>(self, id: &'static str) -> Memo<R> {
        Memo::new(move |_| {
            self.assessment
                .with(|a| R::map(a).get(id).cloned().unwrap_or_default())
        })
    }

    /// Makes `r` the record of `id`, or removes it when blank.
    pub fn put<R: Record>(self, id: &'static str, r: R) {
        self.update(|a| write(a, id, r));
    }

    /// Removes the record of `id`.
    pub fn forget<R: Record>(self, id: &'static str) {
        self.update(|a| {
            R::map_mut(a).remove(id);
        });
    }

    /// Changes the record of `id`, starting from a blank one.
    pub fn edit<R: Record + Default>(self, id: &'static str, change: impl FnOnce(&mut R)) {
        let mut change = Some(change);
        self.edit_with(id, &mut |r: &mut R| {
            if let Some(change) = change.take() {
                change(r);
            }
        });
    }

    // One body per kind of record, not per caller's closure.
    fn edit_with<R: Record + Default>(self, id: &'static str, change: &mut dyn FnMut(&mut R)) {
        self.update(|a| {
            let mut r = R::map(a).get(id).cloned().unwrap_or_default();
            change(&mut r);
            write(a, id, r);
        });
    }

    /// The text fields `texts` of `id`'s record (`record`, as
    /// [`Assess::record`] gives it), each with the id and test id
    /// `{prefix}-{key}-{id}`.
    pub fn text_fields<R: Record + Default>(
        self,
        id: &'static str,
        record: Memo<R>,
        prefix: &'static str,
        texts: &'static [Text<R>],
    ) -> impl IntoView {
        texts
            .iter()
            .map(|&(key, label, kind, Field { get, set })| {
                let value: Value = Arc::new(move || record.with(|r| get(r).clone()));
                let on_input: Write =
                    Arc::new(move |text: String| self.edit(id, |r: &mut R| *set(r) = text));
                view! { <TextField label kind id=format!("{prefix}-{key}-{id}") value on_input /> }
            })
            .collect_view()
    }
}

fn write<R: Record>(a: &mut Assessment, id: &str, r: R) {
    if r.is_blank() {
        R::map_mut(a).remove(id);
    } else {
        R::map_mut(a).insert(id.to_string(), r);
    }
}

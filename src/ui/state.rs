//! The assessment state shared by every page, given through context.

use crate::core::answers::Answers;
use crate::core::catalog::Catalog;
use crate::core::engine::{select, Selection};
use crate::ui::storage;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Assess {
    pub catalog: &'static Catalog,
    pub answers: RwSignal<Answers>,
    pub selection: Memo<Selection>,
    /// Set when saving failed, with a message for the user.
    pub save_error: ReadSignal<Option<String>>,
}

/// Loads the saved answers, autosaves every change, and provides [`Assess`].
/// Returns the message to show when saved data had to be kept aside.
pub fn provide_assess(catalog: &'static Catalog) -> (Assess, Option<String>, bool) {
    let loaded = storage::load(catalog);
    let answers = RwSignal::new(loaded.answers);
    let selection = Memo::new(move |_| answers.with(|a| select(catalog, a)));
    let (save_error, set_save_error) = signal(None::<String>);
    if loaded.can_save {
        Effect::new(move |_| {
            let result = answers.with(|a| storage::save(catalog, a));
            set_save_error.set(result.err());
        });
    }
    let assess = Assess {
        catalog,
        answers,
        selection,
        save_error,
    };
    provide_context(assess);
    (assess, loaded.recovered, loaded.can_save)
}

pub fn use_assess() -> Assess {
    // provide_assess runs in App, above every page.
    expect_context::<Assess>()
}

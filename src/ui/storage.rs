//! Keeps the profile in localStorage, and never overwrites what it cannot read.

use crate::core::answers::Answers;
use crate::core::catalog::Catalog;
use crate::core::saved;
use gloo_storage::{LocalStorage, Storage};

const KEY: &str = "aixa.profile";
const RECOVERY_PREFIX: &str = "aixa.recovered.";

/// What loading found.
pub struct Loaded {
    pub answers: Answers,
    /// Set when stored data could not be read: a message saying where it
    /// was kept, untouched.
    pub recovered: Option<String>,
    /// False when unreadable data could not be moved aside: saving would
    /// then overwrite it, so the session must not save.
    pub can_save: bool,
}

/// localStorage, or None where the browser disables it (some private modes,
/// strict settings); gloo's accessors would throw there.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()?;
    Some(LocalStorage::raw())
}

pub fn load(catalog: &'static Catalog) -> Loaded {
    let empty = Loaded {
        answers: Answers::default(),
        recovered: None,
        can_save: true,
    };
    let Some(store) = storage() else {
        return Loaded {
            recovered: Some("browser storage is not available, so answers will not be kept".into()),
            can_save: false,
            ..empty
        };
    };
    let Ok(Some(text)) = store.get_item(KEY) else {
        return empty;
    };
    match saved::decode(&text) {
        Ok((stored, answers)) if stored.edition == catalog.edition => Loaded {
            answers,
            recovered: None,
            can_save: true,
        },
        Ok((stored, _)) => keep_aside(
            &store,
            &text,
            format!("the saved profile uses edition {}", stored.edition),
        ),
        Err(why) => keep_aside(&store, &text, why),
    }
}

fn keep_aside(store: &web_sys::Storage, text: &str, why: String) -> Loaded {
    let key = format!("{RECOVERY_PREFIX}{}", js_sys::Date::now() as u64);
    let kept = store.set_item(&key, text).is_ok() && store.remove_item(KEY).is_ok();
    let note = if kept {
        format!("{why}. It was kept aside under the storage key \"{key}\", untouched.")
    } else {
        format!("{why}. It was left where it was, and will not be overwritten this session.")
    };
    Loaded {
        answers: Answers::default(),
        recovered: Some(note),
        can_save: kept,
    }
}

/// Saves the answers; the error is a message for the user.
pub fn save(catalog: &Catalog, answers: &Answers) -> Result<(), String> {
    let store = storage().ok_or("browser storage is not available")?;
    store
        .set_item(KEY, &saved::encode(catalog, answers))
        .map_err(|_| "your browser refused to save (storage full or disabled); your answers are kept only until you leave this page".to_string())
}

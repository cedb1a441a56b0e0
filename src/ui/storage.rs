//! Assessments in localStorage, one key each, and never overwriting what
//! cannot be read.
//!
//! `aixa.assessment.<id>` holds an assessment. An entry of an edition or
//! schema this version lacks is left in place, unread, for a version that
//! has it. An entry that is corrupt or foreign is moved, bytes unchanged, to
//! `aixa.recovered.<key>.<time>`. Either way the user is told. The first release's
//! single profile (`aixa.profile`, schema 1) is migrated into an assessment,
//! and its bytes kept under `aixa.migrated.aixa.profile`.

use crate::core::assessment::{Assessment, LoadError};

pub const PREFIX: &str = "aixa.assessment.";
const LEGACY_KEY: &str = "aixa.profile";
const RECOVERY_PREFIX: &str = "aixa.recovered.";
const MIGRATED_PREFIX: &str = "aixa.migrated.";
const CURRENT_KEY: &str = "aixa.current";

/// What loading found.
pub struct Loaded {
    pub assessments: Vec<Assessment>,
    /// Messages for the user about entries that were kept aside.
    pub notices: Vec<String>,
    /// False when unreadable data could not be moved aside (or storage is
    /// missing): saving could then destroy it, so this session must not save.
    pub can_save: bool,
}

/// localStorage, or None where the browser disables it (reading the
/// property itself throws there).
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

pub fn key_of(id: &str) -> String {
    format!("{PREFIX}{id}")
}

fn keys(store: &web_sys::Storage) -> Vec<String> {
    let n = store.length().unwrap_or(0);
    (0..n).filter_map(|i| store.key(i).ok().flatten()).collect()
}

/// Moves `key` aside; returns the message for the user, and whether the
/// original is now safe from being overwritten.
fn keep_aside(store: &web_sys::Storage, key: &str, text: &str, why: &str) -> (String, bool) {
    let aside = format!("{RECOVERY_PREFIX}{key}.{}", now_ms());
    let kept = store.set_item(&aside, text).is_ok() && store.remove_item(key).is_ok();
    let message = if kept {
        format!(
            "Saved data under \"{key}\" could not be opened: {why}. It was kept aside, unchanged, \
             under the storage key \"{aside}\". To export it, open your browser's developer tools \
             (Application → Local Storage) and copy that value into a file."
        )
    } else {
        format!(
            "Saved data under \"{key}\" could not be opened: {why}. It was left untouched, and \
             this session will not save, so that nothing overwrites it."
        )
    };
    (message, kept)
}

pub fn load_all() -> Loaded {
    let Some(store) = storage() else {
        return Loaded {
            assessments: Vec::new(),
            notices: vec![
                "Browser storage is not available, so your work will not be kept after you leave."
                    .into(),
            ],
            can_save: false,
        };
    };
    let mut loaded = Loaded {
        assessments: Vec::new(),
        notices: Vec::new(),
        can_save: true,
    };
    for key in keys(&store) {
        let is_legacy = key == LEGACY_KEY;
        if !is_legacy && !key.starts_with(PREFIX) {
            continue;
        }
        let Ok(Some(text)) = store.get_item(&key) else {
            continue;
        };
        match Assessment::from_json(&text) {
            Ok(mut a) if is_legacy => {
                a.id = new_id();
                let saved = store.set_item(&key_of(&a.id), &a.to_json()).is_ok();
                let backed_up = saved
                    && store
                        .set_item(&format!("{MIGRATED_PREFIX}{LEGACY_KEY}"), &text)
                        .is_ok();
                if backed_up {
                    let _ = store.remove_item(&key);
                }
                loaded.assessments.push(a);
            }
            Ok(a) if key == key_of(&a.id) => loaded.assessments.push(a),
            Ok(a) => {
                let (message, kept) = keep_aside(
                    &store,
                    &key,
                    &text,
                    &format!("it names itself \"{}\", not its key", a.id),
                );
                loaded.notices.push(message);
                loaded.can_save &= kept;
            }
            // Another version of aixa can read these: leave them where that
            // version looks. This one never writes the key, as it never
            // loaded an assessment with that id.
            Err(why @ (LoadError::UnknownEdition(_) | LoadError::NewerSchema(_))) => {
                loaded.notices.push(format!(
                    "Saved data under \"{key}\" is not shown: {why}. It is kept as it is."
                ));
            }
            Err(why) => {
                let (message, kept) = keep_aside(&store, &key, &text, &why.to_string());
                loaded.notices.push(message);
                loaded.can_save &= kept;
            }
        }
    }
    // Most recently changed first.
    crate::core::order::sort_by(&mut loaded.assessments, |a, b| {
        (b.updated.cmp(&a.updated))
            .then(a.name.cmp(&b.name))
            .then(a.id.cmp(&b.id))
    });
    loaded
}

/// The stored version of one assessment, if it reads.
pub fn load_one(id: &str) -> Option<Assessment> {
    let text = storage()?.get_item(&key_of(id)).ok().flatten()?;
    Assessment::from_json(&text).ok()
}

/// Saves one assessment; the error is a message for the user.
pub fn save(a: &Assessment) -> Result<(), String> {
    let store = storage().ok_or("browser storage is not available")?;
    store.set_item(&key_of(&a.id), &a.to_json()).map_err(|_| {
        format!(
            "Your browser refused to save “{}”: its storage is full or disabled. What was saved \
             before is untouched; your latest changes are kept only until you leave this page.",
            a.name
        )
    })
}

/// Bytes aixa holds in localStorage (browsers keep UTF-16: two bytes a unit).
pub fn usage() -> usize {
    let Some(store) = storage() else {
        return 0;
    };
    keys(&store)
        .into_iter()
        .filter(|k| k.starts_with("aixa."))
        .map(|k| {
            let value = store.get_item(&k).ok().flatten().unwrap_or_default();
            (k.encode_utf16().count() + value.encode_utf16().count()) * 2
        })
        .sum()
}

pub fn remove(id: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(&key_of(id));
    }
}

pub fn current() -> Option<String> {
    storage()?.get_item(CURRENT_KEY).ok().flatten()
}

/// Who this browser records changes as: one name, chosen from an
/// assessment's assessors. Kept here, not in the record: a share link or a
/// file carries the record, not its reader.
pub fn me() -> String {
    storage()
        .and_then(|s| s.get_item(ME_KEY).ok().flatten())
        .unwrap_or_default()
}

pub fn set_me(name: &str) {
    if let Some(store) = storage() {
        let _ = store.set_item(ME_KEY, name);
    }
}

const ME_KEY: &str = "aixa.me";

pub fn set_current(id: &str) {
    if let Some(store) = storage() {
        let _ = store.set_item(CURRENT_KEY, id);
    }
}

/// A new id: the time in base 36 and a random part, so that two tabs never
/// collide.
pub fn new_id() -> String {
    let mut n = now_ms();
    let mut out = String::new();
    while n > 0 {
        let d = (n % 36) as u32;
        out.insert(0, char::from_digit(d, 36).unwrap_or('0'));
        n /= 36;
    }
    let r = (js_sys::Math::random() * 36f64.powi(4)) as u64;
    format!("{out}-{r:04}")
}

/// The current time, ISO 8601 in UTC.
pub fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// Today, YYYY-MM-DD.
pub fn today() -> String {
    now_iso().chars().take(10).collect()
}

/// When each assessment was last exported or backed up: lines of
/// "<id> <ISO time>". Plain lines, not JSON: a map's serde code would add
/// kilobytes to the wasm for a few ids and times.
const EXPORTED_KEY: &str = "aixa.exported";

pub fn exported() -> Vec<(String, String)> {
    let text = storage()
        .and_then(|s| s.get_item(EXPORTED_KEY).ok().flatten())
        .unwrap_or_default();
    text.lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(id, at)| (id.to_string(), at.to_string()))
        .collect()
}

/// Records that `ids` were just exported (one file) or backed up (all).
pub fn mark_exported<'a>(ids: impl IntoIterator<Item = &'a str>) {
    let Some(store) = storage() else {
        return;
    };
    let now = now_iso();
    let mut times = exported();
    for id in ids {
        times.retain(|(other, _)| other != id);
        times.push((id.to_string(), now.clone()));
    }
    let text: Vec<String> = times.iter().map(|(id, at)| format!("{id} {at}")).collect();
    let _ = store.set_item(EXPORTED_KEY, &text.join("\n"));
}

/// Asks the browser to keep this site's storage until the user clears it
/// (`navigator.storage.persist()`); the answer, or None where the browser
/// has no such API.
pub async fn request_persistence() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    let promise = manager.persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

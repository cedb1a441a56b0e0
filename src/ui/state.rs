//! The app's state: every assessment, which one is current, and saving.
//! Given to every page through context.

use crate::core::assessment::Assessment;
use crate::core::catalog::Catalog;
use crate::core::edition::Edition;
use crate::core::engine::{select, Selection};
use crate::ui::storage;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Store {
    pub assessments: RwSignal<Vec<Assessment>>,
    /// The assessment the catalog pages and the navigator reflect.
    pub current: RwSignal<Option<String>>,
    pub notices: RwSignal<Vec<String>>,
    /// The last save that failed: the message, and the assessment it held,
    /// so the user can still take it away as a file.
    pub save_error: RwSignal<Option<(String, Assessment)>>,
    pub can_save: StoredValue<bool>,
    /// Another tab saved an assessment that this tab then changed: (theirs,
    /// ours). Nothing is written until the user chooses.
    pub conflict: RwSignal<Option<(Assessment, Assessment)>>,
    /// Controls the user set to "not applicable" without a reason yet, as
    /// "<assessment id>/<control id>": the choice waits, across pages, until
    /// a reason makes it valid or the user takes it back.
    pub pending_na: RwSignal<Vec<String>>,
    /// Who changes are recorded as, when an assessment names them among its
    /// assessors (see [`crate::core::log`]).
    pub me: RwSignal<String>,
}

impl Store {
    pub fn get(&self, id: &str) -> Option<Assessment> {
        self.assessments
            .with(|all| all.iter().find(|a| a.id == id).cloned())
    }

    pub fn exists(&self, id: &str) -> bool {
        self.assessments.with(|all| all.iter().any(|a| a.id == id))
    }

    /// Changes one assessment, stamps it and saves it at once, unless
    /// another tab has saved a newer revision meanwhile: then nothing is
    /// written and the user is asked.
    pub fn update(&self, id: &str, change: impl FnOnce(&mut Assessment)) {
        let mut change = Some(change);
        self.update_with(id, &mut |a| {
            if let Some(change) = change.take() {
                change(a);
            }
        });
    }

    // The body of `update` once in the wasm, rather than once per caller's
    // closure.
    fn update_with(&self, id: &str, change: &mut dyn FnMut(&mut Assessment)) {
        if self.conflict.with_untracked(Option::is_some) {
            return;
        }
        let Some(mut ours) = self.get(id) else {
            return;
        };
        // The record before the change, for the log, without the log itself:
        // a long log must not make every save slower.
        let log = std::mem::take(&mut ours.log);
        let before = ours.clone();
        ours.log = log;
        let signoff_before = before.signoff.clone();
        change(&mut ours);
        let now = storage::now_iso();
        ours.updated.clone_from(&now);
        ours.tool = crate::core::assessment::TOOL.to_string();
        let me = self.me.get_untracked();
        let by = if ours.assessors.contains(&me) {
            me.as_str()
        } else {
            ""
        };
        crate::core::log::record(before, &mut ours, by, &now);
        // A sign-off binds the record as saved now, log and time included.
        if ours.signoff != signoff_before {
            let digest = crate::core::digest::digest(&ours);
            if let Some(s) = ours.signoff.as_mut() {
                s.digest = digest;
                s.at = now;
            }
        }
        if let Some(theirs) = storage::load_one(id).filter(|t| t.revision > ours.revision) {
            self.conflict.set(Some((theirs, ours)));
            return;
        }
        ours.revision += 1;
        self.replace(ours.clone());
        self.persist(&ours);
    }

    /// Puts `a` in place of the assessment with its id, without saving.
    pub fn replace(&self, a: Assessment) {
        self.assessments
            .update(|all| match all.iter_mut().find(|x| x.id == a.id) {
                Some(slot) => *slot = a,
                None => all.insert(0, a),
            });
    }

    /// Settles a conflict: keep the other tab's version, or write ours over it.
    pub fn resolve(&self, keep_ours: bool) {
        let Some((theirs, mut ours)) = self.conflict.get_untracked() else {
            return;
        };
        self.conflict.set(None);
        if keep_ours {
            ours.revision = theirs.revision + 1;
            self.replace(ours.clone());
            self.persist(&ours);
        } else {
            self.replace(theirs);
        }
    }

    /// Another tab changed (or removed) an assessment: show it here too.
    pub fn external_change(&self, key: &str, value: Option<String>) {
        let Some(id) = key.strip_prefix(storage::PREFIX) else {
            return;
        };
        match value.map(|v| crate::core::assessment::Assessment::from_json(&v)) {
            Some(Ok(theirs)) if theirs.id == id => {
                let newer = self
                    .get(id)
                    .is_none_or(|ours| theirs.revision > ours.revision);
                if newer {
                    self.replace(theirs);
                }
            }
            Some(_) => {}
            None => {
                self.assessments.update(|all| all.retain(|a| a.id != id));
            }
        }
    }

    fn persist(&self, a: &Assessment) {
        if !self.can_save.get_value() {
            return;
        }
        self.save_error
            .set(storage::save(a).err().map(|message| (message, a.clone())));
    }

    /// Puts `a` in place of this browser's copy, whose revision is
    /// `replacing`, at the user's explicit choice (restoring a backup), and
    /// saves it as the newer revision so that other tabs take it.
    pub fn overwrite(&self, mut a: Assessment, replacing: u64) {
        a.revision = replacing + 1;
        self.replace(a.clone());
        self.persist(&a);
    }

    /// Adds a copy of `a` as a new assessment (duplicate, import, a shared
    /// link's "Save a copy"), named apart from the others, and saves it.
    /// Returns the copy's id and name.
    pub fn insert_copy(&self, a: &Assessment) -> (String, String) {
        let taken: Vec<String> = self
            .assessments
            .with_untracked(|all| all.iter().map(|x| x.name.clone()).collect());
        let copy = a.copy_as_new(storage::new_id(), &storage::now_iso(), &taken);
        let made = (copy.id.clone(), copy.name.clone());
        self.insert(copy);
        made
    }

    /// Adds an assessment (new, duplicated or restored) and saves it.
    pub fn insert(&self, a: Assessment) {
        self.persist(&a);
        self.assessments.update(|all| all.insert(0, a));
    }

    pub fn create(&self, name: &str) -> String {
        self.create_in(Catalog::default_edition(), name)
    }

    /// A new assessment of `catalog`'s edition, saved; its id.
    pub fn create_in(&self, catalog: &'static Catalog, name: &str) -> String {
        let name = if name.trim().is_empty() {
            "My AI system".to_string()
        } else {
            name.trim().to_string()
        };
        let a = Assessment::new(catalog, storage::new_id(), name, &storage::now_iso());
        let id = a.id.clone();
        self.insert(a);
        id
    }

    /// Removes an assessment and returns it, for undo.
    pub fn remove(&self, id: &str) -> Option<Assessment> {
        let mut removed = None;
        self.assessments.update(|all| {
            if let Some(i) = all.iter().position(|a| a.id == id) {
                removed = Some(all.remove(i));
            }
        });
        if removed.is_some() && self.can_save.get_value() {
            storage::remove(id);
        }
        removed
    }

    pub fn open(&self, id: &str) {
        if self.current.get_untracked().as_deref() != Some(id) {
            self.current.set(Some(id.to_string()));
            storage::set_current(id);
        }
    }

    /// The edition the catalog pages show: the current assessment's, or the
    /// default edition's when there is none.
    pub fn current_edition(&self) -> Edition {
        let id = self.current.get();
        self.assessments.with(|all| {
            id.and_then(|id| all.iter().find(|a| a.id == id).map(|a| a.edition))
                .unwrap_or_else(|| Edition::of(Catalog::default_edition()))
        })
    }
}

pub fn provide_store() -> Store {
    let loaded = storage::load_all();
    let current = storage::current()
        .filter(|id| loaded.assessments.iter().any(|a| &a.id == id))
        .or_else(|| loaded.assessments.first().map(|a| a.id.clone()));
    let store = Store {
        assessments: RwSignal::new(loaded.assessments),
        current: RwSignal::new(current),
        notices: RwSignal::new(loaded.notices),
        save_error: RwSignal::new(None),
        can_save: StoredValue::new(loaded.can_save),
        conflict: RwSignal::new(None),
        pending_na: RwSignal::new(Vec::new()),
        me: RwSignal::new(storage::me()),
    };
    // The storage event fires in every other tab of this origin on a save.
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        if let Some(key) = ev.key() {
            store.external_change(&key, ev.new_value());
        }
    });
    on_cleanup(move || handle.remove());
    provide_context(store);
    store
}

pub fn use_store() -> Store {
    // provide_store runs in App, above every page.
    expect_context::<Store>()
}

/// What the catalog pages reflect: one edition's catalog, and the current
/// assessment's selection when it is of that edition (else the bare
/// catalog's), so that verdicts and catalog never come from two editions.
#[derive(Clone, Copy)]
pub struct Current {
    pub catalog: &'static Catalog,
    /// The current assessment's name, when the page shows its verdicts.
    pub assessment: Memo<Option<String>>,
    pub selection: Memo<Selection>,
}

/// Provides [`Current`] for `edition`; the app renders the catalog pages
/// again whenever the current assessment's edition changes.
pub fn provide_current(store: Store, edition: Edition) -> Current {
    let catalog = edition.catalog();
    let of_edition = move || {
        let id = store.current.get();
        store.assessments.with(|all| {
            id.and_then(|id| {
                all.iter()
                    .find(|a| a.id == id && a.edition == edition)
                    .cloned()
            })
        })
    };
    let current = Current {
        catalog,
        assessment: Memo::new(move |_| of_edition().map(|a| a.name)),
        selection: Memo::new(move |_| {
            of_edition().map_or_else(|| select(catalog, &Default::default()), |a| a.selection())
        }),
    };
    provide_context(current);
    current
}

pub fn use_current() -> Current {
    expect_context::<Current>()
}

/// One open assessment, for the pages of its steps.
#[derive(Clone, Copy)]
pub struct Assess {
    pub catalog: &'static Catalog,
    pub id: StoredValue<String>,
    pub store: Store,
    pub assessment: Memo<Assessment>,
    pub selection: Memo<Selection>,
}

impl Assess {
    pub fn update(&self, change: impl FnOnce(&mut Assessment)) {
        self.store.update(&self.id.get_value(), change);
    }
}

/// Provides [`Assess`] for assessment `id`, which must exist.
pub fn provide_assess(store: Store, id: &str) -> Assess {
    let first = store.get(id);
    let catalog = first
        .as_ref()
        .map_or_else(Catalog::default_edition, Assessment::catalog);
    let key = id.to_string();
    let fallback = first.unwrap_or_else(|| Assessment::new(catalog, key.clone(), "-".into(), ""));
    let assessment = Memo::new(move |_| {
        store
            .assessments
            .with(|all| all.iter().find(|a| a.id == key).cloned())
            .unwrap_or_else(|| fallback.clone())
    });
    let selection = Memo::new(move |_| assessment.with(Assessment::selection));
    let assess = Assess {
        catalog,
        id: StoredValue::new(id.to_string()),
        store,
        assessment,
        selection,
    };
    provide_context(assess);
    assess
}

/// Provides [`Assess`] for an assessment that is not stored (a shared link
/// being previewed): it reads like any other, and edits go nowhere.
pub fn provide_preview(store: Store, a: Assessment) -> Assess {
    let catalog = a.catalog();
    let id = a.id.clone();
    let assessment = Memo::new(move |_| a.clone());
    let selection = Memo::new(move |_| assessment.with(Assessment::selection));
    let assess = Assess {
        catalog,
        id: StoredValue::new(id),
        store,
        assessment,
        selection,
    };
    provide_context(assess);
    assess
}

pub fn use_assess() -> Assess {
    expect_context::<Assess>()
}

//! The edition an assessment is bound to.
//!
//! [`Edition`] can only hold an edition this build embeds: reading an
//! assessment that names any other fails, with the name, instead of falling
//! back to a default. So every page, report, link and command that holds an
//! assessment holds its own edition's catalog, never another's.

use super::catalog::Catalog;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy)]
pub struct Edition(&'static Catalog);

impl Edition {
    pub fn of(catalog: &'static Catalog) -> Edition {
        Edition(catalog)
    }

    /// The embedded edition with this id.
    pub fn find(id: &str) -> Option<Edition> {
        Catalog::by_edition(id).map(Edition)
    }

    pub fn catalog(self) -> &'static Catalog {
        self.0
    }

    pub fn id(self) -> &'static str {
        self.0.edition
    }
}

impl PartialEq for Edition {
    fn eq(&self, other: &Edition) -> bool {
        self.id() == other.id()
    }
}

impl Eq for Edition {}

impl PartialEq<&str> for Edition {
    fn eq(&self, other: &&str) -> bool {
        self.id() == *other
    }
}

impl fmt::Debug for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Edition({:?})", self.id())
    }
}

impl fmt::Display for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Edition {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Edition {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Edition, D::Error> {
        let id = String::deserialize(d)?;
        Edition::find(&id).ok_or_else(|| serde::de::Error::custom(unknown(&id)))
    }
}

/// The message for an edition this build lacks.
pub fn unknown(id: &str) -> String {
    format!(
        "it uses the catalog edition {id:?}, which this version of aixa does not have \
         (it has: {}); a version that has it can open it",
        Catalog::known_editions()
    )
}

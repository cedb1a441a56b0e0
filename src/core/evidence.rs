//! One piece of evidence for several threats of the same provider (step 3):
//! the providers step 2 names, each with its threats, and applying one
//! status, note, link and date to all of them without overwriting anything
//! already recorded.

use super::assessment::{Assessment, Assurance, Verification};
use super::dashboard::external;
use super::engine::Selection;
use super::responsibility::in_force;

/// A provider named in step 2, with the threats in scope it handles, alone
/// or with you, in the order step 3 lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderThreats {
    pub provider: String,
    pub threats: Vec<usize>,
}

/// Every provider named for a threat in scope not ours alone, in order of
/// first appearance. Names are compared trimmed; a threat whose provider is
/// not named is left out (it is verified on its own row).
pub fn providers(a: &Assessment, selection: &Selection) -> Vec<ProviderThreats> {
    let mut out: Vec<ProviderThreats> = Vec::new();
    for t in external(a, selection) {
        let name = in_force(a, t).0.provider.trim().to_string();
        if name.is_empty() {
            continue;
        }
        match out.iter_mut().find(|p| p.provider == name) {
            Some(p) => p.threats.push(t),
            None => out.push(ProviderThreats {
                provider: name,
                threats: vec![t],
            }),
        }
    }
    out
}

/// Evidence to apply to several threats: a status (if any) and the text
/// fields; an empty field applies nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    pub status: Option<Assurance>,
    pub note: String,
    pub link: String,
    pub date: String,
}

/// Sets `evidence` on each of `threats`, field by field, only where that
/// threat's field is still empty (a status still "not requested"); returns
/// how many threats changed.
pub fn apply_evidence(a: &mut Assessment, threats: &[usize], evidence: &Evidence) -> usize {
    let catalog = a.catalog();
    let mut changed = 0;
    for &t in threats {
        let id = catalog.threats[t].id;
        let mut v: Verification = a.verification.get(id).cloned().unwrap_or_default();
        let mut any = false;
        if let Some(status) = evidence.status {
            if v.status == Assurance::NotRequested && status != Assurance::NotRequested {
                v.status = status;
                any = true;
            }
        }
        for (field, value) in [
            (&mut v.note, &evidence.note),
            (&mut v.link, &evidence.link),
            (&mut v.date, &evidence.date),
        ] {
            if field.trim().is_empty() && !value.trim().is_empty() {
                *field = value.trim().to_string();
                any = true;
            }
        }
        if any {
            a.verification.insert(id.to_string(), v);
            changed += 1;
        }
    }
    changed
}

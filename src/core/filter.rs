//! The catalog browser's filters: which threats and controls a query and
//! the four filters leave, in rank order.

use super::catalog::Catalog;
use super::search::{search, Item};

/// The catalog browser's filters, each a vocabulary value or empty for any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filters<'a> {
    pub lifecycle: &'a str,
    pub surface: &'a str,
    pub asset: &'a str,
    /// A control type; threats have none, so a type filter leaves no threat.
    pub kind: &'a str,
}

/// Threat and control indices that pass `query` and `f`, in rank order (in
/// catalog order while the query is blank).
///
/// A control passes the surface and asset filters through the threats it
/// serves, and the lifecycle filter by its own lifecycle, where "both"
/// passes either.
pub fn filter(catalog: &Catalog, query: &str, f: &Filters) -> (Vec<usize>, Vec<usize>) {
    let items: Vec<Item> = if query.trim().is_empty() {
        (0..catalog.threats.len())
            .map(Item::Threat)
            .chain((0..catalog.controls.len()).map(Item::Control))
            .collect()
    } else {
        search(catalog, query).into_iter().map(|h| h.item).collect()
    };
    let threat_ok = |i: usize| {
        let t = &catalog.threats[i];
        (f.lifecycle.is_empty() || t.lifecycle == f.lifecycle)
            && (f.surface.is_empty() || t.attack_surface.contains(&f.surface))
            && (f.asset.is_empty() || t.asset == f.asset)
    };
    let mut threats = Vec::new();
    let mut controls = Vec::new();
    for item in items {
        match item {
            Item::Threat(i) if f.kind.is_empty() && threat_ok(i) => threats.push(i),
            Item::Threat(_) => {}
            Item::Control(i) => {
                let c = &catalog.controls[i];
                let by_threat = f.surface.is_empty() && f.asset.is_empty()
                    || catalog
                        .threats
                        .iter()
                        .enumerate()
                        .any(|(ti, t)| t.controls.contains(&i) && threat_ok(ti));
                if (f.lifecycle.is_empty() || c.lifecycle == f.lifecycle || c.lifecycle == "both")
                    && (f.kind.is_empty() || c.kinds.contains(&f.kind))
                    && by_threat
                {
                    controls.push(i);
                }
            }
        }
    }
    (threats, controls)
}

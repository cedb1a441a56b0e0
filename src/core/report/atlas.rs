//! The ATLAS techniques the assessment's in-scope threats map to, as a
//! MITRE ATLAS Navigator layer. The mapping is in `docs/interop.md`.

use super::interop::{coverage_as_recorded, plain, ranking_score, to_json};
use super::interop::{o, J};
use crate::core::assessment::Assessment;
use crate::core::risk::level_text;
use std::collections::BTreeMap;

/// The layer format and Navigator of ATLAS's own published layers
/// (mitre-atlas/atlas-navigator-data); `versions.attack` is left out, as
/// there, since ATLAS is not an ATT&CK domain.
const LAYER: &str = "4.3";
const NAVIGATOR: &str = "4.6.4";

type Technique<'a> = (Option<u8>, Vec<String>, Vec<&'a str>);

/// The Navigator layer of an assessment: one technique per ATLAS id that
/// the catalog links to an in-scope threat, scored by the highest risk
/// (residual, else inherent) among those threats. No tactic is written:
/// ATLAS has renamed its tactics, and a technique without one shows under
/// each of its own.
pub fn atlas_layer(a: &Assessment) -> String {
    let catalog = a.catalog();
    let sel = a.selection();
    let covered = coverage_as_recorded(a);
    // Technique id → its highest level, one line per threat, and the
    // threats' ids, in id order.
    let mut by_id: BTreeMap<&str, Technique> = BTreeMap::new();
    for v in sel.verdicts.iter().filter(|v| v.in_scope()) {
        let th = &catalog.threats[v.threat];
        if th.atlas.is_empty() {
            continue;
        }
        let ranked = ranking_score(a, &sel, v.threat);
        let level = ranked.and_then(|(s, _)| s.level());
        let status = match covered.iter().find(|c| c.threat == v.threat) {
            Some(c) if c.covered.is_some() => format!("covered ({})", plain(&c.describe(a))),
            Some(c) => format!("open ({})", plain(&c.describe(a))),
            None => "open".to_string(),
        };
        let risk = match ranked {
            Some((s, residual)) => format!(
                "{} risk {}",
                if residual { "residual" } else { "inherent" },
                level_text(s.level().unwrap_or(0))
            ),
            None => "not scored".to_string(),
        };
        let line = format!("{} {}: {status}; {risk}", th.section, th.name);
        for &id in th.atlas {
            let entry = by_id.entry(id).or_default();
            entry.0 = entry.0.max(level);
            entry.1.push(line.clone());
            entry.2.push(th.id);
        }
    }
    let techniques: Vec<_> = by_id
        .into_iter()
        .map(|(id, (level, lines, threats))| {
            let mut t = o! {
                "techniqueID": id,
                "comment": lines.join(" | "),
                "enabled": true,
                "metadata": [o! {"name": "AI Exchange threats", "value": threats.join(", ")}],
            };
            if let Some(level) = level {
                t.push("score", level);
            }
            t
        })
        .collect();
    to_json(&o! {
        "name": format!("aixa: {} – ATLAS techniques", plain(&a.name)),
        "versions": o! {"layer": LAYER, "navigator": NAVIGATOR},
        "domain": "atlas-atlas",
        "description": format!(
            "Exported from aixa (assessment {}, OWASP AI Exchange edition {}). Score: the risk level \
             (likelihood × impact, 1–25) of the threats linked to each technique, residual where \
             scored, else inherent; the highest where several threats share a technique.",
            plain(&a.id), catalog.edition),
        "techniques": techniques,
        "gradient": o! {"colors": ["#ffffff", "#ffe766", "#ff6666"], "minValue": 0, "maxValue": 25},
        "legendItems": J::Arr(Vec::new()),
        "metadata": [
            o! {"name": "generator", "value": "aixa"},
            o! {"name": "OWASP AI Exchange edition", "value": catalog.edition},
            o! {"name": "catalog", "value": catalog.title},
            // The source cites technique ids without naming an ATLAS
            // release: the version is that of the text that cites them.
            o! {"name": "ATLAS version", "value": format!(
                "as cited by the OWASP AI Exchange of {} (commit {}); the source names no ATLAS release",
                catalog.published, catalog.source_commit)},
            o! {"name": "assessment", "value": plain(&a.id)},
        ],
    })
}

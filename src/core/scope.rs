//! What the assessment covers and by which criteria it judges risk: the
//! first section of the record (ISO/IEC 42001 6.1.2–6.1.4, EU AI Act
//! Art. 9 and Annex IV expect both written down).

use super::assessment::{Assessment, Decision};
use super::risk::effective_score;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub users: String,
    /// The categories of data the system handles.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub data: String,
    /// Where the system assessed ends: what is in, what is out.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub boundary: String,
    /// The model and its version.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub model: String,
    /// Providers and their versions.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub providers: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assumptions: String,
    /// Who is accountable for the system's risk.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// The EU AI Act class the team decided: one of [`AI_ACT_CLASSES`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ai_act: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ai_act_rationale: String,
    /// Whether the transparency duties of Art. 50 apply: "yes", "no" or
    /// empty (not decided).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub transparency: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub transparency_rationale: String,
}

impl Scope {
    pub fn is_empty(&self) -> bool {
        *self == Scope::default()
    }
}

/// The EU AI Act classes a team may decide, as (value, label).
pub const AI_ACT_CLASSES: [(&str, &str); 6] = [
    ("prohibited", "Prohibited practice (Art. 5)"),
    ("high_risk", "High-risk (Art. 6, Annex III)"),
    ("limited", "Transparency obligations only (Art. 50)"),
    ("minimal", "Minimal risk"),
    ("gpai", "General-purpose AI model (Art. 51 on)"),
    ("out_of_scope", "Outside the Act"),
];

/// How risk is judged: what each likelihood and impact level means, and
/// the appetite.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criteria {
    /// The meaning of likelihood 1 to 5; empty entries (or none) fall back
    /// to [`LIKELIHOOD`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub likelihood: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub impact: Vec<String>,
    /// The highest risk level (likelihood × impact, 1–25) acceptable
    /// without escalation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appetite: Option<u8>,
}

impl Criteria {
    pub fn is_empty(&self) -> bool {
        *self == Criteria::default()
    }

    /// The words of level `n` (1–5) on a scale: the team's, else aixa's.
    pub fn word(&self, axis: Axis, n: u8) -> String {
        let (own, default) = match axis {
            Axis::Likelihood => (&self.likelihood, &LIKELIHOOD),
            Axis::Impact => (&self.impact, &IMPACT),
        };
        let i = usize::from(n.clamp(1, 5) - 1);
        match own.get(i).map(|s| s.trim()).filter(|s| !s.is_empty()) {
            Some(own) => own.to_string(),
            None => default[i].to_string(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    Likelihood,
    Impact,
}

/// aixa's scale words, until a team writes its own.
pub const LIKELIHOOD: [&str; 5] = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
pub const IMPACT: [&str; 5] = ["Negligible", "Minor", "Moderate", "Major", "Severe"];

/// The threats whose residual risk is accepted above the appetite: each
/// needs escalation. Empty when no appetite is set.
pub fn above_appetite(a: &Assessment) -> Vec<(usize, u8)> {
    let Some(appetite) = a.criteria.appetite else {
        return Vec::new();
    };
    let catalog = a.catalog();
    let selection = a.selection();
    catalog
        .threats
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            a.acceptance
                .get(t.id)
                .is_some_and(|x| x.decision == Decision::Accepted)
        })
        .filter_map(|(i, _)| {
            let s = effective_score(a, &selection, i).residual;
            let level = s.likelihood? * s.impact?;
            (level > appetite).then_some((i, level))
        })
        .collect()
}

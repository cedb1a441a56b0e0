//! The assessment as an OWASP Threat Model Library TM-BOM document
//! (v1.0.2), which OWASP Threat Dragon imports. What TM-BOM has no field
//! for goes under `extensions`, keyed `owaspai.org/aixa/…`, so that nothing
//! is lost silently. The mapping is in `docs/interop.md`.

use super::interop::{coverage_as_recorded, plain, ranking_score, symbolic, to_json};
use super::interop::{o, J};
use crate::core::assessment::{Assessment, Score};
use crate::core::catalog::QuestionKind;
use crate::core::dashboard::control_status;
use crate::core::digest::digest;
use crate::core::explain::{first_sentence, reasons};
use crate::core::risk::{band, effective_score};
use crate::core::scope::Axis;

pub const SCHEMA_URL: &str =
    "https://github.com/OWASP/www-project-threat-model-library/blob/v1.0.2/threat-model.schema.json";

/// TM-BOM's likelihood and impact words for aixa's 1–5.
const LIKELIHOOD: [&str; 5] = ["rare", "unlikely", "possible", "likely", "certain"];
const IMPACT: [&str; 5] = ["negligible", "minor", "moderate", "major", "severe"];

fn word(words: &[&'static str; 5], n: u8) -> &'static str {
    words[usize::from(n.clamp(1, 5) - 1)]
}

/// aixa's four bands onto TM-BOM's six: the same ranges, so `very_low` and
/// `very_high` are never used.
fn level(level: u8) -> &'static str {
    band(level).0
}

/// The threat personas: one per attack surface, as (surface, name, title,
/// access level).
fn persona(surface: &str) -> (&'static str, &'static str, &'static str) {
    match surface {
        "model_use" => ("model-user", "Attacker using the model", "user"),
        "engineering_environment" => (
            "insider",
            "Attacker in the engineering environment",
            "admin",
        ),
        "supply_chain" => ("supplier", "Attacker in the supply chain", "admin"),
        "deployed_model" => (
            "model-host",
            "Attacker with access to the deployed model",
            "admin",
        ),
        "all_it" => ("it-attacker", "Attacker on the system's IT", "user"),
        _ => ("attacker", "Attacker", "anonymous"),
    }
}

fn score_json(s: Score) -> J {
    match (s.likelihood, s.impact) {
        (Some(l), Some(i)) => o! {"likelihood": l, "impact": i, "level": l * i},
        _ => J::Null,
    }
}

/// The TM-BOM document of an assessment.
pub fn tmbom(a: &Assessment) -> String {
    let catalog = a.catalog();
    let sel = a.selection();
    let covered = coverage_as_recorded(a);
    let in_scope = crate::core::dashboard::in_scope(&sel);

    // Components: the options of the catalog's components question that an
    // in-scope threat lives in, in the question's order.
    let choices = catalog.questions.iter().find_map(|q| match q.kind {
        QuestionKind::Components(c) => Some(c),
        QuestionKind::YesNo => None,
    });
    let components: Vec<J> = choices
        .unwrap_or(&[])
        .iter()
        .filter(|c| {
            in_scope
                .iter()
                .any(|&t| catalog.threats[t].components.contains(&c.id))
        })
        .map(|c| {
            o! {"symbolic_name": symbolic(c.id), "title": c.label,
            "description": format!("{} (a component in the OWASP AI Exchange's terms)", c.label),
            "trust_zone": "ai-system"}
        })
        .collect();

    let mut personas: Vec<J> = Vec::new();
    let mut persona_names: Vec<&str> = Vec::new();
    let mut threats = Vec::new();
    let mut risks = Vec::new();
    let mut threat_ext = J::Obj(Vec::new());
    for &t in &in_scope {
        let th = &catalog.threats[t];
        let v = &sel.verdicts[t];
        let name = symbolic(th.id);
        let (p_name, p_title, access) = persona(th.attack_surface.first().copied().unwrap_or(""));
        if !persona_names.contains(&p_name) {
            persona_names.push(p_name);
            personas.push(o! {"symbolic_name": p_name, "title": p_title,
            "description": format!("{p_title} (from the OWASP AI Exchange's attack surface)"),
            "is_person": true, "skill_level": "engineer", "access_level": access,
            "malicious_intent": true, "applicability_to_org": "moderate"});
        }
        threats.push(o! {
            "symbolic_name": &name,
            "title": format!("{} {}", th.section, th.name),
            "description": th.description,
            "components_affected": th.components.iter().map(|c| symbolic(c)).collect::<Vec<_>>(),
            "threat_persona": p_name,
            "event": first_sentence(th.description).trim(),
            "sources": ["adversary"],
        });
        let score = effective_score(a, &sel, t);
        if let Some((s, residual)) = ranking_score(a, &sel, t) {
            let (l, i) = (s.likelihood.unwrap_or(1), s.impact.unwrap_or(1));
            risks.push(o! {
                "symbolic_name": format!("risk-{name}"),
                "title": format!("Risk of {}", th.name),
                "description": format!("{} risk of {} {}, as aixa scores it: likelihood × impact, each 1–5.",
                    if residual { "Residual" } else { "Inherent (no residual score yet)" }, th.section, th.name),
                "threats": [name],
                "likelihood": word(&LIKELIHOOD, l),
                "impact": word(&IMPACT, i),
                "impact_description": format!("{} Likelihood in the team's words: {}; impact: {}.",
                    th.impact, plain(&a.criteria.word(Axis::Likelihood, l)), plain(&a.criteria.word(Axis::Impact, i))),
                "score": l * i,
                "level": level(l * i),
            });
        }
        let cov = covered.iter().find(|c| c.threat == t);
        let mut ext = o! {
            "section": th.section,
            "verdict": v.effective().as_str(),
            "reasons": reasons(&sel, v).iter().map(|r| plain(r)).collect::<Vec<_>>(),
            "inherent": score_json(score.inherent),
            "residual": score_json(score.residual),
            "covered": cov.is_some_and(|c| c.covered.is_some()),
            "coverage": cov.map(|c| plain(&c.describe(a))),
            "party": cov.map(|c| c.party.as_str()),
            "atlas": th.atlas,
        };
        if let Some(o) = a.overrides.get(th.id) {
            ext.push(
                "override",
                o! {"include": o.include, "rationale": plain(&o.rationale)},
            );
        }
        if let Some(x) = a.treatment.get(th.id) {
            ext.push(
                "treatment",
                o! {"needed": x.needed, "choice": x.choice.map(|c| c.as_str()),
                "rationale": plain(&x.rationale)},
            );
        }
        threat_ext.push(th.id, ext);
    }

    let mut controls = Vec::new();
    let mut control_ext = J::Obj(Vec::new());
    for s in &sel.controls {
        let c = &catalog.controls[s.control];
        let plan = a.controls.get(c.id).cloned().unwrap_or_default();
        let status = control_status(a, c.id);
        let served: Vec<usize> = s
            .threats
            .iter()
            .copied()
            .filter(|t| in_scope.contains(t))
            .collect();
        // Its priority: the highest risk among the threats it serves.
        let top = served
            .iter()
            .filter_map(|&t| ranking_score(a, &sel, t).and_then(|(s, _)| s.level()))
            .max();
        controls.push(o! {
            "symbolic_name": symbolic(c.id),
            "title": c.name,
            "description": format!("OWASP AI Exchange #{}: {}", c.id, first_sentence(c.purpose).trim()),
            "threats": served.iter().map(|&t| symbolic(catalog.threats[t].id)).collect::<Vec<_>>(),
            "status": match status.as_str() {
                "planned" | "partly_implemented" => "scheduled",
                "implemented" => "active",
                "not_applicable" => "wont_do",
                _ => "suggested",
            },
            "priority": top.map_or("none", level),
        });
        control_ext.push(
            c.id,
            o! {
                "status": status.as_str(),
                "general": s.general,
                "rationale": plain(plan.reason()),
                "notes": plain(&plan.notes),
                "owner": plain(&plan.owner),
                "due": plain(&plan.due),
                "evidence": plan.evidence.iter().map(|e| plain(&e.plain())).collect::<Vec<_>>(),
            },
        );
    }

    let acceptances = J::Obj(a
        .acceptance
        .iter()
        .map(|(id, x)| {
            (
                id.clone(),
                o! {"decision": x.decision.as_str(), "approver": plain(&x.approver),
                "date": plain(&x.date), "rationale": plain(&x.rationale), "review": plain(&x.review),
                "evidence": x.evidence.iter().map(|e| plain(&e.plain())).collect::<Vec<_>>()},
            )
        })
        .collect());
    let excluded: Vec<&str> = sel
        .verdicts
        .iter()
        .filter(|v| !v.in_scope())
        .map(|v| catalog.threats[v.threat].id)
        .collect();
    let sc = &a.scope;
    let description = [
        &a.details.description,
        &sc.purpose,
        &a.details.scope,
        &sc.boundary,
    ]
    .iter()
    .map(|t| plain(t))
    .filter(|t| !t.is_empty())
    .collect::<Vec<_>>()
    .join(" ");

    let doc = o! {
        "$schema": SCHEMA_URL,
        "version": a.revision.max(1).to_string(),
        "scope": o! {
            "title": plain(&a.name),
            "description": format!("{description} (exported from aixa, OWASP AI Exchange edition {})", catalog.edition).trim(),
            // TM-BOM requires these and aixa does not ask for them: the
            // middle of each scale, the cautious side of exposure, and the
            // `owaspai.org/aixa/assessment` extension says so.
            "business_criticality": "moderate",
            "data_sensitivity": J::Arr(Vec::new()),
            "exposure": "external",
            "tier": "important",
        },
        "trust_zones": [o! {"symbolic_name": "ai-system", "title": "AI system",
            "description": "The system assessed; aixa records no trust zones."}],
        "trust_boundaries": J::Arr(Vec::new()),
        "actors": J::Arr(Vec::new()),
        "components": components,
        "data_stores": J::Arr(Vec::new()),
        "data_sets": J::Arr(Vec::new()),
        "data_flows": J::Arr(Vec::new()),
        "threat_personas": personas,
        "threats": threats,
        "controls": controls,
        "risks": risks,
        "extensions": o! {
            "owaspai.org/aixa/assessment": o! {
                "id": plain(&a.id),
                "name": plain(&a.name),
                "edition": catalog.edition,
                "catalog": catalog.title,
                "schema": a.schema,
                "tool": plain(&a.tool),
                "created": plain(&a.created),
                "updated": plain(&a.updated),
                "digest": digest(a),
                "not_assessed": ["scope.business_criticality", "scope.data_sensitivity",
                    "scope.exposure", "scope.tier", "threat_personas", "trust_zones"],
                "excluded_threats": excluded,
                "scope": o! {
                    "purpose": plain(&sc.purpose), "users": plain(&sc.users), "data": plain(&sc.data),
                    "boundary": plain(&sc.boundary), "model": plain(&sc.model), "providers": plain(&sc.providers),
                    "assumptions": plain(&sc.assumptions), "owner": plain(&sc.owner),
                    "ai_act": plain(&sc.ai_act), "ai_act_rationale": plain(&sc.ai_act_rationale),
                    "transparency": plain(&sc.transparency), "transparency_rationale": plain(&sc.transparency_rationale),
                },
                "criteria": o! {
                    "likelihood": (1..=5).map(|n| plain(&a.criteria.word(Axis::Likelihood, n))).collect::<Vec<_>>(),
                    "impact": (1..=5).map(|n| plain(&a.criteria.word(Axis::Impact, n))).collect::<Vec<_>>(),
                    "appetite": a.criteria.appetite,
                },
            },
            "owaspai.org/aixa/threats": threat_ext,
            "owaspai.org/aixa/controls": control_ext,
            "owaspai.org/aixa/acceptances": acceptances,
        },
    };
    to_json(&doc)
}

//! The reference assessments of the share-link issue, in one place so the
//! codec tests and the links benchmark measure exactly the same ones.
//!
//! Nothing here panics on what a file holds: the benchmark is no test, so the
//! fallible builders return errors and only the tests' wrappers panic.

use super::{catalog, Rng};
use aixa::core::assessment::{
    Acceptance, Assessment, Assurance, ControlPlan, ControlStatus, Decision, Party, Responsibility,
    RiskScore, Score, TreatChoice, Treatment, Verification,
};
use std::path::PathBuf;

/// The creation time of every reference assessment: it travels in the JSON
/// export, so it must stay fixed for the measured lengths to stay comparable.
pub const NOW: &str = "2027-01-02T03:04:05Z";

/// A new assessment, as the app starts one: the smallest link.
pub fn empty() -> Assessment {
    Assessment::new(catalog(), "e".into(), "New assessment".into(), NOW)
}

/// The RAG + LLM fixture, relative to the crate.
pub const FIXTURE: &str = "tests/fixtures/assessment-rag-llm.json";

pub fn fixture_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)
}

/// The RAG + LLM fixture, the reference with the most free text.
pub fn load_fixture() -> Result<Assessment, String> {
    let path = fixture_path();
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Assessment::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn fixture() -> Assessment {
    match load_fixture() {
        Ok(a) => a,
        Err(e) => panic!("the fixture loads: {e}"),
    }
}

pub fn threat_id(i: usize) -> String {
    catalog().threats[i].id.to_string()
}

pub fn control_id(i: usize) -> String {
    catalog().controls[i].id.to_string()
}

pub fn date(days_after_2026_01_01: u64) -> String {
    // Months of 2026 and 2027 are enough here.
    const LENGTHS: [u64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let (mut year, mut d) = (2026, days_after_2026_01_01 % 730);
    if d >= 365 {
        year += 1;
        d -= 365;
    }
    let mut month = 0;
    while d >= LENGTHS[month] {
        d -= LENGTHS[month];
        month += 1;
    }
    format!("{year}-{:02}-{:02}", month + 1, d + 1)
}

#[derive(Clone, Copy)]
pub enum Spread {
    Realistic,
    Random,
}

/// Every in-scope threat and selected control of the fixture's profile,
/// filled in completely, with no free text but the name. `spread` sets how
/// varied the dates are.
pub fn complete(rng: &mut Rng, spread: Spread) -> Assessment {
    match complete_from(&fixture(), rng, spread) {
        Ok(a) => a,
        Err(e) => panic!("the complete assessment is valid: {e}"),
    }
}

/// [`complete`] for the profile and name of `f`, which the caller loaded.
pub fn complete_from(f: &Assessment, rng: &mut Rng, spread: Spread) -> Result<Assessment, String> {
    // The profile's own edition; an edition with a treatment step has each
    // risk evaluated and treated too (its draws come after the others', so
    // 2024-01's figures stay as they were).
    let c = f.catalog();
    let treats = aixa::core::steps::Step::Treat.number_in(c).is_some();
    let mut a = Assessment::new(c, "complete".into(), f.name.clone(), NOW);
    a.answers = f.answers.clone();
    let selection = a.selection();
    let sign_off = 320;
    for v in selection.verdicts.iter().filter(|v| v.in_scope()) {
        let id = c.threats[v.threat].id.to_string();
        let (verified, accepted, review) = match spread {
            // Verified over two months, one sign-off, reviews at 6 or 12 months.
            Spread::Realistic => (
                date(260 + rng.below(60) as u64),
                date(sign_off),
                date(sign_off + rng.pick(&[182, 365])),
            ),
            Spread::Random => (
                date(rng.below(730) as u64),
                date(rng.below(730) as u64),
                date(rng.below(730) as u64),
            ),
        };
        let score = |rng: &mut Rng| Some(1 + rng.below(5) as u8);
        a.responsibility.insert(
            id.clone(),
            Responsibility {
                party: rng.pick(&Party::ALL),
                provider: String::new(),
            },
        );
        a.verification.insert(
            id.clone(),
            Verification {
                status: rng.pick(&Assurance::ALL),
                date: verified,
                ..Verification::default()
            },
        );
        a.risk.insert(
            id.clone(),
            RiskScore {
                inherent: Score {
                    likelihood: score(rng),
                    impact: score(rng),
                },
                residual: Score {
                    likelihood: score(rng),
                    impact: score(rng),
                },
            },
        );
        a.acceptance.insert(
            id.clone(),
            Acceptance {
                decision: rng.pick(&[Decision::Accepted, Decision::NotAccepted]),
                date: accepted,
                review,
                ..Acceptance::default()
            },
        );
        if treats {
            let needed = rng.chance(80);
            a.treatment.insert(
                id,
                Treatment {
                    needed: Some(needed),
                    choice: needed.then(|| rng.pick(&TreatChoice::ALL)),
                    rationale: String::new(),
                },
            );
        }
    }
    for s in &selection.controls {
        a.controls.insert(
            c.controls[s.control].id.to_string(),
            ControlPlan {
                status: rng.pick(&[
                    ControlStatus::NotDecided,
                    ControlStatus::Planned,
                    ControlStatus::Implemented,
                ]),
                ..ControlPlan::default()
            },
        );
    }
    a.validate().map_err(|e| e.to_string())?;
    Ok(a)
}

/// The seed and spread of the "complete without free text" figure,
/// which the 300-character budget test checks.
pub fn typical() -> (Rng, Spread) {
    (Rng(0x5eed), Spread::Realistic)
}

//! The report as facts: what the Markdown report and the printable HTML
//! report both render, so that the two can never say different things.
//!
//! Text here is plain (what the user typed, as typed); each renderer makes
//! it safe for its own format.

use crate::core::assessment::{Assessment, ControlStatus, Decision, Evidence, Party};
use crate::core::catalog::{QuestionKind, Ref};
use crate::core::coverage::{coverage, uncovered_first};
use crate::core::dashboard::{control_layout, control_status, figures, in_scope, Step};
use crate::core::date::Date;
use crate::core::digest::{digest, signoff_state, SignOffState};
use crate::core::engine::Verdict;
use crate::core::explain::reasons;
use crate::core::responsibility::{default_for, in_force};
use crate::core::risk::{effective_score, is_derived};

pub struct Report {
    pub name: String,
    pub catalog_title: &'static str,
    pub edition: &'static str,
    /// When the assessment last changed (ISO 8601), empty when unknown.
    pub updated: String,
    /// When this copy was made (ISO 8601), empty for an original.
    pub copied: String,
    /// When the record was first made (ISO 8601), kept through copies.
    pub created: String,
    /// The id of the record this one was copied from, empty for an original.
    pub origin: String,
    /// `sha256:<hex>` of the record: what an auditor checks the file
    /// against with `aixa verify` (see `docs/digest.md`).
    pub digest: String,
    /// The aixa that last wrote the record, or "not recorded" for a file
    /// from before it was kept: never the version printing the report,
    /// which may not be the one that made the decisions.
    pub tool: String,
    /// The AI Exchange commit the edition's catalog was taken from.
    pub catalog_commit: &'static str,
    pub signoff: Option<SignOffBlock>,
    /// What still needs someone, for the report's open-items page.
    pub open: OpenItems,
    /// What is assessed, by whom: (label, text) for each one given.
    pub details: Vec<(&'static str, String)>,
    /// The day the report is made, for "reviews due".
    pub today: String,
    pub threats_total: usize,
    pub progress: Vec<ProgressRow>,
    pub profile: Vec<ProfileRow>,
    pub threats: Vec<ThreatRow>,
    pub named_controls: Vec<NamedControl>,
    /// In-scope threats only, from here on.
    pub responsibility: Vec<ResponsibilityRow>,
    pub controls: Vec<(String, Vec<ControlRow>)>,
    /// Selected controls whose standards cover them only in part.
    pub partial_standards: Vec<(&'static str, Vec<String>)>,
    pub risk: Vec<RiskRow>,
    pub open_acceptances: Vec<&'static str>,
    pub reviews_due: Vec<&'static str>,
    pub accepted: usize,
    pub guidelines: Vec<GuidelineRow>,
    /// Uncovered first (see [`crate::core::coverage`]).
    pub coverage: Vec<CoverageRow>,
    /// Empty for an edition without a treatment step.
    pub treatment: Vec<TreatRow>,
    /// The edition's own text.
    pub source_url: String,
}

/// The sign-off as the report's cover states it.
pub struct SignOffBlock {
    pub by: String,
    pub role: String,
    pub date: String,
    pub scope_version: String,
    pub statement: String,
    /// The digest the signer signed.
    pub digest: String,
    /// The record is still the one signed (its digest is unchanged).
    pub current: bool,
}

impl SignOffBlock {
    pub fn state(&self) -> &'static str {
        if self.current {
            "signed off"
        } else {
            "changed since sign-off"
        }
    }

    /// Who signed what, as the cover lists it.
    pub fn facts(&self) -> Vec<Fact> {
        let by = if self.role.trim().is_empty() {
            self.by.clone()
        } else {
            format!("{} ({})", self.by, self.role)
        };
        vec![
            ("", "Signed by", by),
            ("", "Date", dash(&self.date)),
            ("", "Scope version", dash(&self.scope_version)),
            ("", "Statement", dash(&self.statement)),
            ("", "Digest signed", self.digest.clone()),
        ]
    }
}

/// Text as given, or "–" when there is none.
fn dash(s: &str) -> String {
    joined(&[s])
}

/// One open item: a threat or a control, by section, and what is open.
pub struct OpenItem {
    pub section: &'static str,
    /// The threat's name, or the control's id and name.
    pub name: String,
    pub detail: String,
}

/// Everything still open on the report's day, each list in catalog order
/// (as the dashboard and `aixa check` compute it).
pub struct OpenItems {
    /// Reviews of a residual-risk decision due by the report's day: the
    /// review date.
    pub reviews_due: Vec<OpenItem>,
    /// Threats not ours alone whose assurance is not verified: its status
    /// (not obtainable and evidence not yet checked stay open too).
    pub verifications: Vec<OpenItem>,
    /// Residual risks whose acceptance was refused: by whom, when, why.
    pub refused: Vec<OpenItem>,
    /// Selected controls not done whose due date has passed.
    pub overdue_controls: Vec<OpenItem>,
    /// Selected controls with no decision, of all selected.
    pub undecided_controls: usize,
    pub selected_controls: usize,
    /// Threats in scope the coverage rule finds uncovered: every rule failed.
    pub uncovered: Vec<OpenItem>,
}

/// One line of the cover: a key a page can find it by (empty for none),
/// its label and its value.
pub type Fact = (&'static str, &'static str, String);

/// Non-empty parts joined with ", ", or "–" when all are empty.
fn joined(parts: &[&str]) -> String {
    let kept: Vec<&str> = parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    if kept.is_empty() {
        "–".into()
    } else {
        kept.join(", ")
    }
}

pub struct ProgressRow {
    pub step: Step,
    pub number: usize,
    pub label: &'static str,
    pub done: usize,
    pub total: usize,
}

pub struct ProfileRow {
    pub question: &'static str,
    /// "yes", "no", "unknown", the components, or "not asked".
    pub answer: String,
    /// Why a dependent question was never asked: its parent's "no", such as
    /// "you don't train or fine-tune the model".
    pub not_asked_because: Option<&'static str>,
}

pub struct ThreatRow {
    pub section: &'static str,
    pub name: &'static str,
    pub verdict: Verdict,
    pub in_scope: bool,
    /// "Included by override: <rationale>" where the user departed from the rules.
    pub override_note: Option<String>,
    pub why: String,
}

/// A control the source names for an in-scope threat without an id.
pub struct NamedControl {
    pub section: &'static str,
    pub threat: &'static str,
    pub name: &'static str,
    pub note: &'static str,
    pub references: Vec<String>,
}

pub struct ResponsibilityRow {
    pub section: &'static str,
    pub threat: &'static str,
    pub party: &'static str,
    /// Why the default holds; `None` once the user changed it.
    pub default_why: Option<String>,
    pub provider: String,
    /// `None` for a threat that is ours alone: nothing to verify.
    pub assurance: Option<&'static str>,
    pub evidence: String,
    pub date: String,
}

pub struct ControlRow {
    /// Where the catalog defines the control, such as "2.1".
    pub section: &'static str,
    pub id: &'static str,
    pub name: &'static str,
    pub status: &'static str,
    pub owner: String,
    pub due: String,
    pub notes: String,
    pub evidence: Vec<Evidence>,
}

pub struct RiskRow {
    pub section: &'static str,
    pub threat: &'static str,
    pub inherent: String,
    pub residual: String,
    pub decision: &'static str,
    pub approver: String,
    pub date: String,
    pub review: String,
    pub rationale: String,
    pub evidence: Vec<Evidence>,
}

/// One threat in scope, evaluated and treated (editions with those steps).
pub struct TreatRow {
    pub section: &'static str,
    pub threat: &'static str,
    pub need: &'static str,
    pub choice: &'static str,
    pub rationale: String,
}

/// One threat in scope as the coverage rule judges it.
pub struct CoverageRow {
    pub section: &'static str,
    pub threat: &'static str,
    pub party: &'static str,
    pub covered: bool,
    /// What covers it, or every rule it fails.
    pub why: String,
}

pub struct GuidelineRow {
    pub section: &'static str,
    pub text: &'static str,
    pub implemented: usize,
    pub total: usize,
    pub coverage: &'static str,
    /// The source maps it to only part of its controls.
    pub partial: bool,
    /// Principles of the UK DSIT Code of Practice it maps to.
    pub dsit: &'static [u32],
}

impl GuidelineRow {
    /// " (DSIT Code of Practice principles 12, 9)", or nothing for a
    /// guideline the edition maps to none.
    pub fn dsit_note(&self) -> String {
        dsit_note(self.dsit)
    }
}

/// How reports and pages name a guideline's DSIT principles: " (DSIT Code
/// of Practice principle 1)", empty for none.
pub fn dsit_note(dsit: &[u32]) -> String {
    let numbers: Vec<String> = dsit.iter().map(u32::to_string).collect();
    match numbers.len() {
        0 => String::new(),
        1 => format!(" (DSIT Code of Practice principle {})", numbers[0]),
        _ => format!(" (DSIT Code of Practice principles {})", numbers.join(", ")),
    }
}

/// A reference with its standard's name, such as "ISO/IEC 27002 5.37
/// (covers minimally)".
fn described(label: &str, r: &Ref) -> String {
    if label.is_empty() {
        r.describe()
    } else {
        format!("{label} {}", r.describe())
    }
}

pub fn build(a: &Assessment, today: &str) -> Report {
    let catalog = a.catalog();
    let sel = a.selection();
    let scope = in_scope(&sel);
    let f = figures(a, today);
    let effective = a.answers.effective(catalog);
    let name_of = |t: usize| catalog.threats[t].name;

    let profile = catalog
        .questions
        .iter()
        .enumerate()
        .map(|(qi, q)| {
            // A dependent question whose parent is "no" was never put to the
            // user: its "no" is the parent's, not an answer.
            let (value, decided_by) = effective[qi];
            if decided_by != qi {
                return ProfileRow {
                    question: q.text,
                    answer: "not asked".into(),
                    not_asked_because: Some(catalog.questions[decided_by].no),
                };
            }
            let answer = match q.kind {
                QuestionKind::YesNo => value.as_str().to_string(),
                QuestionKind::Components(_) => {
                    let c = a.answers.components(q.id);
                    if c.is_empty() {
                        "none".into()
                    } else {
                        c.join(", ")
                    }
                }
            };
            ProfileRow {
                question: q.text,
                answer,
                not_asked_because: None,
            }
        })
        .collect();

    let threats = sel
        .verdicts
        .iter()
        .map(|v| {
            let t = &catalog.threats[v.threat];
            let override_note = v.manual.and_then(|include| {
                a.overrides.get(t.id).map(|o| {
                    let what = if include { "Included" } else { "Excluded" };
                    format!("{what} by override: {}", o.rationale)
                })
            });
            ThreatRow {
                section: t.section,
                name: t.name,
                verdict: v.effective(),
                in_scope: v.in_scope(),
                override_note,
                why: reasons(&sel, v).join(" "),
            }
        })
        .collect();

    let named_controls = scope
        .iter()
        .map(|&t| &catalog.threats[t])
        .flat_map(|t| {
            t.other_controls.iter().map(move |o| NamedControl {
                section: t.section,
                threat: t.name,
                name: o.name,
                note: o.note,
                references: o
                    .opencre
                    .iter()
                    .map(|r| described("OpenCRE", r))
                    .chain(o.iso27002.iter().map(|r| described("ISO/IEC 27002", r)))
                    .chain(o.references.iter().map(|r| described("", r)))
                    .collect(),
            })
        })
        .collect();

    let responsibility = scope
        .iter()
        .map(|&t| {
            let threat = &catalog.threats[t];
            let (r, is_default) = in_force(a, t);
            let ver = a.verification.get(threat.id).cloned().unwrap_or_default();
            let evidence: Vec<&str> = [ver.note.as_str(), ver.link.as_str()]
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .collect();
            ResponsibilityRow {
                section: threat.section,
                threat: threat.name,
                party: r.party.label(),
                default_why: is_default.then(|| default_for(catalog, &a.answers, t).why),
                provider: r.provider,
                assurance: (r.party != Party::Us).then(|| ver.status.label()),
                evidence: evidence.join(" "),
                date: ver.date,
            }
        })
        .collect();

    let controls = control_layout(&sel)
        .into_iter()
        .map(|(heading, list)| {
            let rows = list
                .into_iter()
                .map(|c| {
                    let control = &catalog.controls[c];
                    let plan = a.controls.get(control.id).cloned().unwrap_or_default();
                    ControlRow {
                        section: control.section,
                        id: control.id,
                        name: control.name,
                        status: control_status(a, control.id).label(),
                        notes: plan.note_line(),
                        owner: plan.owner,
                        due: plan.due,
                        evidence: plan.evidence,
                    }
                })
                .collect();
            (heading, rows)
        })
        .collect();

    let partial_standards = sel
        .controls
        .iter()
        .map(|sc| &catalog.controls[sc.control])
        .filter_map(|c| {
            let lists = [
                ("ISO/IEC 27002", c.iso27002),
                ("ISO/IEC 42001", c.iso42001),
                ("OpenCRE", c.opencre),
                ("", c.references),
            ];
            let qualified: Vec<String> = lists
                .iter()
                .flat_map(|(label, refs)| {
                    refs.iter()
                        .filter(|r| r.gap.is_some())
                        .map(|r| described(label, r))
                })
                .collect();
            (!qualified.is_empty()).then_some((c.id, qualified))
        })
        .collect();

    let risk = scope
        .iter()
        .map(|&t| {
            let threat = &catalog.threats[t];
            // A parent's own stored score is ignored: it reads its
            // children's highest, and says so.
            let r = effective_score(a, &sel, t);
            let derived = is_derived(&sel, t);
            let describe = |s: crate::core::assessment::Score| match s.level() {
                Some(_) if derived => format!("{} (highest of its sub-threats)", s.describe()),
                _ => s.describe(),
            };
            let acc = a.acceptance.get(threat.id).cloned().unwrap_or_default();
            RiskRow {
                section: threat.section,
                threat: threat.name,
                inherent: describe(r.inherent),
                residual: describe(r.residual),
                decision: acc.decision.label(),
                approver: acc.approver,
                date: acc.date,
                review: acc.review,
                rationale: acc.rationale,
                evidence: acc.evidence,
            }
        })
        .collect();

    let judged = uncovered_first(coverage(a, Date::parse(today).unwrap_or(Date::MIN)));
    let threat_item = |t: usize, detail: String| OpenItem {
        section: catalog.threats[t].section,
        name: catalog.threats[t].name.to_string(),
        detail,
    };
    let acceptance = |t: usize| a.acceptance.get(catalog.threats[t].id);
    let open = OpenItems {
        reviews_due: f
            .reviews_due
            .iter()
            .map(|&t| {
                threat_item(
                    t,
                    acceptance(t).map(|x| x.review.clone()).unwrap_or_default(),
                )
            })
            .collect(),
        verifications: f
            .open_verifications
            .iter()
            .map(|&t| {
                let status = a.assurance(catalog.threats[t].id);
                threat_item(t, status.label().to_string())
            })
            .collect(),
        refused: scope
            .iter()
            .filter_map(|&t| {
                let x = acceptance(t).filter(|x| x.decision == Decision::NotAccepted)?;
                Some(threat_item(
                    t,
                    joined(&[&x.approver, &x.date, &x.rationale]),
                ))
            })
            .collect(),
        overdue_controls: f
            .overdue_controls
            .iter()
            .map(|&c| {
                let control = &catalog.controls[c];
                OpenItem {
                    section: control.section,
                    name: format!("{} {}", control.id, control.name),
                    detail: a
                        .controls
                        .get(control.id)
                        .map(|p| p.due.clone())
                        .unwrap_or_default(),
                }
            })
            .collect(),
        undecided_controls: f
            .controls_by_status
            .iter()
            .filter(|(status, _)| *status == ControlStatus::NotDecided)
            .map(|(_, n)| n)
            .sum(),
        selected_controls: sel.controls.len(),
        uncovered: judged
            .iter()
            .filter(|c| c.covered.is_none())
            .map(|c| threat_item(c.threat, c.describe(a)))
            .collect(),
    };

    let accepted = scope
        .iter()
        .filter(|&&t| {
            a.acceptance
                .get(catalog.threats[t].id)
                .is_some_and(|x| x.decision == Decision::Accepted)
        })
        .count();

    Report {
        name: a.name.clone(),
        catalog_title: catalog.title,
        edition: catalog.edition,
        updated: a.updated.clone(),
        copied: a.copied.clone(),
        created: a.created.clone(),
        origin: a.origin.clone(),
        digest: digest(a),
        tool: if a.tool.trim().is_empty() {
            "not recorded".into()
        } else {
            a.tool.clone()
        },
        catalog_commit: catalog.source_commit,
        signoff: a.signoff.as_ref().map(|s| SignOffBlock {
            by: s.by.clone(),
            role: s.role.clone(),
            date: s.date.clone(),
            scope_version: s.scope_version.clone(),
            statement: s.statement.clone(),
            digest: s.digest.clone(),
            current: signoff_state(a) == SignOffState::Current,
        }),
        open,
        details: [
            ("System", &a.details.description),
            ("Scope", &a.details.scope),
            ("Assessor", &a.details.assessor),
            ("Version assessed", &a.details.version),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k, v.clone()))
        .collect(),
        today: today.to_string(),
        threats_total: catalog.threats.len(),
        progress: f
            .progress
            .iter()
            .map(|p| ProgressRow {
                step: p.step,
                number: p.number,
                label: p.label,
                done: p.done,
                total: p.total,
            })
            .collect(),
        profile,
        threats,
        named_controls,
        responsibility,
        controls,
        partial_standards,
        risk,
        open_acceptances: f.open_acceptances.iter().map(|&t| name_of(t)).collect(),
        reviews_due: f.reviews_due.iter().map(|&t| name_of(t)).collect(),
        accepted,
        guidelines: f
            .guidelines
            .iter()
            .map(|gf| {
                let g = &catalog.guidelines[gf.guideline];
                GuidelineRow {
                    section: g.section,
                    text: g.text,
                    implemented: gf.implemented,
                    total: gf.total,
                    coverage: gf.coverage.label(),
                    partial: g.partial,
                    dsit: g.dsit,
                }
            })
            .collect(),
        source_url: catalog.source_url(catalog.overview),
        treatment: if Step::Treat.number_in(catalog).is_some() {
            scope
                .iter()
                .map(|&t| {
                    let threat = &catalog.threats[t];
                    let x = a.treatment.get(threat.id).cloned().unwrap_or_default();
                    TreatRow {
                        section: threat.section,
                        threat: threat.name,
                        need: match x.needed {
                            Some(true) => "needs treatment",
                            Some(false) => "applies in theory only",
                            None => "not decided",
                        },
                        choice: x.choice.map_or("–", |c| c.label()),
                        rationale: x.rationale,
                    }
                })
                .collect()
        } else {
            Vec::new()
        },
        coverage: judged
            .into_iter()
            .map(|c| {
                let t = &catalog.threats[c.threat];
                CoverageRow {
                    section: t.section,
                    threat: t.name,
                    party: c.party.label(),
                    covered: c.covered.is_some(),
                    why: c.describe(a),
                }
            })
            .collect(),
    }
}

impl Report {
    /// How many threats are in scope.
    pub fn in_scope(&self) -> usize {
        self.risk.len()
    }

    /// The cover's identifying data, in order: what the record is, when it
    /// was made and changed, where a copy came from, what it is about, and
    /// what identifies its content (digest, tool, catalog commit).
    pub fn cover(&self) -> Vec<Fact> {
        let mut facts: Vec<Fact> = vec![
            (
                "",
                "Catalog",
                format!("{} (edition {})", self.catalog_title, self.edition),
            ),
            ("created", "Created", dash(&self.created)),
            ("updated", "Last changed", dash(&self.updated)),
        ];
        if !self.copied.is_empty() {
            facts.push(("copied", "This copy made", self.copied.clone()));
        }
        if !self.origin.is_empty() {
            facts.push(("origin", "Copied from record", self.origin.clone()));
        }
        facts.extend(self.details.iter().map(|(k, v)| ("", *k, v.clone())));
        facts.extend([
            ("digest", "Digest", self.digest.clone()),
            ("tool", "Written by", self.tool.clone()),
            ("commit", "Catalog commit", self.catalog_commit.to_string()),
            ("", "Printed", self.today.clone()),
            (
                "",
                "Threats in scope",
                format!("{} of {}", self.in_scope(), self.threats_total),
            ),
        ]);
        facts
    }
}

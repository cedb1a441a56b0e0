//! Answers → a verdict for every threat, with the answers that decided it.
//!
//! Rules are evaluated in Kleene's three-valued logic, so an unanswered
//! question yields "unknown" exactly where it could change the outcome, and an
//! unknown threat stays in scope (fail safe).

use super::answers::{Answers, Tri};
use super::catalog::{Catalog, Expr, Rule, Scope};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    Applicable,
    NotApplicable,
    Unknown,
}

impl Verdict {
    fn from_tri(t: Tri) -> Verdict {
        match t {
            Tri::Yes => Verdict::Applicable,
            Tri::No => Verdict::NotApplicable,
            Tri::Unknown => Verdict::Unknown,
        }
    }

    /// The stable name used in the CLI's JSON and in `data-verdict`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Applicable => "applicable",
            Verdict::NotApplicable => "not_applicable",
            Verdict::Unknown => "unknown",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Applicable => "Applicable",
            Verdict::NotApplicable => "Not applicable",
            Verdict::Unknown => "Unknown",
        }
    }

    /// Whether the threat stays in scope: unknown ones do, to fail safe.
    pub fn in_scope(self) -> bool {
        self != Verdict::NotApplicable
    }
}

/// One answer that decided a verdict: question index and its effective value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fact {
    pub question: usize,
    pub value: Tri,
}

/// What a verdict rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The rule is "always".
    Always,
    /// These answers decided it (for "unknown": the open questions that matter).
    Answers(Vec<Fact>),
    /// A group: these child threats decided it.
    Children(Vec<usize>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreatVerdict {
    pub threat: usize,
    pub verdict: Verdict,
    pub basis: Basis,
    /// The user's override: `Some(true)` includes a threat the rules leave
    /// out, `Some(false)` excludes one they keep. `None` when the rules stand.
    pub manual: Option<bool>,
}

impl ThreatVerdict {
    /// Whether the threat is in scope, after any override.
    pub fn in_scope(&self) -> bool {
        self.manual.unwrap_or(self.verdict.in_scope())
    }

    /// The verdict that holds once the user's override is applied: what
    /// every badge, mark and count shows, with the override shown beside it.
    /// `verdict` stays the rules' own.
    pub fn effective(&self) -> Verdict {
        match self.manual {
            Some(true) => Verdict::Applicable,
            Some(false) => Verdict::NotApplicable,
            None => self.verdict,
        }
    }
}

/// A control chosen for the threats in scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectedControl {
    pub control: usize,
    /// The in-scope threats it serves, in catalog order.
    pub threats: Vec<usize>,
    /// A general control, which serves every threat.
    pub general: bool,
}

/// The verdicts for every threat of a catalog, in catalog order, and the
/// controls they call for, in catalog order.
#[derive(Clone, Debug)]
pub struct Selection {
    pub catalog: &'static Catalog,
    pub verdicts: Vec<ThreatVerdict>,
    pub controls: Vec<SelectedControl>,
    /// Whether development-time controls are selected: "no" only when the
    /// answers rule them out (the seed: you neither train nor use RAG).
    pub development_controls: Tri,
}

impl PartialEq for Selection {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.catalog, other.catalog)
            && self.verdicts == other.verdicts
            && self.controls == other.controls
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub applicable: usize,
    pub not_applicable: usize,
    pub unknown: usize,
}

impl Selection {
    /// Effective verdicts counted: an excluded threat counts as not
    /// applicable, an included one as applicable, so that applicable plus
    /// unknown is exactly what is in scope.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for v in &self.verdicts {
            match v.effective() {
                Verdict::Applicable => c.applicable += 1,
                Verdict::NotApplicable => c.not_applicable += 1,
                Verdict::Unknown => c.unknown += 1,
            }
        }
        c
    }

    pub fn verdict_of(&self, id: &str) -> Option<&ThreatVerdict> {
        let (i, _) = self.catalog.threat(id)?;
        self.verdicts.get(i)
    }
}

/// Decides every threat of `catalog` for `answers`.
pub fn select(catalog: &'static Catalog, answers: &Answers) -> Selection {
    select_with(catalog, answers, &[])
}

/// Like [`select`], with the user's overrides: `overrides[i]` is
/// `Some(include)` for threat `i`. An override that agrees with the rules is
/// ignored, so only real departures show as overrides.
pub fn select_with(
    catalog: &'static Catalog,
    answers: &Answers,
    overrides: &[Option<bool>],
) -> Selection {
    let effective = answers.effective(catalog);
    let n = catalog.threats.len();
    let mut verdicts: Vec<Option<ThreatVerdict>> = vec![None; n];
    // One pass for every threat's children: asking the catalog per group
    // would scan all threats for each group, quadratic in the catalog's size.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, t) in catalog.threats.iter().enumerate() {
        if let Some(p) = t.parent {
            children[p].push(i);
        }
    }

    // Children always follow their parent in the catalog, so walking it
    // backwards decides every child before its group.
    for i in (0..n).rev() {
        let threat = &catalog.threats[i];
        let decided = match &threat.rule {
            Rule::Always => ThreatVerdict {
                threat: i,
                verdict: Verdict::Applicable,
                basis: Basis::Always,
                manual: None,
            },
            Rule::When(expr) => {
                let (value, facts) = eval(expr, &effective);
                ThreatVerdict {
                    threat: i,
                    verdict: Verdict::from_tri(value),
                    basis: Basis::Answers(dedup(facts)),
                    manual: None,
                }
            }
            Rule::AnyChild => {
                let children: Vec<(usize, Verdict)> = children[i]
                    .iter()
                    .map(|&c| {
                        (
                            c,
                            verdicts[c].as_ref().map_or(Verdict::Unknown, |v| v.verdict),
                        )
                    })
                    .collect();
                let pick = |want: Verdict| -> Vec<usize> {
                    children
                        .iter()
                        .filter(|(_, v)| *v == want)
                        .map(|(c, _)| *c)
                        .collect()
                };
                let applicable = pick(Verdict::Applicable);
                let unknown = pick(Verdict::Unknown);
                let (verdict, basis) = if !applicable.is_empty() {
                    (Verdict::Applicable, applicable)
                } else if !unknown.is_empty() {
                    (Verdict::Unknown, unknown)
                } else {
                    (
                        Verdict::NotApplicable,
                        children.iter().map(|(c, _)| *c).collect(),
                    )
                };
                ThreatVerdict {
                    threat: i,
                    verdict,
                    basis: Basis::Children(basis),
                    manual: None,
                }
            }
        };
        verdicts[i] = Some(decided);
    }

    let mut verdicts: Vec<ThreatVerdict> = verdicts.into_iter().flatten().collect();
    for v in &mut verdicts {
        v.manual = overrides
            .get(v.threat)
            .copied()
            .flatten()
            .filter(|include| *include != v.verdict.in_scope());
    }
    let development_controls = catalog
        .development_controls_when
        .as_ref()
        .map_or(Tri::Yes, |rule| eval(rule, &effective).0);
    let controls = select_controls(catalog, &verdicts, development_controls);
    Selection {
        catalog,
        verdicts,
        controls,
        development_controls,
    }
}

/// The general controls, plus the group controls of each in-scope threat's
/// branch, plus each in-scope threat's own controls; development-time
/// controls only while `development` is not "no" (bar the kept ones).
fn select_controls(
    catalog: &Catalog,
    verdicts: &[ThreatVerdict],
    development: Tri,
) -> Vec<SelectedControl> {
    let in_scope: Vec<usize> = verdicts
        .iter()
        .filter(|v| v.in_scope())
        .map(|v| v.threat)
        .collect();
    let mut served: Vec<Option<SelectedControl>> = vec![None; catalog.controls.len()];
    let mut serve = |control: usize, threat: Option<usize>| {
        let entry = served[control].get_or_insert_with(|| SelectedControl {
            control,
            threats: Vec::new(),
            general: false,
        });
        // Duplicates go at the end, with a sort: checking each insertion
        // would be quadratic in the threats a control serves.
        match threat {
            None => entry.general = true,
            Some(t) => entry.threats.push(t),
        }
    };

    for group in catalog.groups {
        let branch: Vec<usize> = match group.scope {
            Scope::All => Vec::new(),
            Scope::Use | Scope::Development => in_scope
                .iter()
                .copied()
                .filter(|&t| group.serves(&catalog.threats[t]))
                .collect(),
        };
        for &control in group.controls {
            if group.scope == Scope::All {
                serve(control, None);
            }
            // A threat's `minus` takes a group control away from it.
            for &t in branch
                .iter()
                .filter(|&&t| !catalog.threats[t].minus.contains(&control))
            {
                serve(control, Some(t));
            }
        }
    }
    for &t in &in_scope {
        for &control in catalog.threats[t].controls {
            serve(control, Some(t));
        }
    }

    served
        .into_iter()
        .flatten()
        .filter(|s| {
            development != Tri::No
                || catalog.controls[s.control].lifecycle != "development"
                || catalog.development_controls_kept.contains(&s.control)
        })
        .map(|mut s| {
            if s.general {
                s.threats = in_scope.clone();
            } else {
                crate::core::order::sort(&mut s.threats);
                s.threats.dedup();
            }
            s
        })
        .collect()
}

/// Evaluates a catalog expression for `answers`, with the facts that
/// decided it.
pub fn eval_expr(expr: &Expr, catalog: &Catalog, answers: &Answers) -> (Tri, Vec<Fact>) {
    let (value, facts) = eval(expr, &answers.effective(catalog));
    (value, dedup(facts))
}

/// Kleene evaluation that also returns the facts that decided the value:
/// for a conjunction that fails, its failing parts; for a disjunction that
/// holds, its holding parts; for "unknown", the unknown parts that matter.
fn eval(expr: &Expr, effective: &[(Tri, usize)]) -> (Tri, Vec<Fact>) {
    match expr {
        Expr::Question(q) => {
            let (value, source) = effective[*q];
            (
                value,
                vec![Fact {
                    question: source,
                    value,
                }],
            )
        }
        Expr::Not(inner) => {
            let (value, facts) = eval(inner, effective);
            (value.negate(), facts)
        }
        Expr::All(items) => combine(items, effective, Tri::No),
        Expr::Any(items) => combine(items, effective, Tri::Yes),
    }
}

/// `All` is decided by any `No` part, `Any` by any `Yes` part.
fn combine(items: &[Expr], effective: &[(Tri, usize)], decisive: Tri) -> (Tri, Vec<Fact>) {
    let results: Vec<(Tri, Vec<Fact>)> = items.iter().map(|e| eval(e, effective)).collect();
    let gather = |want: Option<Tri>| -> Vec<Fact> {
        results
            .iter()
            .filter(|(v, _)| want.is_none_or(|w| *v == w))
            .flat_map(|(_, f)| f.iter().copied())
            .collect()
    };
    if results.iter().any(|(v, _)| *v == decisive) {
        (decisive, gather(Some(decisive)))
    } else if results.iter().any(|(v, _)| *v == Tri::Unknown) {
        (Tri::Unknown, gather(Some(Tri::Unknown)))
    } else {
        (decisive.negate(), gather(None))
    }
}

fn dedup(facts: Vec<Fact>) -> Vec<Fact> {
    let mut out: Vec<Fact> = Vec::with_capacity(facts.len());
    for f in facts {
        if !out.iter().any(|o| o.question == f.question) {
            out.push(f);
        }
    }
    out
}

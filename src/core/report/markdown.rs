//! The assessment as a Markdown report, for design reviews and audits.

use super::md_escape as esc;
use crate::core::assessment::{Assessment, Decision};
use crate::core::dashboard::{control_layout, control_status, figures, in_scope};
use crate::core::explain::reasons;
use crate::core::responsibility::{default_for, in_force};
use std::fmt::Write as _;

/// The edition's overview, the entry to its text.
const OVERVIEW: &str = "_index.md";

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "–".into()
    } else {
        esc(s)
    }
}

pub fn markdown(a: &Assessment, today: &str) -> String {
    let catalog = a.catalog();
    let sel = a.selection();
    let scope = in_scope(&sel);
    let f = figures(a, today);
    let mut out = String::new();
    let w = &mut out;

    let _ = writeln!(w, "# AI security assessment: {}\n", esc(&a.name));
    let _ = writeln!(
        w,
        "Catalog: {} (edition {}). Last changed: {}. Made with aixa.\n",
        catalog.title,
        catalog.edition,
        if a.updated.is_empty() {
            "unknown"
        } else {
            &a.updated
        }
    );

    let _ = writeln!(w, "## Progress\n");
    for p in &f.progress {
        let _ = writeln!(
            w,
            "- {}. {}: {} of {}",
            p.step.number(),
            p.step.label(),
            p.done,
            p.total
        );
    }

    let _ = writeln!(w, "\n## 1. System profile\n");
    let effective = a.answers.effective(catalog);
    for (qi, q) in catalog.questions.iter().enumerate() {
        let answer = match q.kind {
            crate::core::catalog::QuestionKind::YesNo => effective[qi].0.as_str().to_string(),
            crate::core::catalog::QuestionKind::Components(_) => {
                let c = a.answers.components(q.id);
                if c.is_empty() {
                    "none".into()
                } else {
                    c.join(", ")
                }
            }
        };
        let _ = writeln!(w, "- {} **{}**", q.text, answer);
    }

    let _ = writeln!(w, "\n## Threats\n");
    let _ = writeln!(w, "| § | Threat | Verdict | In scope | Why |");
    let _ = writeln!(w, "| --- | --- | --- | --- | --- |");
    for v in &sel.verdicts {
        let t = &catalog.threats[v.threat];
        let mut why = reasons(&sel, v).join(" ");
        if let (Some(include), Some(o)) = (v.manual, a.overrides.get(t.id)) {
            let what = if include { "Included" } else { "Excluded" };
            why = format!("{what} by override: {} ({why})", o.rationale);
        }
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} |",
            t.section,
            t.name,
            v.verdict.label(),
            if v.in_scope() { "yes" } else { "no" },
            esc(&why)
        );
    }

    let named: Vec<String> = sel
        .verdicts
        .iter()
        .filter(|v| v.in_scope())
        .map(|v| &catalog.threats[v.threat])
        .flat_map(|t| {
            t.other_controls.iter().map(move |o| {
                let refs: Vec<String> = o
                    .opencre
                    .iter()
                    .map(|r| format!("OpenCRE {}", r.describe()))
                    .chain(
                        o.iso27002
                            .iter()
                            .map(|r| format!("ISO/IEC 27002 {}", r.describe())),
                    )
                    .chain(o.references.iter().map(|r| r.describe()))
                    .collect();
                let refs = if refs.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", refs.join("; "))
                };
                format!("- {} {}: {}: {}{refs}", t.section, t.name, o.name, o.note)
            })
        })
        .collect();
    if !named.is_empty() {
        let _ = writeln!(w, "\nControls the source names without an id:\n");
        for line in named {
            let _ = writeln!(w, "{line}");
        }
    }

    let _ = writeln!(w, "\n## 2–3. Responsibility and verification\n");
    let _ = writeln!(
        w,
        "| Threat | Responsible | Provider | Default? | Assurance | Evidence | Date |"
    );
    let _ = writeln!(w, "| --- | --- | --- | --- | --- | --- | --- |");
    for &t in &scope {
        let threat = &catalog.threats[t];
        let (r, is_default) = in_force(a, t);
        let ver = a.verification.get(threat.id).cloned().unwrap_or_default();
        let evidence = [ver.note.as_str(), ver.link.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| esc(s))
            .collect::<Vec<_>>()
            .join(" ");
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} | {} |",
            threat.name,
            r.party.label(),
            or_dash(&r.provider),
            if is_default {
                esc(&default_for(catalog, &a.answers, t).why)
            } else {
                "changed".into()
            },
            if r.party == crate::core::assessment::Party::Us {
                "–"
            } else {
                ver.status.label()
            },
            if evidence.is_empty() {
                "–".into()
            } else {
                evidence
            },
            or_dash(&ver.date),
        );
    }

    let _ = writeln!(w, "\n## 4. Controls\n");
    for (heading, controls) in control_layout(&sel) {
        let _ = writeln!(w, "### {heading}\n");
        let _ = writeln!(w, "| Control | Status | Owner | Due | Notes |");
        let _ = writeln!(w, "| --- | --- | --- | --- | --- |");
        for c in controls {
            let control = &catalog.controls[c];
            let plan = a.controls.get(control.id).cloned().unwrap_or_default();
            let notes = plan.note_line();
            let _ = writeln!(
                w,
                "| {} {} | {} | {} | {} | {} |",
                control.id,
                control.name,
                control_status(a, control.id).label(),
                or_dash(&plan.owner),
                or_dash(&plan.due),
                or_dash(&notes)
            );
        }
        let _ = writeln!(w);
    }

    qualified_references(w, &sel);

    let _ = writeln!(w, "## 5–6. Risk and acceptance\n");
    let _ = writeln!(w, "| Threat | Inherent (L×I) | Residual (L×I) | Decision | Approver | Date | Review | Rationale |");
    let _ = writeln!(w, "| --- | --- | --- | --- | --- | --- | --- | --- |");
    for &t in &scope {
        let threat = &catalog.threats[t];
        let r = a.risk.get(threat.id).copied().unwrap_or_default();
        let acc = a.acceptance.get(threat.id).cloned().unwrap_or_default();
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            threat.name,
            r.inherent.describe(),
            r.residual.describe(),
            acc.decision.label(),
            or_dash(&acc.approver),
            or_dash(&acc.date),
            or_dash(&acc.review),
            or_dash(&acc.rationale)
        );
    }
    let open: Vec<&str> = f
        .open_acceptances
        .iter()
        .map(|&t| catalog.threats[t].name)
        .collect();
    let _ = writeln!(
        w,
        "\nResidual risk not yet accepted: {}.",
        if open.is_empty() {
            "none".to_string()
        } else {
            open.join("; ")
        }
    );
    let due: Vec<&str> = f
        .reviews_due
        .iter()
        .map(|&t| catalog.threats[t].name)
        .collect();
    if !due.is_empty() {
        let _ = writeln!(w, "Reviews due by {today}: {}.", due.join("; "));
    }
    let accepted = scope
        .iter()
        .filter(|&&t| {
            a.acceptance
                .get(catalog.threats[t].id)
                .is_some_and(|x| x.decision == Decision::Accepted)
        })
        .count();
    let _ = writeln!(
        w,
        "Accepted: {accepted} of {} threats in scope.",
        scope.len()
    );

    let _ = writeln!(w, "\n## UK/US guidelines coverage\n");
    for gf in &f.guidelines {
        let g = &catalog.guidelines[gf.guideline];
        let _ = writeln!(
            w,
            "- {}: {}: {} of {} mapped controls implemented, {}{}",
            g.section,
            g.text,
            gf.implemented,
            gf.total,
            gf.coverage.label(),
            if g.partial {
                " (the controls cover it only in part)"
            } else {
                ""
            }
        );
    }
    let _ = writeln!(
        w,
        "\n---\nThreats and controls: OWASP AI Exchange (CC0), {}. This edition's text: {}",
        catalog.title,
        catalog.source_url(OVERVIEW)
    );
    out
}

/// The selected controls' standard references that the source says cover
/// them only in part, with that qualifier.
fn qualified_references(w: &mut String, sel: &crate::core::engine::Selection) {
    let catalog = sel.catalog;
    let mut lines = Vec::new();
    for sc in &sel.controls {
        let c = &catalog.controls[sc.control];
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
                    .map(move |r| format!("{label} {}", r.describe()).trim().to_string())
            })
            .collect();
        if !qualified.is_empty() {
            lines.push(format!("- {}: {}", c.id, qualified.join("; ")));
        }
    }
    if !lines.is_empty() {
        let _ = writeln!(w, "Standards that cover a selected control only in part:\n");
        for line in lines {
            let _ = writeln!(w, "{line}");
        }
        let _ = writeln!(w);
    }
}

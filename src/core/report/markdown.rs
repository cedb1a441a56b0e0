//! The assessment as a Markdown report, for design reviews and audits,
//! rendered from the facts of [`super::model::Report`].

//!
//! Every text goes through [`esc`] (a line's text, composed first) or
//! [`cell`] (a table cell), whether the user typed it or the catalog holds
//! it: only the report's own markup stays markup.

use super::model::{build, Report};
use super::{md_cell as cell, md_escape as esc};
use crate::core::assessment::{Assessment, Evidence};
use crate::core::digest::{digest, signoff_state, SignOffState};
use std::fmt::Write as _;

/// A cell, or a dash for an empty one.
fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "–".into()
    } else {
        cell(s)
    }
}

/// Evidence links for a table cell: a Markdown link where the URL is safe
/// (see `Evidence::href`), plain escaped text otherwise.
pub(super) fn evidence_cell(list: &[Evidence]) -> String {
    if list.is_empty() {
        return "–".into();
    }
    list.iter()
        .map(|e| match e.href() {
            // An angle-bracket destination takes parentheses as they are;
            // `href` admits no `<`, `>` or space, and a `|` would end the
            // table cell, so it is percent-encoded.
            Some(url) => format!("[{}](<{}>)", cell(e.title()), url.replace('|', "%7C")),
            None => cell(&e.plain()),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn markdown(a: &Assessment, today: &str) -> String {
    let mut out = render(&build(a, today));
    // The record's identity under the title, where a reader checks it, and
    // its sign-off and log at the end.
    let mut id = format!("Digest: `{}`.", digest(a));
    if !a.origin.is_empty() {
        let _ = write!(id, " A copy of the record {}.", esc(&a.origin));
    }
    let tool = if a.tool.is_empty() {
        "not recorded"
    } else {
        a.tool.as_str()
    };
    let _ = write!(id, " Written by: {}.\n\n", esc(tool));
    id.push_str(&scope_section(a));
    if let Some(at) = out.find("\n\n").map(|i| i + 2) {
        if let Some(end) = out[at..].find("\n\n").map(|i| at + i + 2) {
            out.insert_str(end, &id);
        }
    }
    out.push_str(&record_section(a));
    out
}

/// The scope and risk criteria: the record's first section.
fn scope_section(a: &Assessment) -> String {
    use crate::core::scope::{above_appetite, Axis, AI_ACT_CLASSES};
    let mut out = String::from("## Scope and risk criteria\n\n");
    let w = &mut out;
    let s = &a.scope;
    let given = |t: &str| {
        if t.is_empty() {
            "not given".to_string()
        } else {
            t.to_string()
        }
    };
    let class = AI_ACT_CLASSES
        .iter()
        .find(|(v, _)| *v == s.ai_act)
        .map_or("not decided", |(_, label)| label);
    let transparency = match s.transparency.as_str() {
        "yes" => "apply",
        "no" => "do not apply",
        _ => "not decided",
    };
    for (label, text) in [
        ("Purpose", given(&s.purpose)),
        ("Users", given(&s.users)),
        ("Data categories", given(&s.data)),
        ("Boundary", given(&s.boundary)),
        ("Model", given(&s.model)),
        ("Providers", given(&s.providers)),
        ("Assumptions", given(&s.assumptions)),
        ("Accountable owner", given(&s.owner)),
        (
            "EU AI Act class",
            format!("{class}; why: {}", given(&s.ai_act_rationale)),
        ),
        (
            "Transparency duties (Art. 50)",
            format!("{transparency}; why: {}", given(&s.transparency_rationale)),
        ),
    ] {
        let _ = writeln!(w, "- {}", esc(&format!("{label}: {text}")));
    }
    let c = &a.criteria;
    for (label, axis) in [("Likelihood", Axis::Likelihood), ("Impact", Axis::Impact)] {
        let levels: Vec<String> = (1..=5)
            .map(|n| format!("{n} {}", c.word(axis, n)))
            .collect();
        let _ = writeln!(
            w,
            "- {}",
            esc(&format!("{label} levels: {}", levels.join("; ")))
        );
    }
    let appetite = c
        .appetite
        .map_or_else(|| "not set".to_string(), crate::core::risk::level_text);
    let _ = writeln!(
        w,
        "- {}",
        esc(&format!(
            "Appetite (highest level accepted without escalation): {appetite}"
        ))
    );
    let catalog = a.catalog();
    for (t, level) in above_appetite(a) {
        let threat = &catalog.threats[t];
        let _ = writeln!(
            w,
            "- **{}**",
            esc(&format!(
                "Accepted above the appetite, to escalate: {} {} (level {level})",
                threat.section, threat.name
            ))
        );
    }
    out.push('\n');
    out
}

/// The sign-off and the change log.
fn record_section(a: &Assessment) -> String {
    let mut out = String::new();
    let w = &mut out;
    if a.signoff.is_none() && a.log.is_empty() {
        return out;
    }
    let _ = writeln!(w, "\n## The record\n");
    if let Some(s) = &a.signoff {
        let state = match signoff_state(a) {
            SignOffState::Changed => "Changed since sign-off",
            _ => "Signed off",
        };
        let role = if s.role.is_empty() {
            String::new()
        } else {
            format!(" ({})", s.role)
        };
        let _ = writeln!(
            w,
            "{}\n",
            esc(&format!(
                "{state}: by {}{role} on {}, scope version {}: “{}”. Signed digest: {}.",
                s.by,
                s.date,
                if s.scope_version.is_empty() {
                    "not given"
                } else {
                    &s.scope_version
                },
                s.statement,
                s.digest
            ))
        );
    }
    if !a.log.is_empty() {
        let _ = writeln!(
            w,
            "| When | Who | What | Was | Is |\n| --- | --- | --- | --- | --- |"
        );
        for e in &a.log {
            let by = if e.by.is_empty() { "not named" } else { &e.by };
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} | {} |",
                cell(&e.at),
                cell(by),
                cell(&e.what),
                cell(&e.old),
                cell(&e.new)
            );
        }
    }
    out
}

/// The Markdown of a report's facts.
pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let w = &mut out;

    let _ = writeln!(
        w,
        "# {}\n",
        esc(&format!("AI security assessment: {}", r.name))
    );
    let mut about = format!(
        "Catalog: {} (edition {}). Last changed: {}.",
        r.catalog_title,
        r.edition,
        if r.updated.is_empty() {
            "unknown"
        } else {
            &r.updated
        }
    );
    if !r.copied.is_empty() {
        let _ = write!(about, " This copy made: {}.", r.copied);
    }
    let _ = writeln!(w, "{} Made with aixa.\n", esc(&about));
    for (label, text) in &r.details {
        let _ = writeln!(w, "- {}", esc(&format!("{label}: {text}")));
    }
    if !r.details.is_empty() {
        let _ = writeln!(w);
    }

    let _ = writeln!(w, "## Progress\n");
    for p in &r.progress {
        let _ = writeln!(
            w,
            "- {}",
            esc(&format!(
                "{}. {}: {} of {}",
                p.number, p.label, p.done, p.total
            ))
        );
    }

    let _ = writeln!(w, "\n## System profile\n");
    for p in &r.profile {
        let _ = write!(w, "- {} **{}**", esc(p.question), esc(&p.answer));
        if let Some(why) = p.not_asked_because {
            let _ = write!(w, "{}", esc(&format!(", as {why}")));
        }
        let _ = writeln!(w);
    }

    let _ = writeln!(w, "\n## Threats\n");
    let _ = writeln!(w, "| § | Threat | Verdict | In scope | Why |");
    let _ = writeln!(w, "| --- | --- | --- | --- | --- |");
    for t in &r.threats {
        let why = match &t.override_note {
            Some(note) => format!("{note} ({})", t.why),
            None => t.why.clone(),
        };
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} |",
            cell(t.section),
            cell(t.name),
            t.verdict.label(),
            if t.in_scope { "yes" } else { "no" },
            cell(&why)
        );
    }

    if !r.named_controls.is_empty() {
        let _ = writeln!(w, "\nControls the source names without an id:\n");
        for n in &r.named_controls {
            let refs = if n.references.is_empty() {
                String::new()
            } else {
                format!(" ({})", n.references.join("; "))
            };
            let _ = writeln!(
                w,
                "- {}",
                esc(&format!(
                    "{} {}: {}: {}{refs}",
                    n.section, n.threat, n.name, n.note
                ))
            );
        }
    }

    let _ = writeln!(w, "\n## Responsibility and verification\n");
    let _ = writeln!(
        w,
        "| Threat | Responsible | Provider | Default? | Assurance | Evidence | Date |"
    );
    let _ = writeln!(w, "| --- | --- | --- | --- | --- | --- | --- |");
    for x in &r.responsibility {
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(&format!("{} {}", x.section, x.threat)),
            x.party,
            or_dash(&x.provider),
            x.default_why
                .as_deref()
                .map_or_else(|| "changed".into(), cell),
            x.assurance.unwrap_or("–"),
            or_dash(&x.evidence),
            or_dash(&x.date),
        );
    }

    let _ = writeln!(w, "\n## Controls\n");
    for (heading, rows) in &r.controls {
        let _ = writeln!(w, "### {}\n", esc(heading));
        let _ = writeln!(
            w,
            "| § | Control | Status | Owner | Due | Notes | Evidence |"
        );
        let _ = writeln!(w, "| --- | --- | --- | --- | --- | --- | --- |");
        for c in rows {
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} | {} | {} | {} |",
                cell(c.section),
                cell(&format!("{} {}", c.id, c.name)),
                c.status,
                or_dash(&c.owner),
                or_dash(&c.due),
                or_dash(&c.notes),
                evidence_cell(&c.evidence)
            );
        }
        let _ = writeln!(w);
    }

    if !r.partial_standards.is_empty() {
        let _ = writeln!(w, "Standards that cover a selected control only in part:\n");
        for (id, refs) in &r.partial_standards {
            let _ = writeln!(w, "- {}", esc(&format!("{id}: {}", refs.join("; "))));
        }
        let _ = writeln!(w);
    }

    if !r.treatment.is_empty() {
        let _ = writeln!(w, "## Evaluation and treatment\n");
        let _ = writeln!(w, "| Threat | Evaluation | Treatment | Why |");
        let _ = writeln!(w, "| --- | --- | --- | --- |");
        for x in &r.treatment {
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} |",
                cell(&format!("{} {}", x.section, x.threat)),
                x.need,
                x.choice,
                or_dash(&x.rationale)
            );
        }
        let _ = writeln!(w);
    }
    let _ = writeln!(w, "## Risk and acceptance\n");
    let _ = writeln!(w, "| Threat | Inherent (L×I) | Residual (L×I) | Decision | Approver | Date | Review | Rationale | Evidence |");
    let _ = writeln!(w, "| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for x in &r.risk {
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&format!("{} {}", x.section, x.threat)),
            x.inherent,
            x.residual,
            x.decision,
            or_dash(&x.approver),
            or_dash(&x.date),
            or_dash(&x.review),
            or_dash(&x.rationale),
            evidence_cell(&x.evidence)
        );
    }
    let _ = writeln!(
        w,
        "\n{}",
        esc(&format!(
            "Residual risk not yet accepted: {}.",
            if r.open_acceptances.is_empty() {
                "none".to_string()
            } else {
                r.open_acceptances.join("; ")
            }
        ))
    );
    if !r.reviews_due.is_empty() {
        let _ = writeln!(
            w,
            "{}",
            esc(&format!(
                "Reviews due by {}: {}.",
                r.today,
                r.reviews_due.join("; ")
            ))
        );
    }
    let _ = writeln!(
        w,
        "Accepted: {} of {} threats in scope.",
        r.accepted,
        r.in_scope()
    );

    let open = r.coverage.iter().filter(|c| !c.covered).count();
    let _ = writeln!(w, "\n## Coverage\n");
    let _ = writeln!(
        w,
        "{}\n",
        esc(&format!(
            "{open} of {} threats in scope not covered on {}, by the rule of aixa check: \
             a specific control implemented, a complete and current acceptance, or a \
             provider's verified assurance.",
            r.coverage.len(),
            r.today
        ))
    );
    let _ = writeln!(
        w,
        "| Threat | Responsible | Covered | By what, or why not |"
    );
    let _ = writeln!(w, "| --- | --- | --- | --- |");
    for c in &r.coverage {
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} |",
            cell(&format!("{} {}", c.section, c.threat)),
            c.party,
            if c.covered { "yes" } else { "**no**" },
            cell(&c.why)
        );
    }

    let _ = writeln!(w, "\n## UK/US guidelines coverage\n");
    for g in &r.guidelines {
        let _ = writeln!(
            w,
            "- {}",
            esc(&format!(
                "{}: {}{}: {} of {} mapped controls that apply implemented, {}{}",
                g.section,
                g.text,
                g.dsit_note(),
                g.implemented,
                g.total,
                g.coverage,
                if g.partial {
                    " (the controls cover it only in part)"
                } else {
                    ""
                }
            ))
        );
    }
    // The address stays as it is, for renderers to make it a link.
    let _ = writeln!(
        w,
        "\n---\n{} {}",
        esc(&format!(
            "Threats and controls: OWASP AI Exchange (CC0), {}. This edition's text:",
            r.catalog_title
        )),
        r.source_url
    );
    out
}

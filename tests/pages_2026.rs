//! What the catalog pages, the navigator and the reports read from an
//! edition's data, on 2026-08 beside 2024-01: sections by their own names,
//! the 2.0/3.0 groups, 4.9 AGENTSANDBOXING among the threats, old ids that
//! name several items, the LLM Top 10 with its list's edition, DSIT
//! principles and the overview the reports link to.
#![cfg(not(target_arch = "wasm32"))]

use aixa::core::answers::Tri;
use aixa::core::assessment::Assessment;
use aixa::core::catalog::{Catalog, Placed, Scope, REGULATION_HOST};
use aixa::core::report::model::dsit_note;
use aixa::core::report::{csv::csv, markdown::markdown};

fn edition(id: &str) -> &'static Catalog {
    Catalog::by_edition(id).unwrap_or_else(|| panic!("{id} is embedded"))
}

fn ids_of_threats(c: &Catalog, list: &[usize]) -> Vec<&'static str> {
    list.iter().map(|&i| c.threats[i].id).collect()
}

#[test]
fn a_sections_group_belongs_to_its_section_by_its_own_name() {
    let c = edition("2026-08");
    let named: Vec<(&str, Option<&str>)> = c
        .groups
        .iter()
        .map(|g| (g.section, c.section_of(g).map(|s| s.name)))
        .collect();
    assert_eq!(
        named,
        [
            ("1.1", None),
            ("1.2", None),
            ("1.3", None),
            ("2.0", Some("Input threats")),
            ("3.0", Some("Development-time threats")),
        ]
    );
    let old = edition("2024-01");
    let group = old.groups.iter().find(|g| g.section == "2").expect("2");
    assert_eq!(
        old.section_of(group).map(|s| s.name),
        Some("Threats through use")
    );
    // Every section's group serves exactly its section's threats.
    for c in [c, old] {
        for g in c.groups.iter().filter(|g| g.scope != Scope::All) {
            let section = c.section_of(g).expect("a section of threats");
            for t in c.threats {
                assert_eq!(
                    g.serves(t),
                    c.sections[t.top_section].number == section.number,
                    "{} {} / {}",
                    c.edition,
                    g.section,
                    t.id
                );
            }
        }
    }
}

#[test]
fn only_agentsandboxing_stands_among_the_threats_of_its_section() {
    let c = edition("2026-08");
    let found: Vec<(&str, &str)> = c
        .controls_among_threats()
        .into_iter()
        .map(|(s, k)| (c.sections[s].number, c.controls[k].id))
        .collect();
    assert_eq!(found, [("4", "AGENTSANDBOXING")]);
    assert!(edition("2024-01").controls_among_threats().is_empty());
    // The navigator's column for section 4: 4.1 … 4.8, then 4.9.
    let four = c.sections.iter().position(|s| s.number == "4").expect("4");
    let column: Vec<&str> = c
        .section_items(four)
        .into_iter()
        .map(|p| match p {
            Placed::Threat(t) => c.threats[t].section,
            Placed::Control(k) => c.controls[k].id,
        })
        .collect();
    assert_eq!(
        column,
        [
            "4.1",
            "4.2",
            "4.3",
            "4.4",
            "4.5",
            "4.6",
            "4.7",
            "4.8",
            "AGENTSANDBOXING"
        ]
    );
    // Elsewhere, and in 2024-01, a column is its section's threats.
    for c in [c, edition("2024-01")] {
        for (s, _) in c
            .sections
            .iter()
            .enumerate()
            .filter(|(s, _)| *s != four || c.edition != "2026-08")
        {
            let threats: Vec<Placed> = (0..c.threats.len())
                .filter(|&t| c.threats[t].top_section == s)
                .map(Placed::Threat)
                .collect();
            assert_eq!(c.section_items(s), threats, "{} {s}", c.edition);
        }
    }
}

#[test]
fn old_names_lead_to_every_item_they_stand_for() {
    let c = edition("2026-08");
    assert_eq!(
        ids_of_threats(c, &c.threats_named("closedboxevasion")),
        ["zeroknowledgeevasion", "transferattack"]
    );
    assert_eq!(
        ids_of_threats(c, &c.threats_named("transferattack")),
        ["transferattack"]
    );
    assert!(c.threats_named("nosuchthreat").is_empty());
    let controls: Vec<&str> = c
        .controls_named("DETECTADVERSARIALINPUT")
        .into_iter()
        .map(|i| c.controls[i].id)
        .collect();
    assert_eq!(
        controls,
        ["EVASIONINPUTHANDLING", "UNWANTEDINPUTSERIESHANDLING"]
    );
    // 2024-01 knows closedboxevasion as a threat of its own.
    let old = edition("2024-01");
    assert_eq!(
        ids_of_threats(old, &old.threats_named("closedboxevasion")),
        ["closedboxevasion"]
    );
}

#[test]
fn the_llm_top_10_ids_carry_their_lists_edition() {
    let c = edition("2026-08");
    let labels: Vec<String> = c.genai.iter().map(|r| r.top10_label()).collect();
    assert!(labels.contains(&"LLM01 (OWASP Top 10 for LLM 2026)".to_string()));
    assert!(labels.contains(&"LLM03, LLM07 (OWASP Top 10 for LLM 2026)".to_string()));
    assert!(labels.contains(&String::new()), "a row without an id");
    let old = edition("2024-01");
    assert!(old
        .genai
        .iter()
        .filter(|r| !r.llm_top10.is_empty())
        .all(|r| r.top10_label().ends_with("(OWASP Top 10 for LLM 2023)")));
}

#[test]
fn dsit_principles_and_regulations_are_there_to_show() {
    assert_eq!(dsit_note(&[]), "");
    assert_eq!(dsit_note(&[1]), " (DSIT Code of Practice principle 1)");
    assert_eq!(
        dsit_note(&[12, 9]),
        " (DSIT Code of Practice principles 12, 9)"
    );
    let c = edition("2026-08");
    assert!(c.guidelines.iter().any(|g| !g.dsit.is_empty()));
    assert!(edition("2024-01")
        .guidelines
        .iter()
        .all(|g| g.dsit.is_empty()));
    // The regulatory mapping's host is a control of every edition.
    for c in Catalog::all() {
        assert!(
            c.regulations.is_empty() || c.control(REGULATION_HOST).is_some(),
            "{}",
            c.edition
        );
    }
    assert!(c.regulations.iter().any(|r| r.eu_ai_act.contains(&"12")));
}

/// An agent with RAG on 2026-08: every report names 2026-08's sections,
/// groups and guidelines, and links to its overview.
#[test]
fn the_reports_work_on_2026() {
    let c = edition("2026-08");
    let mut a = Assessment::new(
        c,
        "r".into(),
        "Agent with RAG".into(),
        "2026-11-28T00:00:00Z",
    );
    for q in c.questions.iter().filter(|q| q.id != "hosted") {
        a.answers.set(q.id, Tri::Yes);
    }
    a.validate().expect("valid");
    let md = markdown(&a, "2026-11-28");
    assert!(
        md.trim_end()
            .ends_with(&format!("{}ai_security_overview.md", c.source_base)),
        "{md}"
    );
    for line in [
        "| 2.2.3 | Agent message structure manipulation |",
        "| 4.8 | Agent escape |",
        "### 2.0 Controls for input threats in general",
        "### 3.0 Controls for development-time protection",
        "### 4.8 Agent escape",
        "| 4.9 | AGENTSANDBOXING Agent sandboxing and isolation |",
        "Raise staff awareness of threats and risks (DSIT Code of Practice principle 1)",
    ] {
        assert!(md.contains(line), "{line}\n{md}");
    }
    let text = csv(&a, "2026-11-28");
    let sel = a.selection();
    for v in sel.verdicts.iter().filter(|v| v.in_scope()) {
        let id = c.threats[v.threat].id;
        assert!(
            text.lines().any(|l| l.starts_with(&format!("{id},"))),
            "{id}"
        );
    }
    let old = Assessment::new(
        edition("2024-01"),
        "o".into(),
        "Old".into(),
        "2026-11-28T00:00:00Z",
    );
    assert!(markdown(&old, "2026-11-28")
        .trim_end()
        .ends_with("_index.md"));
}

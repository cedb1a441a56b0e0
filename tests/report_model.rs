//! The report model's cover and open items: what the printed report states
//! about the record itself and what is still open.
#![cfg(not(target_arch = "wasm32"))]

use aixa::core::assessment::{Assessment, ControlPlan, ControlStatus, Decision, SignOff};
use aixa::core::dashboard::figures;
use aixa::core::digest::digest;
use aixa::core::report::model::{build, OpenItem};

const DAY: &str = "2026-11-25";

fn fixture() -> Assessment {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/assessment-rag-llm.json");
    Assessment::from_json(&std::fs::read_to_string(path).expect("fixture")).expect("valid")
}

fn names(items: &[OpenItem]) -> Vec<&str> {
    items.iter().map(|i| i.name.as_str()).collect()
}

#[test]
fn the_cover_names_the_record_its_digest_tool_and_catalog_commit() {
    let mut a = fixture();
    let r = build(&a, DAY);
    assert_eq!(r.digest, digest(&a));
    assert!(r.digest.starts_with("sha256:"), "{}", r.digest);
    assert_eq!(r.created, "2026-11-01T09:00:00Z");
    assert_eq!(r.catalog_commit, a.catalog().source_commit);
    assert!(!r.catalog_commit.is_empty());
    // A file from before the tool was recorded says so, rather than naming
    // the aixa that happens to print it.
    assert!(a.tool.is_empty());
    assert_eq!(r.tool, "not recorded");
    assert!(r.origin.is_empty() && r.copied.is_empty());

    let labels: Vec<&str> = r.cover().iter().map(|f| f.1).collect();
    assert_eq!(
        labels,
        [
            "Catalog",
            "Created",
            "Last changed",
            "Digest",
            "Written by",
            "Catalog commit",
            "Printed",
            "Threats in scope"
        ]
    );

    a.tool = "aixa 0.0.9".into();
    a.origin = "source-id".into();
    a.copied = "2026-11-24T08:00:00Z".into();
    let r = build(&a, DAY);
    assert_eq!(r.tool, "aixa 0.0.9");
    assert_eq!(r.origin, "source-id");
    assert_eq!(r.copied, "2026-11-24T08:00:00Z");
    let cover = r.cover();
    let fact = |key: &str| {
        cover
            .iter()
            .find(|f| f.0 == key)
            .map(|f| f.2.as_str())
            .unwrap_or_default()
    };
    assert_eq!(fact("copied"), "2026-11-24T08:00:00Z");
    assert_eq!(fact("origin"), "source-id");
    assert_eq!(fact("tool"), "aixa 0.0.9");
    assert_eq!(fact("digest"), digest(&a));
    assert_eq!(fact("commit"), a.catalog().source_commit);
}

#[test]
fn the_signoff_reads_signed_off_until_the_record_changes() {
    let mut a = fixture();
    assert!(build(&a, DAY).signoff.is_none());
    a.signoff = Some(SignOff {
        by: "Dana".into(),
        role: "CISO".into(),
        date: "2026-11-21".into(),
        scope_version: "2.3".into(),
        statement: "Residual risk acceptable.".into(),
        digest: digest(&a),
        at: "2026-11-21T09:00:00Z".into(),
    });
    let r = build(&a, DAY);
    let s = r.signoff.as_ref().expect("a sign-off");
    assert!(s.current);
    assert_eq!(s.state(), "signed off");
    assert_eq!((s.by.as_str(), s.role.as_str()), ("Dana", "CISO"));
    let facts = s.facts();
    assert_eq!(facts[0].2, "Dana (CISO)");
    assert_eq!(facts[4].2, digest(&a));
    // The sign-off itself is outside the digest: signing changes nothing.
    assert_eq!(s.digest, r.digest);

    a.acceptance
        .get_mut("indirectpromptinjection")
        .expect("in the fixture")
        .decision = Decision::Accepted;
    let r = build(&a, DAY);
    let s = r.signoff.as_ref().expect("a sign-off");
    assert!(!s.current);
    assert_eq!(s.state(), "changed since sign-off");
    assert_ne!(s.digest, r.digest);
}

#[test]
fn open_items_list_what_the_dashboard_finds_open_with_sections() {
    let mut a = fixture();
    // A planned control past its due date.
    a.controls.insert(
        "MONITORUSE".into(),
        ControlPlan {
            status: ControlStatus::Planned,
            due: "2026-11-01".into(),
            ..ControlPlan::default()
        },
    );
    let r = build(&a, DAY);
    let o = &r.open;
    let catalog = a.catalog();
    let (_, dpi) = catalog.threat("directpromptinjection").expect("threat");
    let (_, ipi) = catalog.threat("indirectpromptinjection").expect("threat");

    // The review set for 2026-11-24 is due on the 25th, with its date.
    assert_eq!(names(&o.reviews_due), [dpi.name]);
    assert_eq!(o.reviews_due[0].section, dpi.section);
    assert_eq!(o.reviews_due[0].detail, "2026-11-24");
    // Not due the day before.
    assert!(build(&a, "2026-11-23").open.reviews_due.is_empty());

    // The refused acceptance, with who refused it, when and why.
    assert_eq!(names(&o.refused), [ipi.name]);
    assert_eq!(
        o.refused[0].detail,
        "CISO, 2026-11-20, Needs input segregation first."
    );

    // Open verifications: the dashboard's, each with its status; the
    // requested one among them, the verified one not.
    let f = figures(&a, DAY);
    assert_eq!(o.verifications.len(), f.open_verifications.len());
    let requested = o
        .verifications
        .iter()
        .find(|i| i.name == ipi.name)
        .expect("requested is open");
    assert_eq!(requested.detail, "Requested");
    assert!(o.verifications.iter().all(|i| i.name != dpi.name));

    // The overdue control, named by id and section.
    assert_eq!(o.overdue_controls.len(), 1);
    assert!(o.overdue_controls[0].name.starts_with("MONITORUSE "));
    assert_eq!(o.overdue_controls[0].detail, "2026-11-01");

    // Undecided controls: the dashboard's count, of every selected one.
    let undecided = f
        .controls_by_status
        .iter()
        .find(|(s, _)| *s == ControlStatus::NotDecided)
        .map_or(0, |(_, n)| *n);
    assert!(undecided > 0);
    assert_eq!(o.undecided_controls, undecided);
    assert_eq!(o.selected_controls, a.selection().controls.len());

    // Uncovered threats: the coverage table's uncovered rows, with the rules
    // they fail.
    let uncovered: Vec<(&str, &str)> = r
        .coverage
        .iter()
        .filter(|c| !c.covered)
        .map(|c| (c.threat, c.why.as_str()))
        .collect();
    assert!(!uncovered.is_empty());
    let listed: Vec<(&str, &str)> = o
        .uncovered
        .iter()
        .map(|i| (i.name.as_str(), i.detail.as_str()))
        .collect();
    assert_eq!(listed, uncovered);
    assert!(o.uncovered.iter().any(|i| i.detail.contains("refused")));

    // Every open item names its section.
    for item in [
        &o.reviews_due,
        &o.verifications,
        &o.refused,
        &o.overdue_controls,
        &o.uncovered,
    ]
    .into_iter()
    .flatten()
    {
        assert!(
            item.section
                .split('.')
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())),
            "{} has section {:?}",
            item.name,
            item.section
        );
    }
}

//! The pipeline gate: every in-scope threat that is ours, alone or shared,
//! needs an implemented control of its own or of its branch (general
//! controls do not count), or an accepted residual risk.

use super::assessment::{Assessment, ControlStatus, Decision, Party};
use super::dashboard::{control_status, in_scope};
use super::responsibility::in_force;

/// One threat that fails the gate, and why, in one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub threat: &'static str,
    pub message: String,
}

pub fn check(a: &Assessment) -> Vec<Finding> {
    let catalog = a.catalog();
    let sel = a.selection();
    let mut findings = Vec::new();
    for t in in_scope(&sel) {
        let threat = &catalog.threats[t];
        let (resp, _) = in_force(a, t);
        if resp.party == Party::Provider {
            continue;
        }
        // General controls serve every threat; counting them would let one
        // implemented awareness programme pass the whole gate.
        let implemented = sel.controls.iter().any(|c| {
            !c.general
                && c.threats.contains(&t)
                && control_status(a, catalog.controls[c.control].id) == ControlStatus::Implemented
        });
        let accepted = a
            .acceptance
            .get(threat.id)
            .is_some_and(|x| x.decision == Decision::Accepted);
        if !implemented && !accepted {
            let whose = if resp.party == Party::Us {
                "yours"
            } else {
                "shared"
            };
            findings.push(Finding {
                threat: threat.id,
                message: format!(
                    "{} {} ({whose}): no control serving it is implemented and its residual risk is not accepted",
                    threat.section, threat.name
                ),
            });
        }
    }
    findings
}

//! The pages a process step can be, and each edition's steps: data in its
//! `edition.toml` (`[[step]]`), so that 2024-01 keeps its seven steps and
//! 2026-08 follows its own ten, reusing a page wherever a step is the same.

use super::catalog::Catalog;

/// A step's page. The same page serves every edition that has the step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Profile,
    Risk,
    Treat,
    Register,
    Responsibility,
    Verification,
    Controls,
    Acceptance,
    Manage,
    Dashboard,
}

impl Step {
    pub const ALL: [Step; 10] = [
        Step::Profile,
        Step::Risk,
        Step::Treat,
        Step::Register,
        Step::Responsibility,
        Step::Verification,
        Step::Controls,
        Step::Acceptance,
        Step::Manage,
        Step::Dashboard,
    ];

    /// The step's part of the URL, and its name in `edition.toml`.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Profile => "profile",
            Step::Risk => "risk",
            Step::Treat => "treat",
            Step::Register => "register",
            Step::Responsibility => "responsibility",
            Step::Verification => "verification",
            Step::Controls => "controls",
            Step::Acceptance => "acceptance",
            Step::Manage => "manage",
            Step::Dashboard => "dashboard",
        }
    }

    pub fn parse(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// Its place in `catalog`'s process, from 1; `None` where the edition
    /// has no such step.
    pub fn number_in(self, catalog: &Catalog) -> Option<usize> {
        catalog
            .steps
            .iter()
            .position(|d| d.step == self)
            .map(|i| i + 1)
    }

    /// "2. Arranging responsibility", as `catalog`'s process names it.
    pub fn heading_in(self, catalog: &Catalog) -> String {
        let def = catalog.steps.iter().find(|d| d.step == self);
        format!(
            "{}. {}",
            self.number_in(catalog).unwrap_or(0),
            def.map_or(self.slug(), |d| d.title)
        )
    }
}

/// One step of an edition's process.
#[derive(Debug)]
pub struct StepDef {
    pub step: Step,
    pub label: &'static str,
    pub title: &'static str,
}

//! The closed vocabularies of the catalog files (see catalog/FORMAT.md).
//!
//! Shared by the loader, which rejects any other value, and by the app's
//! filters. Also compiled into `build.rs`; `std` only.

pub const LIFECYCLES: &[&str] = &["runtime", "development"];
pub const CONTROL_LIFECYCLES: &[&str] = &["runtime", "development", "both"];
pub const SURFACES: &[&str] = &[
    "model_use",
    "deployed_model",
    "engineering_environment",
    "supply_chain",
    "all_it",
];
pub const ASSETS: &[&str] = &[
    "model_behaviour",
    "train_data",
    "model_ip",
    "model_input_data",
    "augmentation_data",
    "any",
];
pub const PROPERTIES: &[&str] = &["integrity", "confidentiality", "availability", "cia"];
pub const CONTROL_TYPES: &[&str] = &[
    "infosec",
    "runtime_datascience",
    "devtime_datascience",
    "other",
];
pub const SCOPES: &[&str] = &["all", "use", "development"];

/// The pages a step of an edition's process can be (`[[step]] page`), as
/// `core::steps::Step` names them.
pub const STEP_PAGES: &[&str] = &[
    "profile",
    "risk",
    "treat",
    "register",
    "responsibility",
    "verification",
    "controls",
    "acceptance",
    "manage",
    "dashboard",
];

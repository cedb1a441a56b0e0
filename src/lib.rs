//! aixa: an assessor for the security of AI systems, built on the OWASP AI
//! Exchange.
//!
//! [`core`] holds the catalog, the rules engine and the answers; it uses no
//! web APIs. [`ui`] is a thin Leptos layer over it, built only for wasm32.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;

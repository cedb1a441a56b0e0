//! The pure-Rust core: no web APIs, so everything here is tested natively.

pub mod answers;
pub mod assessment;
pub mod backup;
pub mod catalog;
pub mod check;
pub mod codec;
pub mod dashboard;
pub mod date;
pub mod edition;
pub mod engine;
pub mod evidence;
pub mod explain;
pub mod filter;
pub mod plan;
pub mod pretty;
pub mod report;
pub mod responsibility;
pub mod risk;
pub mod route;
pub mod rule;
pub mod search;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
pub mod synthetic;
pub mod time;
pub mod vocab;

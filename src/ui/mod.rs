//! The Leptos user interface: a thin layer over [`crate::core`].

mod app;
mod components;
mod offline;
mod pages;
mod record;
mod router;
mod state;
mod storage;

pub use app::App;
pub use offline::register_service_worker;

//! The Leptos user interface: a thin layer over [`crate::core`].

mod app;
mod components;
mod pages;
mod storage;

pub use app::App;

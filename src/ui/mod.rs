//! The Leptos user interface: a thin layer over [`crate::core`].

/// A part of the UI that a measuring build can leave out
/// (`AIXA_WITHOUT=part`, see `build.rs` and `scripts/wasm-pages.mjs`), to
/// find what it costs in the wasm. Ordinary builds always show the part.
macro_rules! part {
    ($name:literal, $view:expr) => {{
        #[cfg(not(aixa_without = $name))]
        let view = $view.into_any();
        #[cfg(aixa_without = $name)]
        let view = leptos::prelude::view! {
            <p class="muted">"This part is left out of this measuring build."</p>
        }
        .into_any();
        view
    }};
}

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

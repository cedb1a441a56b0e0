//! The browser entry point: Trunk builds this binary for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(aixa::ui::App);
    aixa::ui::register_service_worker();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("aixa-web is the browser app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}

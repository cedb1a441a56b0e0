//! Registers the service worker that keeps the app working offline.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;

/// Only release builds made by scripts/setup.sh set AIXA_SERVICE_WORKER, so a
/// development build is never cached. Pages opened from disk (`file://`)
/// have no service worker at all; they need none.
pub fn register_service_worker() {
    if option_env!("AIXA_SERVICE_WORKER").is_none() {
        return;
    }
    let w = window();
    let navigator = w.navigator();
    let available = w.is_secure_context()
        && js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !available {
        return;
    }
    let promise = navigator.service_worker().register("sw.js");
    leptos::task::spawn_local(async move {
        // A failed registration only means no offline copy; the app runs.
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

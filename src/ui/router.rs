//! A hash router: the route lives in `location.hash`, so every page survives
//! a reload on a static host under any sub-path, with no rewrite rules.

use crate::core::route::Route;
use leptos::prelude::*;

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

#[derive(Clone, Copy)]
pub struct Router {
    route: RwSignal<Route>,
}

impl Router {
    pub fn route(&self) -> Route {
        self.route.get()
    }

    /// Goes to `route`, adding a history entry (as a link would).
    pub fn go(&self, route: &Route) {
        let _ = window().location().set_hash(&route.to_hash());
    }

    /// Shows `route` in place of the current entry, without a new one.
    pub fn replace(&self, route: Route) {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(
                &leptos::wasm_bindgen::JsValue::NULL,
                "",
                Some(&route.to_hash()),
            );
        }
        self.route.set(route);
    }
}

/// The router, kept in step with `hashchange`, given through context.
pub fn provide_router() -> Router {
    let route = RwSignal::new(Route::parse(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&current_hash()));
        // A new page starts at its top, as after a normal link.
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    on_cleanup(move || handle.remove());
    let router = Router { route };
    provide_context(router);
    router
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

/// The `href` for a route: a fragment, relative to the page.
pub fn href(route: &Route) -> String {
    route.to_hash()
}

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
    // Where each page was scrolled when it was left, so that coming back to
    // it (from a control's page to step 4, say) finds the same place.
    let left_at = StoredValue::new(Vec::<(String, f64)>::new());
    let shown = StoredValue::new(current_hash());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let y = window().scroll_y().unwrap_or(0.0);
        let old = shown.get_value();
        left_at.update_value(|all| {
            all.retain(|(h, _)| *h != old);
            all.push((old, y));
        });
        let hash = current_hash();
        shown.set_value(hash.clone());
        route.set(Route::parse(&hash));
        // A page seen before opens where it was left; a new one at its top,
        // as after a normal link. After the page has rendered.
        let back_to = left_at.with_value(|all| {
            all.iter()
                .find(|(h, _)| *h == hash)
                .map_or(0.0, |(_, y)| *y)
        });
        request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, back_to));
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

//! A hash router: the route lives in `location.hash`, so every page survives
//! a reload on a static host under any sub-path, with no rewrite rules.

use crate::core::route::Route;
use leptos::prelude::*;

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The current route, kept in step with `hashchange`.
pub fn hash_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(Route::parse(&current_hash()));
        // A new page starts at its top, as after a normal link.
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    on_cleanup(move || handle.remove());
    route
}

/// The `href` for a route: a fragment, relative to the page.
pub fn href(route: &Route) -> String {
    route.to_hash()
}

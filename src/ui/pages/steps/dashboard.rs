use leptos::prelude::*;

#[component]
pub fn DashboardStep() -> impl IntoView {
    view! { <section class="panel"><h1>"7. Dashboard"</h1></section> }
}

use leptos::prelude::*;

#[component]
pub fn AcceptanceStep() -> impl IntoView {
    view! { <section class="panel"><h1>"6. Residual risk acceptance"</h1></section> }
}

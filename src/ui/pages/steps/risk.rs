use leptos::prelude::*;

#[component]
pub fn RiskStep() -> impl IntoView {
    view! { <section class="panel"><h1>"5. Risk evaluation"</h1></section> }
}

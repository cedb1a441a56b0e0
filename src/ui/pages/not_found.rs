use leptos::prelude::*;

#[component]
pub fn NotFound(raw: String) -> impl IntoView {
    view! {
        <article class="panel prose" data-testid="not-found">
            <h1>"Page not found"</h1>
            <p>"There is no page at " <code>{format!("#{raw}")}</code> "."</p>
            <p><a href="#/">"Go to your profile"</a> " or " <a href="#/catalog">"browse the catalog"</a> "."</p>
        </article>
    }
}

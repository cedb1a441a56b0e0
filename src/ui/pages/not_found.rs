use leptos::prelude::*;

/// A route with no page; or, given `choices`, an old name that stands for
/// several threats or controls of this edition (one the source split), with
/// a link to each as (test id, href, label). One page for both keeps the
/// wasm small.
#[component]
pub fn NotFound(
    raw: String,
    #[prop(optional)] choices: Vec<(String, String, String)>,
) -> impl IntoView {
    let several = !choices.is_empty();
    let (testid, title, lead, tail) = if several {
        (
            "alias-choice",
            "More than one page",
            "",
            " stands in this edition for each of these:",
        )
    } else {
        ("not-found", "Page not found", "There is no page at ", ".")
    };
    let items = choices
        .into_iter()
        .map(|(testid, href, label)| view! { <li data-testid=testid><a href=href>{label}</a></li> })
        .collect_view();
    view! {
        <article class="panel prose" data-testid=testid>
            <h1>{title}</h1>
            <p>{lead} <code>{format!("#{raw}")}</code> {tail}</p>
            <ul class="plain">{items}</ul>
            <p><a href="#/">"Go to your profile"</a> " or " <a href="#/catalog">"browse the catalog"</a> "."</p>
        </article>
    }
}

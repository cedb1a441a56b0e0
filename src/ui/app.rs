use super::pages;
use super::router::{href, provide_router};
use super::state::{provide_current, provide_store};
use crate::core::route::Route;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

#[component]
pub fn App() -> impl IntoView {
    let store = provide_store();
    // The catalog pages show the current assessment's edition.
    let edition = Memo::new(move |_| store.current_edition());
    let router = provide_router();
    let route = Memo::new(move |_| router.route());

    // Home opens the most recent assessment, creating the first one. Done
    // once before the first render too, so that a first visit builds the
    // profile page at once rather than a placeholder and then the page.
    let open_home = move || {
        let id = store
            .current
            .get_untracked()
            .filter(|id| store.exists(id))
            .unwrap_or_else(|| store.create(""));
        router.replace(Route::Step {
            id,
            step: crate::core::dashboard::Step::Profile,
        });
    };
    if route.get_untracked() == Route::Profile {
        open_home();
    }
    Effect::new(move |_| match route.get() {
        Route::Profile => open_home(),
        // Once, then replaced by the new assessment's first step.
        Route::New(edition) => match crate::core::catalog::Catalog::by_edition(&edition) {
            Some(catalog) => router.replace(Route::Step {
                id: store.create_in(catalog, ""),
                step: crate::core::dashboard::Step::Profile,
            }),
            None => router.replace(Route::NotFound(format!("/new/{edition}"))),
        },
        _ => {}
    });

    let nav_link = move |target: Route, label: &'static str, testid: &'static str| {
        let same_page = target.clone();
        let current = move || {
            let here = route.get();
            let active = std::mem::discriminant(&here) == std::mem::discriminant(&same_page)
                || (matches!(same_page, Route::Catalog { .. })
                    && matches!(here, Route::Threat(_) | Route::Control(_)))
                || (matches!(same_page, Route::Assessments)
                    && matches!(here, Route::Step { .. } | Route::Report(_) | Route::Soa(_)));
            active.then_some("page")
        };
        view! {
            <a href=href(&target) aria-current=current data-testid=testid>{label}</a>
        }
    };

    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            // The fragment holds the route, so focus the content instead of
            // following the link.
            ev.prevent_default();
            if let Some(main) = document().get_element_by_id("main") {
                if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                    let _ = main.focus();
                }
            }
        }>"Skip to content"</a>
        <header class="topbar">
            <a class="brand" href="#/">
                <span class="logo" aria-hidden="true">"◆"</span>
                <span class="name">"aixa"</span>
                <span class="tagline">"AI security assessor"</span>
            </a>
            <nav class="mainnav" aria-label="Main">
                {nav_link(Route::Assessments, "Assessments", "nav-assessments")}
                {nav_link(Route::Catalog { query: String::new() }, "Catalog", "nav-catalog")}
                {nav_link(Route::Navigator, "Navigator", "nav-navigator")}
                {nav_link(Route::About, "About", "nav-about")}
            </nav>
            <span class="edition" data-testid="edition">{move || edition.get().catalog().title}</span>
        </header>
        {move || store.notices.get().into_iter().map(|note| view! {
            <p class="notice" role="alert" data-testid="recovered">{note}</p>
        }).collect_view()}
        {(!store.can_save.get_value()).then(|| view! {
            <p class="notice" role="alert">"Changes in this session are not saved."</p>
        })}
        {move || store.conflict.get().map(|(theirs, _)| view! {
            <div class="notice conflict" role="alertdialog" aria-labelledby="conflict-title" data-testid="conflict">
                <p id="conflict-title">
                    <strong>"“" {theirs.name.clone()} "” was changed in another tab."</strong>
                    " Your last change here was not saved, so that neither overwrites the other."
                </p>
                <div class="row">
                    <button type="button" data-testid="conflict-theirs" on:click=move |_| store.resolve(false)>
                        "Use the other tab's version"
                    </button>
                    <button type="button" class="primary" data-testid="conflict-ours" on:click=move |_| store.resolve(true)>
                        "Keep my change (replace theirs)"
                    </button>
                </div>
            </div>
        })}
        {move || store.save_error.get().map(|(message, a)| {
            let save_file = move |_| {
                let file = format!("{}.aixa.json", crate::core::file_name::file_stem(&a.name));
                let _ = super::components::transfer::download(&file, "application/json", &a.to_json_pretty());
            };
            view! {
                <p class="notice" role="alert" data-testid="save-error">
                    {message} " "
                    <button type="button" class="primary" data-testid="save-error-export" on:click=save_file>
                        "Save it as a file"
                    </button>
                </p>
            }
        })}
        <main id="main" tabindex="-1">
            {move || match route.get() {
                Route::Profile => view! { <p class="muted">"Opening your assessment…"</p> }.into_any(),
                Route::Assessments => pages::assessments::AssessmentsPage().into_any(),
                Route::Step { id, step } => part!("steps", view! { <pages::steps::StepPage id step /> }),
                Route::Report(id) => part!("reports", view! { <pages::report::ReportPage id /> }),
                Route::Soa(id) => part!("reports", view! { <pages::soa::SoaPage id /> }),
                Route::Upgrade(id) => part!("upgrade", view! { <pages::upgrade::UpgradePage id /> }),
                Route::New(_) => view! { <p class="muted">"Opening a new assessment…"</p> }.into_any(),
                Route::Shared(payload) => view! { <pages::shared::SharedPage payload /> }.into_any(),
                // The catalog pages read one edition's catalog from context,
                // provided in this run of the route effect, whose owner holds
                // the page; a new edition renders the page anew.
                Route::Catalog { query } => {
                    provide_current(store, edition.get());
                    part!("catalog", view! { <pages::catalog::CatalogPage query /> })
                }
                Route::Threat(id) => {
                    provide_current(store, edition.get());
                    part!("catalog", view! { <pages::threat::ThreatPage id /> })
                }
                Route::Control(id) => {
                    provide_current(store, edition.get());
                    part!("catalog", view! { <pages::control::ControlPage id /> })
                }
                Route::Navigator => {
                    provide_current(store, edition.get());
                    part!("catalog", pages::navigator::NavigatorPage())
                }
                Route::About => {
                    provide_current(store, edition.get());
                    part!("catalog", pages::about::AboutPage())
                }
                Route::NotFound(raw) => view! { <pages::not_found::NotFound raw /> }.into_any(),
            }}
        </main>
        <footer class="footer">
            <p>
                "Threats and controls from the "
                <a href="https://owaspai.org" rel="noopener noreferrer">"OWASP AI Exchange"</a>
                " (CC0). Your answers stay in this browser; nothing is sent anywhere."
            </p>
        </footer>
    }
}

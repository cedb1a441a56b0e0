use super::pages::profile::ProfilePage;
use crate::core::catalog::Catalog;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let catalog = Catalog::default_edition();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">"◆"</span>
                <span class="name">"aixa"</span>
                <span class="tagline">"AI security assessor"</span>
            </div>
            <span class="edition" data-testid="edition">
                "Catalog: " {catalog.title}
            </span>
        </header>
        <main id="main">
            <ProfilePage catalog=catalog />
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

//! The site footer: who we are, in a few lines.

use crate::content::use_site;
use leptos::prelude::*;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    view! {
        <footer class="site-footer">
            <h2 class="site-footer__title">"Qui sommes-nous\u{202f}?"</h2>
            <p class="site-footer__about">{site.about.clone()}</p>
            <p>
                <a href="/a-propos">"En savoir plus sur " {site.name.clone()}</a>
            </p>
        </footer>
    }
}

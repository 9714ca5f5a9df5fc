//! The site footer: who we are, in a few lines, and where to follow the portal.

use crate::{
    content::{safe_href, use_site},
    share::Network,
};
use leptos::prelude::*;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    // Profile addresses come from site.json: only those the link allowlist accepts are linked.
    let follow: Vec<_> = site
        .social
        .iter()
        .filter_map(|account| {
            let href = safe_href(&account.url)?.to_string();
            let name = Network::display_name(&account.network);
            Some(view! { <li><a href=href rel="me">{name}</a></li> })
        })
        .collect();
    let follow = (!follow.is_empty()).then(|| {
        view! {
            <nav class="site-footer__follow" aria-label="Nous suivre">
                <ul role="list">{follow}</ul>
            </nav>
        }
    });
    view! {
        <footer class="site-footer">
            <h2 class="site-footer__title">"Qui sommes-nous\u{202f}?"</h2>
            <p class="site-footer__about">{site.about.clone()}</p>
            <p>
                <a href="/a-propos">"En savoir plus sur " {site.name.clone()}</a>
            </p>
            {follow}
        </footer>
    }
}

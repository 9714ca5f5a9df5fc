//! The site header: the name (a link home), the tagline and the main navigation.

use crate::content::use_site;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let tags = site
        .tags
        .into_iter()
        .map(|tag| {
            let href = format!("/tag/{}", tag.slug);
            view! {
                <li>
                    <A href=href>{tag.name.clone()}</A>
                </li>
            }
        })
        .collect_view();

    view! {
        <header class="site-header">
            <a class="skip-link" href="#contenu">
                "Aller au contenu"
            </a>
            <div class="site-header__brand">
                <A href="/" attr:class="site-header__name">
                    {site.name.clone()}
                </A>
                <p class="site-header__tagline">{site.tagline.clone()}</p>
            </div>
            <nav class="site-nav" aria-label="Navigation principale">
                <ul>
                    <li>
                        <A href="/" exact=true>
                            "À la une"
                        </A>
                    </li>
                    {tags}
                    <li>
                        <A href="/a-propos">"À propos"</A>
                    </li>
                </ul>
            </nav>
        </header>
    }
}

//! The site header: the name (a link home), the tagline, the search form and the main navigation.

use crate::{components::search_form::SearchForm, content::use_site, routes};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Whether the navigation link to `href` leads to the section the reader is in (`path`): its
/// own page and the pages under it (`/tag/ia` for `/tag/ia/page/2`), the home for the pages of
/// the home index. Plain links with this one test, rather than the router's `<A>` (which
/// resolves and watches each link on its own, for every link of every prerendered page).
pub fn is_current(path: &str, href: &str) -> bool {
    let path = routes::canonical(path);
    if href == routes::HOME {
        return path == routes::HOME || path.starts_with("/page/");
    }
    path == href
        || path
            .strip_prefix(href)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Focuses `<main id="contenu">` (focusable by script only) instead of following the link.
fn skip_to_content(ev: leptos::ev::MouseEvent) {
    if crate::browser::focus_by_id("contenu") {
        ev.prevent_default();
    }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let pathname = use_location().pathname;
    let current = move |href: &str| {
        let href = href.to_string();
        move || is_current(&pathname.get(), &href).then_some("page")
    };
    let tags = site
        .tags
        .into_iter()
        .map(|tag| {
            let href = routes::tag(&tag.slug);
            view! {
                <li>
                    <a href=href.clone() aria-current=current(&href)>{tag.name.clone()}</a>
                </li>
            }
        })
        .collect_view();

    view! {
        <header class="site-header">
            // The router handles in-page links itself, which would leave the keyboard's starting
            // point where it was: the link moves the focus to the main region on its own.
            <a class="skip-link" href="#contenu" on:click=skip_to_content>
                "Aller au contenu"
            </a>
            <div class="site-header__brand">
                <a href="/" class="site-header__name">
                    {site.name.clone()}
                </a>
                <p class="site-header__tagline">{site.tagline.clone()}</p>
            </div>
            <SearchForm class="search-form site-search" id="recherche-entete" label="Rechercher dans le site" compact=true />
            <nav class="site-nav" aria-label="Navigation principale">
                <ul>
                    <li>
                        <a href="/" aria-current=current("/")>
                            "À la une"
                        </a>
                    </li>
                    {tags}
                    <li>
                        <a href="/a-propos" aria-current=current("/a-propos")>
                            "À propos"
                        </a>
                    </li>
                </ul>
            </nav>
        </header>
    }
}

#[cfg(test)]
mod tests {
    use super::is_current;

    #[test]
    fn a_link_is_current_on_its_section_s_pages_only() {
        // (where the reader is, the link, whether it is marked current).
        for (path, href, current) in [
            ("/tag/ia", "/tag/ia", true),
            ("/tag/ia/", "/tag/ia", true),
            ("/tag/ia/page/2", "/tag/ia", true),
            ("/tag/iab", "/tag/ia", false),
            ("/tag/vision", "/tag/ia", false),
            ("/", "/tag/ia", false),
            ("/a-propos", "/a-propos", true),
            ("/article/a-propos-de-rien", "/a-propos", false),
            // The home link: on the pages of the home index only.
            ("/", "/", true),
            ("", "/", true),
            ("/page/3", "/", true),
            ("/article/x", "/", false),
            ("/tag/ia", "/", false),
            ("/pages-perdues", "/", false),
        ] {
            assert_eq!(is_current(path, href), current, "{href} at {path}");
        }
    }
}

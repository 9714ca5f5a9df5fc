//! The site header: the name (a link home), the tagline and the main navigation.

use crate::content::use_site;
use leptos::prelude::*;
use leptos_router::components::A;

/// Focuses `<main id="contenu">` (focusable by script only).
fn skip_to_content(ev: leptos::ev::MouseEvent) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let main = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("contenu"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            ev.prevent_default();
            let _ = main.focus();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = ev;
}

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
            // The router handles in-page links itself, which would leave the keyboard's starting
            // point where it was: the link moves the focus to the main region on its own.
            <a class="skip-link" href="#contenu" on:click=skip_to_content>
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

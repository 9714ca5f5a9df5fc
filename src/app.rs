//! The application shell: head defaults, the header, the routed page and the footer.

use crate::{
    components::{footer::SiteFooter, header::SiteHeader},
    content,
    pages::{
        about::AboutPage, article::ArticlePage, home::HomePage, not_found::NotFoundPage,
        tag::TagPage,
    },
};
use leptos::{either::Either, prelude::*};
use leptos_meta::{provide_meta_context, Html, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

/// The whole site. Every route renders inside the same header and footer.
#[component]
pub fn App() -> impl IntoView {
    // leptos_meta: lets any page set `<title>` and metas, in the browser and when prerendering.
    provide_meta_context();
    let bundle = match content::bundled() {
        Ok(bundle) => bundle,
        Err(error) => return Either::Right(view! { <ContentErrorPage error=error.clone() /> }),
    };
    content::provide_content(bundle);
    let site_name = bundle.site.name.clone();
    let formatter = move |page: String| {
        if page.is_empty() {
            site_name.clone()
        } else {
            format!("{page} — {site_name}")
        }
    };

    Either::Left(view! {
        <Html {..} lang="fr" />
        <Title formatter />
        <Router>
            <SiteHeader />
            <main id="contenu" class="page">
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/article/:slug") view=ArticlePage />
                    <Route path=path!("/tag/:slug") view=TagPage />
                    <Route path=path!("/a-propos") view=AboutPage />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    })
}

/// Shown instead of the site when its content cannot be read: a message, never a blank page.
#[component]
fn ContentErrorPage(error: content::ContentError) -> impl IntoView {
    view! {
        <Html {..} lang="fr" />
        <main id="contenu" class="page">
            <h1 class="page__title">"Le site est momentanément indisponible"</h1>
            <p role="alert">{error.to_string()}</p>
        </main>
    }
}

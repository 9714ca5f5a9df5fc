//! The application shell: the content source, head defaults, the header, the routed page and
//! the footer.

use crate::{
    components::{
        content_error::ContentErrorView, footer::SiteFooter, header::SiteHeader,
        page_heading::Arrivals,
    },
    content::{Site, Source},
    newsletter::Provider,
    pages::{
        about::AboutPage, article::ArticlePage, author::AuthorPage, home::HomePage,
        not_found::NotFoundPage, search::SearchPage, tag::TagPage,
    },
    routes::pattern,
};
use leptos::{either::Either, prelude::*};

#[cfg(feature = "styleguide")]
use crate::pages::styleguide::StyleGuidePage;

use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};

/// The site's routes (their patterns are in [`crate::routes::pattern`]), plus `$extra` ones.
/// Anything else is the 404.
macro_rules! site_routes {
    ($($extra:tt)*) => {
        view! {
            <Routes fallback=|| view! { <NotFoundPage /> }>
                <Route path=pattern::HOME view=HomePage />
                <Route path=pattern::HOME_PAGE view=HomePage />
                <Route path=pattern::ARTICLE view=ArticlePage />
                <Route path=pattern::TAG view=TagPage />
                <Route path=pattern::TAG_PAGE view=TagPage />
                <Route path=pattern::AUTHOR view=AuthorPage />
                <Route path=pattern::AUTHOR_PAGE view=AuthorPage />
                <Route path=pattern::ABOUT view=AboutPage />
                <Route path=pattern::SEARCH view=SearchPage />
                $($extra)*
            </Routes>
        }
    };
}

/// The whole site. `source` says where content comes from (bundled when absent), `newsletter`
/// where signups go (the preview mode when absent); every route renders inside the same header
/// and footer once the site description has loaded.
#[component]
pub fn App(
    #[prop(optional)] source: Option<Source>,
    #[prop(optional)] newsletter: Option<Provider>,
) -> impl IntoView {
    // leptos_meta: lets any page set `<title>` and metas, in the browser and when prerendering.
    provide_meta_context();
    let source = source.unwrap_or_default();
    provide_context(source.clone());
    provide_context(newsletter.unwrap_or_default());
    let site = Resource::new(|| (), move |_| source.site());
    // Effects run only in the browser, once the app has rendered or taken over the prerendered
    // page: `<html data-app="ready">` says the page is live (style sheets and tests read it).
    Effect::new(|_| crate::browser::mark_ready());

    // `<html lang="fr">` is in index.html itself, hence in every prerendered page.
    view! {
        <Router>
            <Transition fallback=|| view! { <div class="shell-loading" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match site.await {
                        Ok(site) => Either::Left(view! { <Shell site /> }),
                        Err(error) => Either::Right(view! {
                            <main id="contenu" class="page" tabindex="-1">
                                <ContentErrorView
                                    title="Le site est momentanément indisponible"
                                    error
                                    retry=move || site.refetch()
                                />
                            </main>
                        }),
                    }
                })}
            </Transition>
        </Router>
    }
}

/// Header, routes and footer for a loaded site.
#[component]
fn Shell(site: Site) -> impl IntoView {
    let site_name = site.name.clone();
    // A CMS lists as many articles a page as the site's prerendered pages do.
    provide_context(crate::content::use_source().for_site(&site));
    provide_context(site);
    // After a client-side navigation, keyboard and screen reader users land on the new page's
    // title (announced), not on the link they followed, which is gone: each page's heading
    // takes the focus once it is built for a new address (not on the first load).
    provide_context(Arrivals::default());
    let formatter = move |page: String| {
        let title = crate::seo::full_title(&site_name, &page);
        // leptos_meta 0.8 writes the prerendered <title> without escaping it: a title from
        // content holding « </title><script> » would open a script element
        // (tests/e2e/injection.test.mjs). In the browser the title is set as text, so only the
        // prerender escapes.
        #[cfg(feature = "ssr")]
        let title = crate::escape::text(&title);
        title
    };
    // The designers' workshop (not linked, noindex) exists only in builds with the `styleguide`
    // feature (trunk serve, browser tests); in the reader's release its address is the 404.
    #[cfg(feature = "styleguide")]
    let routes = site_routes!(<Route path=pattern::STYLEGUIDE view=StyleGuidePage />);
    #[cfg(not(feature = "styleguide"))]
    let routes = site_routes!();
    view! {
        <Title formatter />
        <SiteHeader />
        <main id="contenu" class="page" tabindex="-1">{routes}</main>
        <SiteFooter />
    }
}

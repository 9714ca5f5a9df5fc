//! The 404: any unknown path, article or tag. And the page `404.html` is at first, served by
//! the host for every address the build had no page for, among them an article published
//! since, which the app finds once it runs: until it knows, that page says it is looking, and
//! « introuvable » only without JavaScript, when nothing else will look.

use crate::components::{page_heading::PageHeading, specimen::in_style_guide};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Provided by the prerender while it renders `404.html` (the native build only: the app never
/// shows the looking state, it knows).
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Copy)]
pub struct Looking;

/// The heading of `404.html` until the app knows.
pub const LOOKING: &str = "Recherche de la page…";

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if use_context::<Looking>().is_some() {
        return leptos::either::Either::Left(view! { <LookingPage /> });
    }
    let head = (!in_style_guide()).then(|| {
        view! {
            <Title text="Page introuvable" />
            <Meta name="robots" content="noindex" />
        }
    });
    let page = view! {
        {head}
        <div class="not-found">
            <p class="not-found__code" aria-hidden="true">
                "404"
            </p>
            <PageHeading class="page__title">"Page introuvable"</PageHeading>
            <NotFoundText />
        </div>
    };
    #[cfg(feature = "ssr")]
    let page = leptos::either::Either::Right(page);
    page
}

#[component]
fn NotFoundText() -> impl IntoView {
    view! {
        <p>
            "La page demandée n’existe pas ou a été déplacée. Vérifiez l’adresse, ou repartez de la une."
        </p>
        <p>
            <a href="/">"Revenir à l’accueil"</a>
        </p>
    }
}

/// What `404.html` says when the app has not come after [`LATE_AFTER_S`] seconds (its code cut
/// off or very slow): shown by the page's own CSS, so that it needs the app no more than the
/// rest does; the app, once it runs, replaces the whole page.
pub const LATE: &str = "La recherche de cette page prend plus de temps que prévu. Vérifiez votre connexion, puis rechargez la page, ou ";

/// How long `404.html` waits for the app before it says so.
pub const LATE_AFTER_S: u32 = 10;

/// `404.html` as the host serves it, until the app has looked for the address.
#[cfg(feature = "ssr")]
#[component]
fn LookingPage() -> impl IntoView {
    // In this page only (its policy hashes it): hidden until the delay is over, then shown. A
    // delay, not a duration, which the reduced-motion rule shortens.
    let style = format!(
        ".not-found__late{{visibility:hidden;animation:reveal 1ms {LATE_AFTER_S}s forwards}}\
         @keyframes reveal{{to{{visibility:visible}}}}"
    );
    view! {
        <Title text=LOOKING />
        <Meta name="robots" content="noindex" />
        <style>{style}</style>
        <div class="not-found" aria-busy="true">
            <PageHeading class="page__title">{LOOKING}</PageHeading>
            <p>"Cette adresse est peut-être celle d’un article tout juste publié\u{a0}: le site la cherche."</p>
            <noscript>
                <p>"Page introuvable\u{a0}: sans JavaScript, le site ne peut pas la chercher."</p>
                <NotFoundText />
            </noscript>
        </div>
        <p class="not-found__late" role="status">
            {LATE}
            <a href="/">"repartez de la une"</a>
            "."
        </p>
    }
}

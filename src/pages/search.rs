//! `/recherche?q=…`: search in the articles. The page is prerendered without results: it says
//! that search needs JavaScript and offers the tag pages instead. `public/search.js` (loaded
//! with the page, or by its first focus) reads the query from the address, asks the Pagefind
//! index the build wrote (`src/search.rs`) and fills in the count, the filters and the results;
//! its messages, for every state, are in that file. The filters and the order are made there
//! too, from the tag links below: without a script they would do nothing, and built here they
//! cost the full app's wasm 14 kB (brotli) of views for one page.

use crate::{
    components::{head::Head, page_heading::PageHeading, search_form::SearchForm},
    content::use_site,
    routes,
    seo::PageMeta,
};
use leptos::prelude::*;

#[component]
pub fn SearchPage() -> impl IntoView {
    let site = use_site();
    let description = format!("Rechercher dans les articles de {}.", site.name);
    let meta = PageMeta {
        // A page of results is not a page for search engines to list.
        robots: "noindex, follow",
        ..PageMeta::website(&site, "Rechercher", &description, routes::SEARCH)
    };
    // In the full app (404.html, spa.html, a site reading an API), search.js starts from here;
    // on a prerendered page navigation.js has started it already, and this runs nowhere.
    let source = crate::content::use_source();
    Effect::new(move |_| crate::browser::start_search(&source));
    let suggestions = site
        .tags
        .iter()
        .map(|tag| {
            view! {
                <li>
                    <a href=routes::tag(&tag.slug) data-rubrique=tag.slug.clone()>
                        {tag.name.clone()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <Head meta />
        <div class="search" data-recherche="">
            <PageHeading class="page__title">"Rechercher"</PageHeading>
            <SearchForm
                class="search-form search__form"
                id="recherche-page"
                label="Recherche dans les articles"
            />
            // What public/navigation.js says while search.js comes, and if it cannot come
            // (with JavaScript, the status' first words would not be true).
            <p
                class="search__status"
                role="status"
                aria-live="polite"
                data-chargement="Chargement de la recherche…"
            >
                "La recherche a besoin de JavaScript, qui ne s’exécute pas ici. "
                "Vous pouvez parcourir les articles par rubrique\u{a0}:"
            </p>
            <p class="search__echec" hidden>
                "La recherche n’a pas pu se charger\u{a0}: la connexion semble coupée ou trop lente. "
                "Réessayez\u{a0}; les rubriques restent accessibles\u{a0}: "
                <button type="button" class="search__retry">"Réessayer"</button>
            </p>
            <ul class="search__suggestions">{suggestions}</ul>
            <ol class="search__results" aria-label="Résultats"></ol>
            <p class="search__more-row">
                <button type="button" class="button search__more" hidden>
                    "Afficher plus de résultats"
                </button>
            </p>
        </div>
    }
}

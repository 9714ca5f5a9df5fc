//! `/auteur/:slug` and `/auteur/:slug/page/N`: who an author is (their bio when the content has
//! one) and the articles they signed, newest first; the 404 for an unknown author.

use crate::{
    components::listing::{slug_and_page, ListingView},
    content::{use_site, use_source},
    pages::loading::{ListLoading, Loaded},
    routes::{self, page_href},
    seo::PageMeta,
};
use leptos::prelude::*;

#[component]
pub fn AuthorPage() -> impl IntoView {
    let source = use_source();
    let listing = Resource::new(slug_and_page(), move |(slug, page)| {
        source.author_page(&slug, page)
    });

    view! {
        <Loaded
            resource=listing
            fallback=|| view! { <ListLoading /> }
            failure="Impossible d’afficher cette page d’auteur"
            render=|listing| {
                let site = use_site();
                let author = listing.author;
                let description = author.bio.clone().unwrap_or_else(|| {
                    format!("Les articles de {} publiés dans {}.", author.name, site.name)
                });
                let base = routes::author(&author.slug);
                let path = page_href(&base, listing.page.page);
                let meta = PageMeta::author(&site, &author, &description, &path);
                view! { <ListingView meta title=author.name intro=author.bio base page=listing.page /> }
            }
        />
    }
}

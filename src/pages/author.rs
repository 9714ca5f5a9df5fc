//! `/auteur/:slug` and `/auteur/:slug/page/N`: who an author is (their bio when the content has
//! one) and the articles they signed, newest first; the 404 for an unknown author.

use crate::{
    components::listing::Listed,
    content::{use_source, AuthorListing},
    pages::listing::NamedListing,
    routes::{self, page_href},
    seo::PageMeta,
};
use leptos::prelude::*;

#[component]
pub fn AuthorPage() -> impl IntoView {
    let source = use_source();
    view! {
        <NamedListing
            read=move |slug, page| source.author_page(&slug, page)
            failure="Impossible d’afficher cette page d’auteur"
            show=|listing: AuthorListing, site| {
                let author = listing.author;
                let description = author.bio.clone().unwrap_or_else(|| {
                    format!("Les articles de {} publiés dans {}.", author.name, site.name)
                });
                let base = routes::author(&author.slug);
                let path = page_href(&base, listing.page.page);
                Listed {
                    meta: PageMeta::author(site, &author, &description, &path),
                    title: author.name,
                    intro: author.bio,
                    base,
                    page: listing.page,
                }
            }
        />
    }
}

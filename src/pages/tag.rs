//! `/tag/:slug` and `/tag/:slug/page/N`: the articles filed under one tag, or the 404 for an unknown tag.

use crate::{
    components::listing::Listed,
    content::{use_source, TagListing},
    pages::listing::NamedListing,
    routes::{self, page_href},
    seo::PageMeta,
};
use leptos::prelude::*;

#[component]
pub fn TagPage() -> impl IntoView {
    let source = use_source();
    view! {
        <NamedListing
            read=move |slug, page| source.tag_page(&slug, page)
            failure="Impossible d’afficher ce thème"
            show=|listing: TagListing, site| {
                let tag = listing.tag;
                let description = tag.description.clone().unwrap_or_else(|| {
                    format!("Les articles de {} sur le thème «\u{a0}{}\u{a0}».", site.name, tag.name)
                });
                let base = routes::tag(&tag.slug);
                Listed {
                    meta: PageMeta::website(site, &tag.name, &description, &page_href(&base, listing.page.page)),
                    title: tag.name,
                    intro: tag.description,
                    base,
                    page: listing.page,
                }
            }
        />
    }
}

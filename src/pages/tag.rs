//! `/tag/:slug` and `/tag/:slug/page/N`: the articles filed under one tag, or the 404 for an unknown tag.

use crate::{
    components::listing::{slug_and_page, ListingView},
    content::{use_site, use_source},
    pages::loading::{ListLoading, Loaded},
    routes::{self, page_href},
    seo::PageMeta,
};
use leptos::prelude::*;

#[component]
pub fn TagPage() -> impl IntoView {
    let source = use_source();
    let listing = Resource::new(slug_and_page(), move |(slug, page)| {
        source.tag_page(&slug, page)
    });

    view! {
        <Loaded
            resource=listing
            fallback=|| view! { <ListLoading /> }
            failure="Impossible d’afficher ce thème"
            render=|listing| {
                let site = use_site();
                let tag = listing.tag;
                let description = tag.description.clone().unwrap_or_else(|| {
                    format!("Les articles de {} sur le thème «\u{a0}{}\u{a0}».", site.name, tag.name)
                });
                let base = routes::tag(&tag.slug);
                let meta = PageMeta::website(&site, &tag.name, &description, &page_href(&base, listing.page.page));
                view! { <ListingView meta title=tag.name intro=tag.description base page=listing.page /> }
            }
        />
    }
}

//! `/tag/:slug` and `/tag/:slug/page/N`: the articles filed under one tag, or the 404 for an unknown tag.

use crate::{
    components::{article_list::ArticleList, head::Head, page_heading::PageHeading, pager::Pager},
    content::{use_site, use_source},
    pages::loading::{ListLoading, Loaded},
    routes::{self, page_href, page_number},
    seo::PageMeta,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn TagPage() -> impl IntoView {
    let source = use_source();
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get(routes::SLUG).unwrap_or_default(),
            page_number(params.get(routes::PAGE).as_deref()),
        )
    };
    let listing = Resource::new(key, move |(slug, page)| source.tag_page(&slug, page));

    view! {
        <Loaded
            resource=listing
            fallback=|| view! { <ListLoading /> }
            failure="Impossible d’afficher ce thème"
            render=|listing| {
                let page = listing.page;
                let count = match page.total {
                    0 => "Aucun article".to_string(),
                    1 => "1 article".to_string(),
                    n => format!("{}\u{a0}articles", crate::french::number(n.into())),
                };
                let site = use_site();
                let description = listing.tag.description.clone().unwrap_or_else(|| {
                    format!("Les articles de {} sur le thème «\u{a0}{}\u{a0}».", site.name, listing.tag.name)
                });
                let path = page_href(&routes::tag(&listing.tag.slug), page.page);
                let meta = PageMeta::website(&site, &listing.tag.name, &description, &path);
                view! {
                    <Head meta />
                    <PageHeading class="page__title">{listing.tag.name.clone()}</PageHeading>
                    {listing.tag.description.map(|d| view! { <p class="page__intro">{d}</p> })}
                    <p class="tag-count">{count}</p>
                    <ArticleList articles=page.items opens_page=true />
                    <Pager base=routes::tag(&listing.tag.slug) page=page.page total_pages=page.total_pages />
                }
            }
        />
    }
}

//! `/auteur/:slug` and `/auteur/:slug/page/N`: who an author is (their bio when the content has
//! one) and the articles they signed, newest first; the 404 for an unknown author.

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
pub fn AuthorPage() -> impl IntoView {
    let source = use_source();
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get(routes::SLUG).unwrap_or_default(),
            page_number(params.get(routes::PAGE).as_deref()),
        )
    };
    let listing = Resource::new(key, move |(slug, page)| source.author_page(&slug, page));

    view! {
        <Loaded
            resource=listing
            fallback=|| view! { <ListLoading /> }
            failure="Impossible d’afficher cette page d’auteur"
            render=|listing| {
                let page = listing.page;
                let author = listing.author;
                let count = match page.total {
                    0 => "Aucun article".to_string(),
                    1 => "1 article signé".to_string(),
                    n => format!("{}\u{a0}articles signés", crate::french::number(n.into())),
                };
                let site = use_site();
                let description = author.bio.clone().unwrap_or_else(|| {
                    format!("Les articles de {} publiés dans {}.", author.name, site.name)
                });
                let base = routes::author(&author.slug);
                let meta = PageMeta::author(&site, &author, &description, &page_href(&base, page.page));
                view! {
                    <Head meta />
                    <PageHeading class="page__title">{author.name.clone()}</PageHeading>
                    {author.bio.map(|bio| view! { <p class="page__intro">{bio}</p> })}
                    <p class="tag-count">{count}</p>
                    <ArticleList articles=page.items opens_page=true />
                    <Pager base page=page.page total_pages=page.total_pages />
                }
            }
        />
    }
}

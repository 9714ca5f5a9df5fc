//! A page of articles named by a slug, a tag's or an author's (`pages/tag.rs`,
//! `pages/author.rs`): its head, title, intro when there is one, how many articles (on the
//! list's head), a page of cards and the pager; and the route's slug and page number it is read for.

use crate::{
    components::{article_list::ArticleList, head::Head, page_heading::PageHeading, pager::Pager},
    content::{ArticleSummary, Page},
    routes::{self, page_number},
    seo::PageMeta,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The route's slug and page number (the head when the path has none), as a resource's key.
pub fn slug_and_page() -> impl Fn() -> (String, u32) + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        let params = params.read();
        (
            params.get(routes::SLUG).unwrap_or_default(),
            page_number(params.get(routes::PAGE).as_deref()),
        )
    }
}

/// « Aucun article », « 1 article », « 12 articles ».
pub fn count(total: u32) -> String {
    match total {
        0 => "Aucun article".to_string(),
        1 => "1 article".to_string(),
        n => format!("{}\u{a0}articles", crate::french::number(n.into())),
    }
}

/// What heads a list's page, and the page: [`ListingView`]'s props, as a page makes them of
/// what it read.
pub struct Listed {
    pub meta: PageMeta,
    pub title: String,
    pub intro: Option<String>,
    pub base: String,
    pub page: Page<ArticleSummary>,
}

/// The list's page. `base`: its first page's path (the pager's links are made from it).
#[component]
pub fn ListingView(
    meta: PageMeta,
    title: String,
    intro: Option<String>,
    base: String,
    page: Page<ArticleSummary>,
) -> impl IntoView {
    view! {
        <Head meta />
        <PageHeading class="page__title">{title}</PageHeading>
        {intro.map(|d| view! { <p class="page__intro">{d}</p> })}
        {page.total.map(|total| view! { <p class="tag-count">{count(total)}</p> })}
        <ArticleList articles=page.items opens_page=true />
        <Pager base page=page.page newer=page.newer older=page.older />
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn the_count_is_french() {
        assert_eq!(count(0), "Aucun article");
        assert_eq!(count(1), "1 article");
        assert_eq!(count(2), "2\u{a0}articles");
        assert_eq!(count(18_400), "18\u{202f}400\u{a0}articles");
    }
}

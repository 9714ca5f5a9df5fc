//! `/` and `/page/N`: the latest articles, then the archive a page at a time (numbered from the
//! oldest: `content::Page`).

use crate::{
    components::{
        article_list::{ArticleList, LeadStory},
        head::Head,
        newsletter::NewsletterBox,
        page_heading::PageHeading,
        pager::Pager,
    },
    content::{use_site, use_source},
    pages::loading::{ListLoading, Loaded},
    routes::{self, page_href, page_number},
    seo::PageMeta,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn HomePage() -> impl IntoView {
    let source = use_source();
    let params = use_params_map();
    let page = move || page_number(params.read().get(routes::PAGE).as_deref());
    // One page of the index, never the whole archive.
    let index = Resource::new(page, move |n| source.index_page(n));

    view! {
        <Loaded
            resource=index
            fallback=|| view! { <ListLoading /> }
            failure="Impossible d’afficher les articles"
            render=|page| {
                let site = use_site();
                // An empty title: the formatter then shows the site name alone.
                let title = if page.page != routes::HEAD {
                    format!("À la une, page {}", page.page)
                } else {
                    String::new()
                };
                let meta = PageMeta::website(&site, &title, &site.tagline, &page_href(routes::HOME, page.page));
                let mut items = page.items;
                // The newest story leads the head, large.
                let lead = (page.page == routes::HEAD && !items.is_empty()).then(|| items.remove(0));
                view! {
                    <Head meta />
                    <PageHeading class="page__title">"À la une"</PageHeading>
                    {lead.map(|article| view! { <LeadStory article /> })}
                    <ArticleList articles=items />
                    <Pager base="/" page=page.page newer=page.newer older=page.older />
                    <NewsletterBox source="accueil" />
                }
            }
        />
    }
}

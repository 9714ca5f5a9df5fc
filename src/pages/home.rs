//! `/` and `/?page=N`: the latest articles, a page at a time.

use crate::{
    components::{
        article_list::ArticleList,
        content_error::ContentErrorView,
        pager::{page_number, Pager},
    },
    content::{use_source, ContentError},
    pages::{loading::ListLoading, not_found::NotFoundPage},
};
use leptos::{either::EitherOf3, prelude::*};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn HomePage() -> impl IntoView {
    let source = use_source();
    let query = use_query_map();
    let page = move || page_number(query.read().get("page").as_deref());
    // One page of the index, never the whole archive.
    let index = Resource::new(page, move |n| source.index_page(n));

    view! {
        <Transition fallback=|| view! { <ListLoading /> }>
            {move || Suspend::new(async move {
                match index.await {
                    Ok(page) => {
                        // An empty title: the formatter then shows the site name alone.
                        let title = if page.page > 1 {
                            format!("À la une, page {}", page.page)
                        } else {
                            String::new()
                        };
                        EitherOf3::A(view! {
                        <Title text=title />
                        <h1 class="page__title">"À la une"</h1>
                        <ArticleList articles=page.items />
                        <Pager base="/" page=page.page total_pages=page.total_pages />
                    })
                    }
                    Err(ContentError::NotFound) => EitherOf3::B(view! { <NotFoundPage /> }),
                    Err(error) => EitherOf3::C(view! {
                        <Title text="Erreur" />
                        <ContentErrorView
                            title="Impossible d’afficher les articles"
                            error
                            retry=move || index.refetch()
                        />
                    }),
                }
            })}
        </Transition>
    }
}

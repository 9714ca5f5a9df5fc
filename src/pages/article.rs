//! `/article/:slug`: one article, or the 404 when the slug is unknown.

use crate::{content::use_content, french, pages::not_found::NotFoundPage};
use leptos::{either::Either, prelude::*};
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

#[component]
pub fn ArticlePage() -> impl IntoView {
    let content = use_content();
    let params = use_params_map();
    // Re-rendered whenever the slug changes, e.g. on a link from one article to another.
    move || {
        let slug = params.read().get("slug").unwrap_or_default();
        match content.article(&slug) {
            Some(article) => {
                let tags = article
                    .tags
                    .iter()
                    .filter_map(|slug| content.tag(slug))
                    .map(|tag| {
                        view! {
                            <li>
                                <A href=format!("/tag/{}", tag.slug)>{tag.name.clone()}</A>
                            </li>
                        }
                    })
                    .collect_view();
                let date = french::long_date(&article.published).unwrap_or_default();
                Either::Left(view! {
                    <Title text=article.title.clone() />
                    <article class="article">
                        <ul class="tag-list" aria-label="Thèmes">
                            {tags}
                        </ul>
                        <h1 class="article__title">{article.title.clone()}</h1>
                        <p class="article__lead">{article.lead.clone()}</p>
                        <p class="article__byline">
                            "Publié le "
                            <time datetime=article.published.clone()>{date}</time>
                        </p>
                    </article>
                })
            }
            None => Either::Right(view! { <NotFoundPage /> }),
        }
    }
}

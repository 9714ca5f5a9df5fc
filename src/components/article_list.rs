//! A list of article cards: tag, title (a link to the article), lead, date and reading time.

use crate::{
    content::{use_site, ArticleSummary},
    french,
};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ArticleList(articles: Vec<ArticleSummary>) -> impl IntoView {
    let site = use_site();
    let cards = articles
        .into_iter()
        .map(|article| {
            let href = format!("/article/{}", article.slug);
            let tag = article
                .tags
                .first()
                .and_then(|slug| site.tags.iter().find(|t| &t.slug == slug).cloned())
                .map(|t| view! { <A href=format!("/tag/{}", t.slug) attr:class="card__tag">{t.name.clone()}</A> });
            let date = french::long_date(article.published.get(..10).unwrap_or_default())
                .unwrap_or_default();
            let minutes = article
                .reading_minutes
                .map(|m| format!(" · {m}\u{a0}min de lecture"));
            view! {
                <li>
                    <article class="card">
                        {tag}
                        <h2 class="card__title">
                            <A href=href>{article.title}</A>
                        </h2>
                        <p class="card__lead">{article.lead}</p>
                        <p class="card__meta">
                            <time datetime=article.published>{date}</time>
                            {minutes}
                        </p>
                    </article>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="article-list">{cards}</ul> }
}

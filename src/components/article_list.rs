//! Article cards: cover, tag, title (a link to the article), lead, date and reading time. A list
//! of them, and the large lead story that opens the home page.

use crate::{
    content::{safe_href, use_site, ArticleSummary, Site},
    french, routes,
};
use leptos::prelude::*;

#[component]
pub fn ArticleList(articles: Vec<ArticleSummary>) -> impl IntoView {
    let site = use_site();
    let cards = articles
        .into_iter()
        .map(|article| view! { <li>{card(&site, article, "card")}</li> })
        .collect_view();
    view! { <ul class="article-list">{cards}</ul> }
}

/// The newest story, shown large.
#[component]
pub fn LeadStory(article: ArticleSummary) -> impl IntoView {
    let site = use_site();
    card(&site, article, "card card--lead")
}

fn card(site: &Site, article: ArticleSummary, class: &'static str) -> impl IntoView {
    let href = routes::article(&article.slug);
    let tag = article
        .tags
        .first()
        .and_then(|slug| site.tag(slug).cloned())
        .map(|t| view! { <a href=routes::tag(&t.slug) class="card__tag">{t.name}</a> });
    let cover = article.cover.and_then(|cover| {
        let src = safe_href(&cover.src)?.to_string();
        // Width and height reserve the space, so nothing moves when the image arrives.
        Some(view! {
            <img
                class="card__cover"
                src=src
                alt=cover.alt
                width="1200"
                height="630"
                loading="lazy"
                decoding="async"
            />
        })
    });
    let date = french::date_or_as_given(&article.published);
    let minutes = article
        .reading_minutes
        .map(|m| format!(" · {m}\u{a0}min de lecture"));
    view! {
        <article class=class>
            {cover}
            <div class="card__text">
                {tag}
                <h2 class="card__title">
                    <a href=href>{article.title}</a>
                </h2>
                <p class="card__lead">{article.lead}</p>
                <p class="card__meta">
                    <time datetime=article.published>{date}</time>
                    {minutes}
                </p>
            </div>
        </article>
    }
}

//! Article cards: cover, tag, title (a link to the article), lead, date and reading time. A list
//! of them, and the large lead story that opens the home page.

use crate::{
    components::picture::{picture, Load},
    content::{use_site, ArticleSummary, Site},
    french,
    images::Slot,
    routes,
};
use leptos::prelude::*;

/// A list of cards. `opens_page`: the list is the first thing under the page's title (a tag's
/// page), so its first cover is on screen at once and loads at once; every other cover waits
/// until it comes near (`loading="lazy"`).
#[component]
pub fn ArticleList(
    articles: Vec<ArticleSummary>,
    #[prop(optional)] opens_page: bool,
) -> impl IntoView {
    let site = use_site();
    let cards = articles
        .into_iter()
        .enumerate()
        .map(|(i, article)| {
            let cover = if opens_page && i == 0 {
                Load::First
            } else {
                Load::Later
            };
            view! { <li>{card(&site, article, "card", Slot::Card, cover)}</li> }
        })
        .collect_view();
    view! { <ul class="article-list">{cards}</ul> }
}

/// The newest story, shown large: its cover is on screen at once.
#[component]
pub fn LeadStory(article: ArticleSummary) -> impl IntoView {
    let site = use_site();
    card(&site, article, "card card--lead", Slot::Lead, Load::First)
}

/// A card whose cover is in `slot` of the layout and loads `when`.
fn card(
    site: &Site,
    article: ArticleSummary,
    class: &'static str,
    slot: Slot,
    when: Load,
) -> impl IntoView {
    let href = routes::article(&article.slug);
    let tag = article
        .tags
        .first()
        .and_then(|slug| site.tag(slug).cloned())
        .map(|t| view! { <a href=routes::tag(&t.slug) class="card__tag">{t.name}</a> });
    let cover = article
        .cover
        .and_then(|cover| picture(cover, slot, "card__cover", when));
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

//! A list of article cards: title (a link to the article), lead and date.

use crate::{content::ArticleSummary, french};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ArticleList(articles: Vec<&'static ArticleSummary>) -> impl IntoView {
    let cards = articles
        .into_iter()
        .map(|article| {
            let href = format!("/article/{}", article.slug);
            let date = french::long_date(&article.published).unwrap_or_default();
            view! {
                <li>
                    <article class="card">
                        <h2 class="card__title">
                            <A href=href>{article.title.clone()}</A>
                        </h2>
                        <p class="card__lead">{article.lead.clone()}</p>
                        <time class="card__date" datetime=article.published.clone()>
                            {date}
                        </time>
                    </article>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="article-list">{cards}</ul> }
}

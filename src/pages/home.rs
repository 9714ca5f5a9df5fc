//! `/`: the latest articles.

use crate::{components::article_list::ArticleList, content::use_content};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let content = use_content();
    view! {
        // An empty title: the formatter then shows the site name alone.
        <Title text="" />
        <h1 class="page__title">"À la une"</h1>
        <ArticleList articles=content.articles.iter().collect() />
    }
}

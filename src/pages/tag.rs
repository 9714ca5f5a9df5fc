//! `/tag/:slug`: the articles filed under one tag, or the 404 when the tag is unknown.

use crate::{
    components::article_list::ArticleList, content::use_content, pages::not_found::NotFoundPage,
};
use leptos::{either::Either, prelude::*};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn TagPage() -> impl IntoView {
    let content = use_content();
    let params = use_params_map();
    move || {
        let slug = params.read().get("slug").unwrap_or_default();
        match content.tag(&slug) {
            Some(tag) => Either::Left(view! {
                <Title text=tag.name.clone() />
                <h1 class="page__title">{tag.name.clone()}</h1>
                <ArticleList articles=content.tagged(&tag.slug).collect() />
            }),
            None => Either::Right(view! { <NotFoundPage /> }),
        }
    }
}

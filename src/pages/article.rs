//! `/article/:slug`: one article, read top to bottom in the order a reader meets it; the 404
//! when the slug is unknown.

use crate::{
    components::{article_body::ArticleBody, content_error::ContentErrorView},
    content::{safe_href, use_site, use_source, Article, ContentError},
    french,
    pages::{loading::ArticleLoading, not_found::NotFoundPage},
};
use leptos::{either::EitherOf3, prelude::*};
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

#[component]
pub fn ArticlePage() -> impl IntoView {
    let source = use_source();
    let params = use_params_map();
    // Refetched whenever the slug changes, e.g. on a link from one article to another; leaving
    // the page cancels a request still under way.
    let article = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        move |slug| source.article(&slug),
    );

    view! {
        <Transition fallback=|| view! { <ArticleLoading /> }>
            {move || Suspend::new(async move {
                match article.await {
                    Ok(article) => EitherOf3::A(view! { <ArticleView article /> }),
                    Err(ContentError::NotFound) => EitherOf3::B(view! { <NotFoundPage /> }),
                    Err(error) => EitherOf3::C(view! {
                        <Title text="Erreur" />
                        <ContentErrorView
                            title="Impossible d’afficher cet article"
                            error
                            retry=move || article.refetch()
                        />
                    }),
                }
            })}
        </Transition>
    }
}

#[component]
fn ArticleView(article: Article) -> impl IntoView {
    let site = use_site();
    let reading = article.reading_minutes();
    let Article { summary, body } = article;
    let tags = summary
        .tags
        .iter()
        .filter_map(|slug| site.tags.iter().find(|t| &t.slug == slug).cloned())
        .map(|tag| {
            view! {
                <li>
                    <A href=format!("/tag/{}", tag.slug)>{tag.name.clone()}</A>
                </li>
            }
        })
        .collect_view();
    let date = |iso: &str| french::long_date(iso.get(..10).unwrap_or_default()).unwrap_or_default();
    let published = date(&summary.published);
    let updated = summary.updated.clone().map(|iso| {
        let text = date(&iso);
        view! {
            <span class="byline__updated">
                " · mis à jour le " <time datetime=iso>{text}</time>
            </span>
        }
    });
    let cover = summary.cover.clone().and_then(|cover| {
        let src = safe_href(&cover.src)?.to_string();
        Some(view! {
            <figure class="article__cover">
                <img src=src alt=cover.alt width="1200" height="630" decoding="async" />
                {cover.credit.map(|c| view! { <figcaption class="credit">{c}</figcaption> })}
            </figure>
        })
    });

    view! {
        <Title text=summary.title.clone() />
        <article class="article">
            <ul class="tag-list" aria-label="Thèmes">
                {tags}
            </ul>
            <h1 class="article__title">{summary.title.clone()}</h1>
            <p class="article__lead">{summary.lead.clone()}</p>
            <p class="byline">
                "Par " <span class="byline__author">{summary.author.clone()}</span> " · publié le "
                <time datetime=summary.published.clone()>{published}</time> {updated}
                {format!(" · {reading}\u{a0}min de lecture")}
            </p>
            {cover}
            <ArticleBody blocks=body />
        </article>
    }
}

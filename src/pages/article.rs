//! `/article/:slug`: one article, read top to bottom in the order a reader meets it; the 404
//! when the slug is unknown.

use crate::{
    components::{
        article_body::ArticleBody,
        article_list::ArticleList,
        head::Head,
        newsletter::NewsletterBox,
        page_heading::PageHeading,
        picture::{picture, Load},
        share::ShareRow,
    },
    content::{use_site, use_source, Article, Tag},
    french,
    images::Slot,
    pages::loading::{ArticleLoading, Loaded},
    routes,
    seo::PageMeta,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let source = use_source();
    let params = use_params_map();
    // Refetched whenever the slug changes, e.g. on a link from one article to another; leaving
    // the page cancels a request still under way.
    let article = Resource::new(
        move || params.read().get(routes::SLUG).unwrap_or_default(),
        move |slug| source.article(&slug),
    );

    view! {
        <Loaded
            resource=article
            fallback=|| view! { <ArticleLoading /> }
            failure="Impossible d’afficher cet article"
            render=|article| {
                let slug = article.summary.slug.clone();
                view! {
                    <ArticleView article />
                    <Related slug />
                }
            }
        />
    }
}

#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let site = use_site();
    let reading = article.reading_minutes();
    let toc = article.toc();
    let author = article.author();
    let meta = PageMeta::article(&site, &article.summary, &author.slug);
    let Article { summary, body, .. } = article;
    let tags: Vec<Tag> = summary
        .tags
        .iter()
        .filter_map(|slug| site.tag(slug).cloned())
        .collect();
    let tag_links = move |tags: Vec<Tag>| {
        tags.into_iter()
            .map(|tag| {
                view! {
                    <li>
                        <a href=routes::tag(&tag.slug)>{tag.name}</a>
                    </li>
                }
            })
            .collect_view()
    };
    let toc = (!toc.is_empty()).then(|| {
        let entries = toc
            .into_iter()
            .map(|e| view! { <li><a href=format!("#{}", e.id)>{e.text}</a></li> })
            .collect_view();
        view! {
            <nav class="toc" aria-labelledby="sommaire">
                <h2 id="sommaire" class="toc__title">"Sommaire"</h2>
                <ol>{entries}</ol>
            </nav>
        }
    });
    let date = french::date_or_as_given;
    let published = date(&summary.published);
    let updated = summary.updated.clone().map(|iso| {
        let text = date(&iso);
        view! {
            <span class="byline__updated">
                " · mis à jour le " <time datetime=iso>{text}</time>
            </span>
        }
    });
    // The cover is the page's largest paint.
    let cover = summary.cover.clone().and_then(|cover| {
        let credit = cover.credit.clone();
        let image = picture(cover, Slot::Article, "", Load::First)?;
        Some(view! {
            <figure class="article__cover">
                {image}
                {credit.map(|c| view! { <figcaption class="credit">{c}</figcaption> })}
            </figure>
        })
    });

    // Moved into the heading's children (a closure of its own).
    let title = summary.title.clone();
    // Under the title and after the article, each with ids of its own.
    let share_row = |id: &'static str| {
        view! {
            <ShareRow title=summary.title.clone() lead=summary.lead.clone() slug=summary.slug.clone() id />
        }
    };
    view! {
        <Head meta />
        <article class="article">
            <ul class="tag-list" aria-label="Thèmes">
                {tag_links(tags.clone())}
            </ul>
            <PageHeading class="article__title">{title}</PageHeading>
            <p class="article__lead">{summary.lead.clone()}</p>
            <p class="byline">
                "Par "
                <a class="byline__author" href=routes::author(&author.slug) rel="author">
                    {author.name}
                </a>
                " · publié le "
                <time datetime=summary.published.clone()>{published}</time> {updated}
                {format!(" · {reading}\u{a0}min de lecture")}
            </p>
            {share_row("partage-haut")}
            {cover}
            {toc}
            <ArticleBody blocks=body />
            <footer class="article__footer">
                <h2 class="article__footer-title">"Thèmes de l’article"</h2>
                <ul class="tag-list tag-list--end">{tag_links(tags)}</ul>
            </footer>
            {share_row("partage-bas")}
            <NewsletterBox source=summary.slug.clone() />
        </article>
    }
}

/// « À lire aussi »: three articles that share the most tags with this one.
#[component]
fn Related(slug: String) -> impl IntoView {
    let source = use_source();
    let related = Resource::new(move || slug.clone(), move |slug| source.related(&slug));
    view! {
        <Transition fallback=|| view! { <div class="related related--loading"></div> }>
            {move || Suspend::new(async move {
                // Related articles are a bonus: when they cannot be had, the section is left out.
                related.await.ok().filter(|r| !r.is_empty()).map(|articles| view! {
                    <section class="related" aria-labelledby="a-lire-aussi">
                        <h2 id="a-lire-aussi" class="related__title">"À lire aussi"</h2>
                        <ArticleList articles />
                    </section>
                })
            })}
        </Transition>
    }
}

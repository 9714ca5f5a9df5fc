//! Browser tests of the app on its bundled content: the real app mounted in the real DOM of a
//! headless Chromium (`cargo test --target wasm32-unknown-unknown --features csr`).

use crate::support::*;
use veille::{
    content::{bundled, Catalog, Source, HEAD},
    routes,
};
use wasm_bindgen_test::*;

fn catalog() -> &'static Catalog {
    bundled().unwrap()
}

#[wasm_bindgen_test]
async fn the_shell_renders_header_home_and_footer() {
    let app = mount_at("/", Source::Bundled).await;
    let root = &app.root;
    until_heading(root, "À la une", 2).await;

    let site = catalog().site().clone();
    assert_eq!(text(root, ".site-header__name"), site.name);
    assert!(find(root, "nav[aria-label] a[href='/a-propos']").is_some());
    // The first page of the index, newest first.
    let first_page = catalog().index_page(HEAD).unwrap();
    assert_eq!(
        text(root, ".card--lead .card__title"),
        first_page.items[0].title
    );
    assert_eq!(
        text(root, ".article-list li:first-child .card__title"),
        first_page.items[1].title
    );
    assert_eq!(
        1 + count(root, ".article-list > li"),
        first_page.items.len() as u32
    );
    assert_eq!(text(root, ".site-footer__about"), site.about);
    assert_eq!(document_title(), site.name);
}

/// Clicks the link to `href` inside `within`, then waits for the address and for the page's
/// heading.
async fn follow(root: &web_sys::HtmlElement, within: &str, href: &str, heading: &str) {
    click(root, &format!("{within} a[href='{href}']"));
    until("the address", 2, || pathname() == href).await;
    until_heading(root, heading, 2).await;
}

#[wasm_bindgen_test]
async fn clicking_links_changes_the_route() {
    let app = mount_at("/", Source::Bundled).await;
    let root = &app.root;
    until("the home page", 2, || count(root, ".card__title a") > 1).await;
    let article = &catalog().index_page(HEAD).unwrap().items[1];

    follow(
        root,
        ".card__title",
        &routes::article(&article.slug),
        &article.title,
    )
    .await;
    assert_eq!(text(root, ".article__lead"), article.lead);
    assert_eq!(
        document_title(),
        format!("{} — {}", article.title, catalog().site().name)
    );

    // From the article to one of its tags, then to the about page through the footer.
    let tag = catalog().tag_page(&article.tags[0], HEAD).unwrap().tag;
    follow(
        root,
        ".article .tag-list",
        &routes::tag(&tag.slug),
        &tag.name,
    )
    .await;
    assert!(text(root, ".article-list").contains(&article.title));

    click(root, ".site-footer a[href='/a-propos']");
    until("the about page", 2, || pathname() == "/a-propos").await;
    until("the about heading", 2, || {
        text_or_empty(root, "main h1").starts_with("À propos")
    })
    .await;

    // And home again through the site name.
    click(root, ".site-header__name");
    until("home", 2, || {
        pathname() == "/" && text_or_empty(root, "main h1") == "À la une"
    })
    .await;
}

#[wasm_bindgen_test]
async fn an_article_renders_its_typed_body() {
    let slug = "sommet-de-seoul-securite-ia";
    let app = mount_at(&routes::article(slug), Source::Bundled).await;
    let root = &app.root;
    let article = catalog().article(slug).unwrap();
    until_heading(root, &article.summary.title, 2).await;
    assert!(count(root, ".article-body h2") >= 3);
    assert!(count(root, ".article-body p") >= 5);
    assert!(count(root, ".article-body strong") >= 1);
    assert!(count(root, ".article-body ul li") >= 3);
    assert_eq!(count(root, ".article-body aside.note"), 1);
    assert!(text(root, ".byline").contains("Claire Dumas"));
    assert!(text(root, ".byline").contains("23\u{a0}mai\u{a0}2024"));
    assert!(text(root, ".byline").contains("min de lecture"));
    let cover = find(root, ".article__cover img").unwrap();
    assert!(!cover.get_attribute("alt").unwrap_or_default().is_empty());
}

#[wasm_bindgen_test]
async fn an_unknown_url_shows_the_french_404() {
    for path in [
        "/nimporte/quoi",
        "/article/cet-article-nexiste-pas",
        "/article/Majuscules",
        "/tag/inconnu",
        "/page/99",
        "/page/abc",
        "/page/0",
        "/tag/sante/page/9",
    ] {
        let app = mount_at(path, Source::Bundled).await;
        let root = &app.root;
        until(path, 2, || {
            text_or_empty(root, "main h1") == "Page introuvable"
        })
        .await;
        until("the 404 title", 2, || {
            document_title() == "Page introuvable — Veille IA"
        })
        .await;
        // A way back home.
        assert!(find(root, "main a[href='/']").is_some(), "{path}");
    }
}

#[wasm_bindgen_test]
async fn the_bundled_content_needs_no_request() {
    let performance = web_sys::window().unwrap().performance().unwrap();
    performance.clear_resource_timings();
    let app = mount_at("/", Source::Bundled).await;
    let root = &app.root;
    until("the home page", 2, || count(root, ".card__title a") > 0).await;
    click(root, ".card__title a");
    until_shown(root, ".article-body", 2).await;
    settle().await;
    let json_requests = performance
        .get_entries_by_type("resource")
        .iter()
        .map(|e| {
            js_sys::Reflect::get(&e, &"name".into())
                .unwrap()
                .as_string()
                .unwrap_or_default()
        })
        .filter(|name| name.contains(".json"))
        .collect::<Vec<_>>();
    assert_eq!(json_requests, Vec::<String>::new());
}

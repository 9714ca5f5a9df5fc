//! Browser tests of the reading experience on bundled content: head tags (and their update on
//! client-side navigation), the table of contents, related articles, the lead story.

use crate::support::*;
use veille::{
    content::{bundled, Source, HEAD},
    french::typography,
    routes,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

const BASE: &str = "https://veille-ia.example";

fn json_ld() -> serde_json::Value {
    let text = head_meta("script[type='application/ld+json']").expect("no JSON-LD");
    serde_json::from_str(&text).unwrap()
}

/// Asserts every head tag of the article `slug`.
fn assert_article_head(slug: &str) {
    let article = bundled().unwrap().article(slug).unwrap().summary;
    let title = typography(&article.title);
    let lead = typography(&article.lead);
    let url = format!("{BASE}/article/{slug}");
    assert_eq!(document_title(), format!("{title} — Veille IA"));
    for (tag, expected) in [
        ("meta[name='description']", lead.as_str()),
        ("link[rel='canonical']", url.as_str()),
        ("meta[property='og:type']", "article"),
        ("meta[property='og:title']", title.as_str()),
        ("meta[property='og:url']", url.as_str()),
        ("meta[property='og:locale']", "fr_FR"),
        (
            "meta[property='article:published_time']",
            article.published.as_str(),
        ),
        ("meta[name='twitter:card']", "summary_large_image"),
    ] {
        assert_eq!(head_meta(tag).as_deref(), Some(expected), "{tag}");
    }
    assert_eq!(head_count("link[rel='canonical']"), 1);
    assert_eq!(
        head_count("meta[property='article:tag']") as usize,
        article.tags.len()
    );
    // The cover's PNG copy when it has one: share previews show no SVG.
    let image = article
        .cover
        .as_ref()
        .map(|c| format!("{BASE}{}", c.share.as_ref().unwrap_or(&c.src)));
    assert_eq!(head_meta("meta[property='og:image']"), image);
    let ld = json_ld();
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], title.as_str());
    assert_eq!(ld["author"][0]["name"], article.author.as_str());
    assert_eq!(ld["datePublished"], article.published.as_str());
    assert_eq!(ld["publisher"]["name"], "Veille IA");
    assert_eq!(head_count("script[type='application/ld+json']"), 1);
}

#[wasm_bindgen_test]
async fn head_tags_follow_client_side_navigation() {
    let first = "ai-act-adopte-par-le-conseil";
    let app = mount_at(&routes::article(first), Source::Bundled).await;
    let root = &app.root;
    until_shown(root, ".article-body", 3).await;
    until("its head", 2, || {
        head_count("script[type='application/ld+json']") == 1
    })
    .await;
    assert_article_head(first);
    assert_eq!(
        head_meta("meta[property='article:modified_time']").as_deref(),
        Some("2024-08-01T09:00:00+02:00")
    );

    // To a related article, by a click: every tag now describes it, none the first one.
    let next = find(root, ".related .card__title a").expect("no related article");
    let slug = next
        .get_attribute("href")
        .unwrap()
        .trim_start_matches("/article/")
        .to_string();
    next.click();
    let expected = typography(&bundled().unwrap().article(&slug).unwrap().summary.title);
    until_heading(root, &expected, 3).await;
    until("its head", 2, || json_ld()["headline"] == expected.as_str()).await;
    assert_article_head(&slug);

    // Home: a website, no article tags left behind.
    click(root, ".site-header__name");
    until_heading(root, "À la une", 3).await;
    until("the home head", 2, || {
        head_meta("meta[property='og:type']").as_deref() == Some("website")
    })
    .await;
    assert_eq!(
        head_meta("link[rel='canonical']").as_deref(),
        Some(format!("{BASE}/").as_str())
    );
    assert_eq!(head_count("script[type='application/ld+json']"), 0);
    assert_eq!(head_count("meta[property='article:published_time']"), 0);
    assert_eq!(head_count("meta[property='article:tag']"), 0);
    assert_eq!(head_count("meta[name='description']"), 1);
    assert_eq!(document_title(), "Veille IA");
}

#[wasm_bindgen_test]
async fn the_table_of_contents_links_to_the_headings() {
    let app = mount_at(&routes::article("evaluer-un-classifieur"), Source::Bundled).await;
    let root = &app.root;
    until_shown(root, ".toc", 3).await;
    assert_eq!(
        find(root, "nav.toc")
            .unwrap()
            .get_attribute("aria-labelledby")
            .as_deref(),
        Some("sommaire")
    );
    let entries = root.query_selector_all(".toc li a").unwrap();
    let h2 = root.query_selector_all(".article-body h2").unwrap();
    assert_eq!(entries.length(), h2.length());
    assert!(entries.length() >= 3);
    click(root, ".toc li:nth-child(2) a");
    until("the address has the anchor", 2, || {
        web_sys::window().unwrap().location().hash().unwrap() == "#precision-et-rappel"
    })
    .await;
    let target = find(root, "#precision-et-rappel").expect("no heading with that anchor");
    assert_eq!(target.tag_name(), "H2");
    assert_eq!(
        target.text_content().as_deref(),
        Some("Précision et rappel")
    );
    // Still the same article: the anchor did not trigger a route change.
    assert!(text(root, "main h1").contains("bien évaluer un classifieur"));
}

#[wasm_bindgen_test]
async fn related_articles_share_a_tag() {
    let slug = "evaluer-un-classifieur";
    let app = mount_at(&routes::article(slug), Source::Bundled).await;
    let root = &app.root;
    until("related articles", 3, || count(root, ".related .card") == 3).await;
    let tags = bundled().unwrap().article(slug).unwrap().summary.tags;
    let links = root.query_selector_all(".related .card__title a").unwrap();
    for i in 0..links.length() {
        let href = links
            .item(i)
            .unwrap()
            .unchecked_into::<web_sys::Element>()
            .get_attribute("href")
            .unwrap();
        let other = href.trim_start_matches("/article/");
        assert_ne!(other, slug);
        let other_tags = bundled().unwrap().article(other).unwrap().summary.tags;
        assert!(
            other_tags.iter().any(|t| tags.contains(t)),
            "{other} shares no tag"
        );
    }
}

#[wasm_bindgen_test]
async fn the_home_page_leads_with_one_large_story() {
    let app = mount_at("/", Source::Bundled).await;
    let root = &app.root;
    until_shown(root, ".card--lead", 3).await;
    let page = bundled().unwrap().index_page(HEAD).unwrap();
    assert_eq!(
        text(root, ".card--lead .card__title"),
        typography(&page.items[0].title)
    );
    assert_eq!(
        count(root, ".article-list > li") as usize,
        page.items.len() - 1
    );
    assert!(find(root, ".card--lead img[alt]").is_some());

    // The pages before the head are numbered from the oldest: the sample's is page 1.
    click(root, ".pager__older");
    until("page 1", 3, || {
        text_or_empty(root, ".pager__status").contains("Page 1")
    })
    .await;
    assert!(find(root, ".card--lead").is_none());
    until("page 1 head", 2, || {
        head_meta("link[rel='canonical']").as_deref() == Some(&format!("{BASE}/page/1"))
    })
    .await;
    assert_eq!(document_title(), "À la une, page 1 — Veille IA");
}

#[wasm_bindgen_test]
async fn tag_and_about_pages_describe_themselves() {
    let app = mount_at(&routes::tag("sante"), Source::Bundled).await;
    let root = &app.root;
    until_heading(root, "Santé", 3).await;
    until("its head", 2, || document_title() == "Santé — Veille IA").await;
    let tag = bundled().unwrap().tag_page("sante", HEAD).unwrap();
    assert_eq!(
        head_meta("meta[name='description']"),
        tag.tag.description.map(|d| typography(&d))
    );
    assert_eq!(
        head_meta("link[rel='canonical']").as_deref(),
        Some(format!("{BASE}/tag/sante").as_str())
    );
    assert_eq!(
        head_meta("meta[property='og:type']").as_deref(),
        Some("website")
    );
    // The head of the list says how many there are, and shows them all (fewer than two pages).
    let total = tag.page.total.unwrap();
    assert_eq!(text(root, ".tag-count"), format!("{total}\u{a0}articles"));
    assert_eq!(count(root, ".article-list > li"), total);

    click(root, ".site-footer a[href='/a-propos']");
    until("the about page", 3, || {
        document_title() == "À propos — Veille IA"
    })
    .await;
    assert_eq!(
        head_meta("link[rel='canonical']").as_deref(),
        Some(format!("{BASE}/a-propos").as_str())
    );
    assert!(find(root, "main a[href^='mailto:']").is_some());
    assert!(find(root, "#confidentialite").is_some());
}

#[wasm_bindgen_test]
async fn focus_moves_to_the_next_article_s_title_as_soon_as_it_shows() {
    // Article to article: the h1 element is reused, only its text changes. Focus must be on it
    // as soon as the new title shows, not after a wait for a new element to appear.
    let app = mount_at(&routes::article("evaluer-un-classifieur"), Source::Bundled).await;
    let root = &app.root;
    until("related articles", 3, || count(root, ".related .card") == 3).await;
    let link = find(root, ".related .card__title a").unwrap();
    let next = link.get_attribute("href").unwrap();
    let title = typography(
        &bundled()
            .unwrap()
            .article(next.trim_start_matches("/article/"))
            .unwrap()
            .summary
            .title,
    );
    link.focus().unwrap();
    link.click();
    until_heading(root, &title, 3).await;
    // Within a few frames of the title showing (the old wait took about 120).
    for _ in 0..10 {
        if focused().is_some_and(|e| e.tag_name() == "H1") {
            break;
        }
        sleep(10).await;
    }
    let now = focused().map(|e| (e.tag_name(), e.text_content().unwrap_or_default()));
    assert_eq!(now, Some(("H1".to_string(), title)));
}

//! Browser tests of the app in API mode, against a real HTTP server on 127.0.0.1
//! (`tests/e2e/content-api-server.mjs`, started by `./dev.sh test`, which passes its address in
//! `VEILLE_TEST_API` at compile time). Each test uses its own token, so the server's
//! "misbehave once" scenarios and request logs do not mix between tests.

use crate::support::*;
use leptos::prelude::Mountable;
use veille::{
    content::{bundled, Source, HEAD},
    french::typography,
    routes,
};
use wasm_bindgen_test::*;

/// An API source for `scenario`, with a fresh token; the timeout is short for the slow case.
fn api(scenario: &str) -> (Source, String) {
    let token = format!("t{}", (js_sys::Math::random() * 1e12) as u64);
    let source = Source::Api {
        base: format!("{}/{scenario}/{token}", server()),
        timeout_ms: 600,
    };
    (source, token)
}

/// The app at `path`, reading an API that plays `scenario`; and the token that names the
/// requests it received.
async fn api_at(path: &str, scenario: &str) -> (Mounted<impl leptos::prelude::Mountable>, String) {
    let (source, token) = api(scenario);
    (mount_at(path, source).await, token)
}

/// The paths the server saw with this token.
async fn requests(token: &str) -> Vec<String> {
    let url = format!("{}/__log/{token}", server());
    let response = gloo_net::http::Request::get(&url).send().await.unwrap();
    response.json().await.unwrap()
}

const SLUG: &str = "petits-modeles-de-langage";

fn title(slug: &str) -> String {
    typography(&bundled().unwrap().article(slug).unwrap().summary.title)
}

/// The app at the article [`SLUG`] from `source`, once its title shows.
async fn article_shown(source: Source) -> Mounted<impl Mountable> {
    let app = mount_at(&routes::article(SLUG), source).await;
    until("the article", 3, || {
        text_or_empty(&app.root, "main h1") == title(SLUG)
    })
    .await;
    app
}

#[wasm_bindgen_test]
async fn the_home_page_loads_one_page_of_the_index() {
    let (app, token) = api_at("/", "ok").await;
    let root = &app.root;
    until("the home page", 3, || count(root, ".card__title") > 0).await;
    let expected = bundled().unwrap().index_page(HEAD).unwrap();
    // The lead story, then the rest of the page's cards.
    assert_eq!(
        1 + count(root, ".article-list > li"),
        expected.items.len() as u32
    );
    assert_eq!(
        text(root, ".card__title"),
        typography(&expected.items[0].title)
    );
    assert_eq!(requests(&token).await, ["site.json", "index/0.json"]);
}

#[wasm_bindgen_test]
async fn pagination_fetches_the_next_page() {
    let (app, token) = api_at("/", "ok").await;
    let root = &app.root;
    until_shown(root, ".pager__older", 3).await;
    click(root, ".pager__older");
    // Numbered from the oldest: the page before the sample's head is page 1, the last.
    until("page 1 in the address", 3, || pathname() == "/page/1").await;
    let page1 = bundled().unwrap().index_page(1).unwrap();
    until("page 1's articles", 3, || {
        text_or_empty(root, ".card__title") == typography(&page1.items[0].title)
    })
    .await;
    assert_eq!(text(root, ".pager__status"), "Page 1");
    assert!(find(root, ".pager__older").is_none());
    assert_eq!(
        find(root, ".pager__newer")
            .and_then(|a| a.get_attribute("href"))
            .as_deref(),
        Some("/")
    );
    assert_eq!(
        requests(&token).await,
        ["site.json", "index/0.json", "index/1.json"]
    );
}

#[wasm_bindgen_test]
async fn an_article_and_a_tag_load_from_the_api() {
    let (source, token) = api("ok");
    let app = article_shown(source).await;
    let root = &app.root;
    assert!(count(root, ".article-body h2") >= 3);
    click(root, ".article .tag-list a[href='/tag/modeles-de-langage']");
    until_heading(root, "Modèles de langage", 3).await;
    assert_eq!(
        requests(&token).await,
        [
            "site.json",
            &format!("articles/{SLUG}.json"),
            &format!("related/{SLUG}.json"),
            "tags/modeles-de-langage/0.json"
        ]
    );
}

#[wasm_bindgen_test]
async fn an_author_s_page_loads_from_the_api_by_the_byline() {
    let (source, token) = api("ok");
    let app = article_shown(source).await;
    let root = &app.root;
    let author = bundled().unwrap().article(SLUG).unwrap().author();
    click(root, ".byline a.byline__author");
    until_heading(root, &typography(&author.name), 3).await;
    assert_eq!(pathname(), routes::author(&author.slug));
    until("their articles", 3, || count(root, ".card__title") > 0).await;
    let expected = bundled().unwrap().author_page(&author.slug, HEAD).unwrap();
    assert_eq!(
        count(root, ".card__title"),
        expected.page.items.len() as u32
    );
    assert_eq!(
        requests(&token).await,
        [
            "site.json",
            &format!("articles/{SLUG}.json"),
            &format!("related/{SLUG}.json"),
            &format!("authors/{}/0.json", author.slug)
        ]
    );
}

#[wasm_bindgen_test]
async fn an_unknown_article_is_a_real_404() {
    let (app, _) = api_at(&routes::article("nexiste-pas"), "ok").await;
    let root = &app.root;
    until_heading(root, "Page introuvable", 3).await;
    // No « Réessayer »: a 404 is not worth trying again (the header has its search button).
    assert!(find(root, "main button").is_none());
}

/// Mounts an article through a misbehaving scenario, checks the French message, retries, and
/// checks that the article then shows.
async fn fails_then_recovers(scenario: &str, message: &str) {
    let (app, token) = api_at(&routes::article(SLUG), scenario).await;
    let root = &app.root;
    until(scenario, 4, || find(root, ".content-error").is_some()).await;
    assert_eq!(
        text(root, "main h1"),
        "Impossible d’afficher cet article",
        "{scenario}"
    );
    let shown = text(root, ".content-error__message");
    assert!(shown.contains(message), "{scenario}: {shown}");
    assert_eq!(
        find(root, ".content-error")
            .unwrap()
            .get_attribute("role")
            .as_deref(),
        Some("alert")
    );

    click(root, ".content-error button");
    until_heading(root, &title(SLUG), 4).await;
    assert!(find(root, ".content-error").is_none());
    let article_requests = requests(&token)
        .await
        .iter()
        .filter(|p| p.starts_with("articles/"))
        .count();
    assert_eq!(
        article_requests, 2,
        "{scenario}: one failed request, one retry"
    );
}

/// Each way an answer can fail, once: a French message, then « Réessayer » works. A server
/// error, malformed JSON, an answer too slow, a server out of reach, an HTML error page, an HTML
/// page instead of JSON, an answer cut short, an answer too large.
#[wasm_bindgen_test]
async fn each_failure_shows_a_message_and_retry_works() {
    for (scenario, words) in [
        ("500-once", "erreur 500"),
        ("malformed-once", "illisibles"),
        ("slow-once", "n’a pas répondu à temps"),
        ("blocked-once", "Impossible de joindre"),
        ("html-502-once", "erreur 502"),
        ("html-200-once", "illisibles"),
        ("truncated-once", "illisibles"),
        ("huge-once", "illisibles"),
    ] {
        fails_then_recovers(scenario, words).await;
    }
}

#[wasm_bindgen_test]
async fn json_of_another_shape_shows_a_message() {
    let (app, _) = api_at(&routes::article(SLUG), "wrong-shape").await;
    let root = &app.root;
    until_shown(root, ".content-error", 3).await;
    assert_eq!(text(root, "main h1"), "Impossible d’afficher cet article");
}

#[wasm_bindgen_test]
async fn a_slug_that_would_leave_the_site_is_refused_in_french() {
    let (app, _) = api_at("/", "hostile-slug").await;
    let root = &app.root;
    until_shown(root, ".content-error", 3).await;
    let message = text(root, ".content-error__message");
    assert!(
        message.starts_with(
            "Les données reçues sont invalides\u{a0}: le slug «\u{a0}../../a-propos\u{a0}»"
        ) && message.contains("items[0].slug"),
        "{message}"
    );
    // No card, hence no link built from the slug.
    assert_eq!(count(root, "a[href*='..']"), 0);
}

#[wasm_bindgen_test]
async fn an_unknown_block_is_skipped_and_the_rest_shows() {
    let (source, _) = api("unknown-block");
    let app = article_shown(source).await;
    let root = &app.root;
    assert!(find(root, ".content-error").is_none());
    assert!(count(root, ".article-body p") > 0);
}

#[wasm_bindgen_test]
async fn an_impossible_date_is_shown_as_given() {
    let (source, _) = api("bad-date");
    let app = article_shown(source).await;
    let root = &app.root;
    assert!(
        text(root, ".byline").contains("publié le 2024-13-45"),
        "{}",
        text(root, ".byline")
    );
}

#[wasm_bindgen_test]
async fn a_missing_field_names_it_and_offers_no_retry() {
    let (app, _) = api_at(&routes::article(SLUG), "missing-title").await;
    let root = &app.root;
    until_shown(root, ".content-error", 3).await;
    assert!(text(root, ".content-error__message").contains("«\u{a0}title\u{a0}» manque"));
    assert!(find(root, ".content-error button").is_none());
}

#[wasm_bindgen_test]
async fn the_site_failing_shows_a_page_not_a_blank() {
    let (app, _) = api_at("/", "site-500-once").await;
    let root = &app.root;
    until_shown(root, ".content-error", 3).await;
    assert_eq!(
        text(root, "main h1"),
        "Le site est momentanément indisponible"
    );
    click(root, ".content-error button");
    until_heading(root, "À la une", 3).await;
    assert!(find(root, ".site-header").is_some());
}

#[wasm_bindgen_test]
async fn leaving_a_page_cancels_its_request() {
    // The article answers after 2 s; the reader leaves for the about page at once.
    let (app, token) = api_at(&routes::article(SLUG), "slow-once").await;
    let root = &app.root;
    until_shown(root, ".site-footer a[href='/a-propos']", 3).await;
    click(root, ".site-footer a[href='/a-propos']");
    until("the about page", 3, || {
        text_or_empty(root, "main h1").starts_with("À propos")
    })
    .await;
    // The server saw the browser hang up before it answered.
    let cancelled = format!("cancelled:articles/{SLUG}.json");
    for _ in 0..150 {
        if requests(&token).await.contains(&cancelled) {
            break;
        }
        sleep(20).await;
    }
    assert_eq!(
        requests(&token).await,
        ["site.json", &format!("articles/{SLUG}.json"), &cancelled]
    );
    assert!(text_or_empty(root, "main h1").starts_with("À propos"));
}

#[wasm_bindgen_test]
async fn a_refused_connection_shows_a_page_not_a_blank() {
    // Port 9 (discard) on the loopback: nothing listens there, the connection is refused.
    let source = Source::Api {
        base: "http://127.0.0.1:9/api".into(),
        timeout_ms: 2000,
    };
    let app = mount_at(&routes::article(SLUG), source).await;
    let root = &app.root;
    until_shown(root, ".content-error", 4).await;
    assert_eq!(
        text(root, "main h1"),
        "Le site est momentanément indisponible"
    );
    assert!(text(root, ".content-error__message").contains("Impossible de joindre"));
    assert!(
        find(root, ".content-error button").is_some(),
        "no « Réessayer »"
    );
}

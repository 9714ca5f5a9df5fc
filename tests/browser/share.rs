//! Browser tests of the share rows: the links, copy link (Clipboard API and its fallback), and
//! the share sheet offered only where the browser has one.

use crate::support::*;
use veille::{
    content::{bundled, Source},
    share::{share_url, Network},
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

const SLUG: &str = "sommet-de-seoul-securite-ia";
const URL: &str = "https://veille-ia.example/article/sommet-de-seoul-securite-ia";

fn js(code: &str) -> JsValue {
    js_sys::eval(code).unwrap()
}

async fn article() -> Mounted<impl leptos::prelude::Mountable> {
    let app = mount_at(&format!("/article/{SLUG}"), Source::Bundled).await;
    until("the share rows", 3, || count(&app.root, ".share") == 2).await;
    app
}

#[wasm_bindgen_test]
async fn the_links_point_at_each_network_with_the_canonical_url() {
    let app = article().await;
    let root = &app.root;
    let summary = bundled().unwrap().article(SLUG).unwrap().summary;
    assert_eq!(text(root, ".share__title"), "Partager l’article");
    for network in Network::ALL {
        let link = find(root, &format!(".share__link--{}", network.id())).unwrap();
        assert_eq!(
            link.get_attribute("href").unwrap(),
            share_url(network, &summary.title, &summary.lead, URL),
            "{network:?}"
        );
        assert_eq!(link.get_attribute("aria-label").unwrap(), network.label());
        if network == Network::Email {
            assert!(link.get_attribute("target").is_none());
        } else {
            assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
            assert_eq!(
                link.get_attribute("rel").as_deref(),
                Some("noopener noreferrer")
            );
        }
    }
    // Never the address in the browser.
    assert!(!find(root, ".share__link--linkedin")
        .unwrap()
        .get_attribute("href")
        .unwrap()
        .contains("127.0.0.1"));
}

#[wasm_bindgen_test]
async fn copy_link_uses_the_clipboard_and_confirms_then_clears() {
    js("Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (t) => { window.__copied = t; return Promise.resolve(); } } })");
    let app = article().await;
    let root = &app.root;
    assert_eq!(text(root, ".share__status"), "");
    click(root, ".share__copy");
    until("« Lien copié »", 2, || {
        text_or_empty(root, ".share__status") == "Lien copié"
    })
    .await;
    assert_eq!(js("window.__copied").as_string().as_deref(), Some(URL));
    assert_eq!(
        find(root, ".share__status")
            .unwrap()
            .get_attribute("role")
            .as_deref(),
        Some("status")
    );
    until("the confirmation clears", 5, || {
        text_or_empty(root, ".share__status").is_empty()
    })
    .await;
    js("delete navigator.clipboard; delete window.__copied");
}

#[wasm_bindgen_test]
async fn copy_link_falls_back_when_the_clipboard_api_refuses() {
    js("Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('refusé')) } })");
    js("window.__execCommand = document.execCommand; document.execCommand = (c) => { window.__copied = c + ':' + document.querySelector('.share__fallback').value; return true; }");
    let app = article().await;
    let root = &app.root;
    click(root, ".share__copy");
    until("« Lien copié »", 2, || {
        text_or_empty(root, ".share__status") == "Lien copié"
    })
    .await;
    assert_eq!(
        js("window.__copied").as_string(),
        Some(format!("copy:{URL}"))
    );
    assert!(
        find(root, ".share__fallback").is_none(),
        "the text area is removed"
    );
    js("delete navigator.clipboard; document.execCommand = window.__execCommand; delete window.__copied");
}

#[wasm_bindgen_test]
async fn the_share_sheet_is_offered_only_where_it_exists() {
    assert!(
        !js("'share' in navigator").as_bool().unwrap(),
        "this browser has no share sheet"
    );
    let app = article().await;
    settle().await;
    assert!(find(&app.root, ".share__native").is_none());
    drop(app);

    js("navigator.share = (data) => { window.__shared = data.url; return Promise.resolve(); }");
    let app = article().await;
    let root = &app.root;
    until_shown(root, ".share__native", 2).await;
    click(root, ".share__native");
    assert_eq!(js("window.__shared").as_string().as_deref(), Some(URL));
    js("delete navigator.share; delete window.__shared");
}

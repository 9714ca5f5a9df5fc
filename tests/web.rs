//! Browser tests: the real app mounted in the real DOM of a headless Chromium.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --features csr` (the test command does it).
//! Each test mounts the whole app at a given URL, interacts with it, lets the reactive system run
//! (`tick().await`) and asserts on the DOM.

#![cfg(target_arch = "wasm32")]

use leptos::{
    mount::{mount_to, UnmountHandle},
    prelude::{Mountable, Owner},
    task::tick,
};
use veille::{content, App};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, Node};

wasm_bindgen_test_configure!(run_in_browser);

/// The mounted app. Dropping it unmounts the view and runs every cleanup of its reactive owner,
/// so the router's window listeners do not outlive the test that made them.
struct Mounted<M: Mountable> {
    owner: Owner,
    _handle: UnmountHandle<M>,
}

impl<M: Mountable> Drop for Mounted<M> {
    fn drop(&mut self) {
        self.owner.cleanup();
    }
}

/// Mounts the app with the browser at `path`; the app stays mounted while the handle lives.
fn mount_at(path: &str) -> (HtmlElement, impl Drop) {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let document = window.document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let owner = Owner::new();
    let handle = owner.with(|| mount_to(container.clone(), App));
    (
        container,
        Mounted {
            owner,
            _handle: handle,
        },
    )
}

/// Lets the router and the reactive system finish what a change started.
async fn settle() {
    for _ in 0..5 {
        tick().await;
    }
}

/// Waits, a few milliseconds at a time for at most two seconds, until `done` holds.
async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(pause).await.unwrap();
    }
    panic!("still not true after 2 s: {what}");
}

fn text(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn click(root: &HtmlElement, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

fn pathname() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

fn document_title() -> String {
    web_sys::window().unwrap().document().unwrap().title()
}

fn bundle() -> &'static content::Bundle {
    content::bundled().unwrap()
}

#[wasm_bindgen_test]
async fn the_shell_renders_header_home_and_footer() {
    let (root, _app) = mount_at("/");
    settle().await;

    assert_eq!(text(&root, ".site-header__name"), bundle().site.name);
    assert!(root
        .query_selector("nav[aria-label] a[href='/a-propos']")
        .unwrap()
        .is_some());
    assert_eq!(text(&root, "main h1"), "À la une");
    // Every bundled article is listed on the home page, newest first.
    let first_card = text(&root, ".article-list li:first-child .card__title");
    assert_eq!(first_card, bundle().articles[0].title);
    assert_eq!(
        root.query_selector_all(".article-list > li")
            .unwrap()
            .length() as usize,
        bundle().articles.len()
    );
    assert_eq!(text(&root, ".site-footer__about"), bundle().site.about);
    assert_eq!(document_title(), bundle().site.name);
}

#[wasm_bindgen_test]
async fn clicking_links_changes_the_route() {
    let (root, _app) = mount_at("/");
    settle().await;
    let article = &bundle().articles[1];

    click(
        &root,
        &format!(".card__title a[href='/article/{}']", article.slug),
    );
    let href = format!("/article/{}", article.slug);
    until("the address shows the article", || pathname() == href).await;
    assert_eq!(text(&root, "main h1"), article.title);
    assert_eq!(text(&root, ".article__lead"), article.lead);
    assert_eq!(
        document_title(),
        format!("{} — {}", article.title, bundle().site.name)
    );

    // From the article to one of its tags, then to the about page through the footer.
    let tag = bundle().tag(&article.tags[0]).unwrap();
    click(
        &root,
        &format!(".article .tag-list a[href='/tag/{}']", tag.slug),
    );
    let href = format!("/tag/{}", tag.slug);
    until("the address shows the tag", || pathname() == href).await;
    assert_eq!(text(&root, "main h1"), tag.name);
    assert!(text(&root, ".article-list").contains(&article.title));

    click(&root, ".site-footer a[href='/a-propos']");
    until("the address shows the about page", || {
        pathname() == "/a-propos"
    })
    .await;
    assert!(text(&root, "main h1").starts_with("À propos"));

    // And home again through the site name.
    click(&root, ".site-header__name");
    until("the address shows home", || pathname() == "/").await;
    assert_eq!(text(&root, "main h1"), "À la une");
}

#[wasm_bindgen_test]
async fn an_unknown_url_shows_the_french_404() {
    for path in [
        "/nimporte/quoi",
        "/article/cet-article-nexiste-pas",
        "/tag/inconnu",
    ] {
        let (root, app) = mount_at(path);
        settle().await;
        assert_eq!(text(&root, "main h1"), "Page introuvable", "{path}");
        assert_eq!(document_title(), "Page introuvable — Veille IA", "{path}");
        // A way back home.
        assert!(root.query_selector("main a[href='/']").unwrap().is_some());
        drop(app);
        root.unchecked_ref::<Node>()
            .parent_node()
            .unwrap()
            .remove_child(&root)
            .unwrap();
    }
}

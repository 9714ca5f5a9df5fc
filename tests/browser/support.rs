//! Helpers shared by the browser tests' modules: mount the real app at a URL, wait for the DOM,
//! find and click things.

use leptos::{
    mount::{mount_to, UnmountHandle},
    prelude::{Mountable, Owner},
    task::tick,
};
use veille::{content::Source, newsletter::Provider, App};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The mounted app. Dropping it unmounts the view and runs every cleanup of its reactive owner,
/// so the router's window listeners do not outlive the test that made them.
pub struct Mounted<M: Mountable> {
    owner: Owner,
    _handle: UnmountHandle<M>,
    pub root: HtmlElement,
}

impl<M: Mountable> Drop for Mounted<M> {
    fn drop(&mut self) {
        self.owner.cleanup();
        self.root.remove();
    }
}

/// Mounts the app reading from `source`, with the browser at `path`, signups in preview mode.
pub async fn mount_at(path: &str, source: Source) -> Mounted<impl Mountable> {
    mount_with(path, source, Provider::Preview).await
}

/// Mounts the app reading from `source` and sending signups to `newsletter`, with the browser at
/// `path`. It first lets the effects of an app unmounted just before run out: one of them sets
/// `document.title` to empty.
pub async fn mount_with(
    path: &str,
    source: Source,
    newsletter: Provider,
) -> Mounted<impl Mountable> {
    sleep(20).await;
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let document = window.document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let owner = Owner::new();
    let handle = owner.with(|| {
        mount_to(root.clone(), move || {
            leptos::view! { <App source newsletter /> }
        })
    });
    Mounted {
        owner,
        _handle: handle,
        root,
    }
}

/// Lets the reactive system finish what a change started.
pub async fn settle() {
    for _ in 0..5 {
        tick().await;
    }
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let pause = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(pause).await.unwrap();
}

/// Waits, 10 ms at a time for at most `seconds`, until `done` holds.
pub async fn until(what: &str, seconds: u32, done: impl Fn() -> bool) {
    for _ in 0..seconds * 100 {
        if done() {
            return;
        }
        sleep(10).await;
    }
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main").ok().flatten())
        .and_then(|m| m.text_content())
        .unwrap_or_default();
    panic!(
        "still not true after {seconds} s: {what} (at {}, the page says: {main:?})",
        pathname()
    );
}

/// Waits until an element matches `selector` under `root`, for at most `seconds`.
pub async fn until_shown(root: &HtmlElement, selector: &str, seconds: u32) {
    let what = format!("an element {selector}");
    until(&what, seconds, || find(root, selector).is_some()).await;
}

/// Waits for the page whose main heading is `heading`, for at most `seconds`.
pub async fn until_heading(root: &HtmlElement, heading: &str, seconds: u32) {
    let what = format!("the heading « {heading} »");
    until(&what, seconds, || text_or_empty(root, "main h1") == heading).await;
}

pub fn find(root: &HtmlElement, selector: &str) -> Option<HtmlElement> {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.unchecked_into())
}

pub fn text(root: &HtmlElement, selector: &str) -> String {
    find(root, selector)
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

/// The text of `selector`, or an empty string when nothing matches yet.
pub fn text_or_empty(root: &HtmlElement, selector: &str) -> String {
    find(root, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

pub fn count(root: &HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

pub fn click(root: &HtmlElement, selector: &str) {
    find(root, selector)
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .click();
}

pub fn pathname() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

pub fn document_title() -> String {
    web_sys::window().unwrap().document().unwrap().title()
}

/// The `content` of the `<meta>` in `<head>` matching `selector`, if there is one.
pub fn head_meta(selector: &str) -> Option<String> {
    head().query_selector(selector).unwrap().and_then(|e| {
        e.get_attribute("content")
            .or_else(|| e.get_attribute("href"))
            .or_else(|| e.text_content())
    })
}

/// How many elements in `<head>` match `selector`.
pub fn head_count(selector: &str) -> u32 {
    head().query_selector_all(selector).unwrap().length()
}

fn head() -> web_sys::HtmlHeadElement {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .head()
        .unwrap()
}

/// Types `value` into the input matching `selector`, as a reader would (an `input` event).
pub fn type_into(root: &HtmlElement, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = find(root, selector)
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// The current value of the input matching `selector`.
pub fn value_of(root: &HtmlElement, selector: &str) -> String {
    find(root, selector)
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

/// The element that has the focus.
pub fn focused() -> Option<web_sys::Element> {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
}

/// The loopback test server started by `./dev.sh test`, whose address the tests get at compile
/// time in VEILLE_TEST_API.
pub fn server() -> &'static str {
    match option_env!("VEILLE_TEST_API") {
        Some(url) => url,
        None => panic!("VEILLE_TEST_API is not set: run these tests through ./dev.sh test"),
    }
}

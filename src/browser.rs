//! The app's side effects on the browser, in one place. Each is called only from an event
//! handler or an effect, never while a view is built, so that every component also renders
//! natively (the prerender), where these do nothing. Timers and animation frames are Leptos'
//! own helpers.

use crate::content::Source;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::{JsCast, JsValue};

/// The attribute of `<html>` that says the page is live: `ready` (style sheets, tests and
/// `navigation.js`, for a page of islands, read it).
pub const APP_STATE: &str = "data-app";

/// Sets `data-app="ready"` on `<html>`: the page is live (style sheets and tests read it).
pub fn mark_ready() {
    #[cfg(target_arch = "wasm32")]
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute(APP_STATE, "ready");
    }
}

/// Focuses the element with this `id` (focusable by script: `tabindex="-1"`); whether there
/// was one.
pub fn focus_by_id(id: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        element.is_some_and(|e| e.focus().is_ok())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = id;
        false
    }
}

/// Runs `then` after `ms` milliseconds.
pub fn after(ms: u64, then: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    leptos::prelude::set_timeout(then, std::time::Duration::from_millis(ms));
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (ms, then);
}

/// Runs `then` on the next animation frame, once the page is painted.
pub fn after_paint(then: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    leptos::prelude::request_animation_frame(then);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = then;
}

/// Starts `public/search.js` ([`crate::hydration::SEARCH_SCRIPT`]) in the full app, where no
/// `navigation.js` does it: a module script added once, which takes over the page's search
/// forms and, on `/recherche`, runs the search in the address; already there, it is asked to
/// look at the page again (`window.veilleSearch.start()`), which the router has just changed.
///
/// On a site reading WordPress at run time, it first offers search.js the CMS's own search of
/// what was published after the build ([`LATEST_API`]).
pub fn start_search(source: &Source) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else {
            return;
        };
        offer_latest(&window, source);
        let started = js_sys::Reflect::get(&window, &JsValue::from_str("veilleSearch"))
            .ok()
            .filter(|api| api.is_object())
            .and_then(|api| {
                let start = js_sys::Reflect::get(&api, &JsValue::from_str("start")).ok()?;
                start.dyn_into::<js_sys::Function>().ok()?.call0(&api).ok()
            });
        if started.is_some() {
            return;
        }
        let Some(document) = window.document() else {
            return;
        };
        let selector = format!("script[src=\"{}\"]", crate::hydration::SEARCH_SCRIPT);
        if document.query_selector(&selector).ok().flatten().is_some() {
            return;
        }
        if let (Ok(script), Some(head)) = (document.create_element("script"), document.head()) {
            let _ = script.set_attribute("type", "module");
            let _ = script.set_attribute("src", crate::hydration::SEARCH_SCRIPT);
            let _ = head.append_child(&script);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = source;
}

/// The name under which the full app offers `public/search.js` the articles published after
/// the build's index: `window.veilleLatest(words)`.
pub const LATEST_API: &str = "veilleLatest";

/// Defines [`LATEST_API`] once, where the source can answer it ([`Source::searches_latest`]):
/// a function of the words giving a Promise of the articles published after the build that
/// match, newest search first, each as Pagefind gives a result's data (`url`, `meta` with
/// `title`, `date` and `iso`, `filters` with the tags' slugs) and its lead as `text`; or
/// rejected with an `Error` whose message is for readers, in French, and whose `retry` says
/// whether trying again may help. The mapping of a CMS's posts is the content module's, so
/// that a result has the address and title the article page will have.
#[cfg(target_arch = "wasm32")]
fn offer_latest(window: &web_sys::Window, source: &Source) {
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::closure::Closure;
    let name = JsValue::from_str(LATEST_API);
    if !source.searches_latest() || Reflect::has(window, &name).unwrap_or(true) {
        return;
    }
    let set = |object: &JsValue, key: &str, value: &JsValue| {
        let _ = Reflect::set(object, &JsValue::from_str(key), value);
    };
    let result = move |summary: &crate::content::ArticleSummary| -> JsValue {
        let shown = crate::search::shown(summary);
        let (object, meta, filters) = (Object::new(), Object::new(), Object::new());
        set(&meta, "title", &shown.title.into());
        set(&meta, "date", &shown.date.into());
        set(&meta, "iso", &shown.iso.into());
        let tags: Array = shown.tags.iter().map(|t| JsValue::from_str(t)).collect();
        set(&filters, crate::search::TAG_FILTER, &tags);
        set(&object, "url", &shown.url.into());
        set(&object, "meta", &meta);
        set(&object, "filters", &filters);
        set(&object, "text", &JsValue::from_str(&summary.lead));
        object.into()
    };
    let source = source.clone();
    let ask = Closure::<dyn Fn(String) -> js_sys::Promise>::new(move |words: String| {
        let found = source.latest(&words);
        wasm_bindgen_futures::future_to_promise(async move {
            match found.await {
                Ok(articles) => Ok(articles.iter().map(result).collect::<Array>().into()),
                Err(error) => {
                    let rejected: JsValue = js_sys::Error::new(&error.to_string()).into();
                    set(&rejected, "retry", &error.is_retryable().into());
                    Err(rejected)
                }
            }
        })
    });
    let _ = Reflect::set(window, &name, ask.as_ref());
    // The page's for as long as it lives.
    ask.forget();
}

// « Copier le lien » and the share sheet: one implementation, public/share.js, which
// navigation.js imports on the pages of islands and the full app's wasm here.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(module = "/public/share.js")]
extern "C" {
    #[wasm_bindgen(js_name = canShare)]
    fn share_sheet_exists() -> bool;
    #[wasm_bindgen(js_name = share)]
    fn open_share_sheet(title: &str, text: &str, url: &str);
    #[wasm_bindgen(js_name = copy)]
    fn copy_to_clipboard(text: &str) -> js_sys::Promise;
}

/// Whether `navigator.share` exists.
pub fn has_share_sheet() -> bool {
    #[cfg(target_arch = "wasm32")]
    return share_sheet_exists();
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Opens the share sheet with a page's title, text and address.
pub fn share(title: &str, text: &str, url: &str) {
    #[cfg(target_arch = "wasm32")]
    open_share_sheet(title, text, url);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (title, text, url);
}

/// Puts `text` on the clipboard (the Clipboard API, or the copy command where it is missing or
/// refused); whether it worked.
pub async fn copy(text: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    return wasm_bindgen_futures::JsFuture::from(copy_to_clipboard(text))
        .await
        .is_ok_and(|done| done.as_bool() == Some(true));
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        false
    }
}

/// Fills every `.sg-swatch__contrast` of the style guide with what `label` says of two
/// computed colours (CSS `rgb()` text): its chip's background and its panel's.
#[cfg(feature = "styleguide")]
pub fn write_contrasts(label: impl Fn(&str, &str) -> Option<String>) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(document) = window.document() else {
            return;
        };
        let Ok(cells) = document.query_selector_all(".sg-swatch__contrast") else {
            return;
        };
        let background = |el: &web_sys::Element| {
            window
                .get_computed_style(el)
                .ok()
                .flatten()
                .and_then(|style| style.get_property_value("background-color").ok())
        };
        for cell in items::<web_sys::Element, _>(cells.length(), |i| cells.item(i)) {
            let chip = cell
                .previous_element_sibling()
                .and_then(|code| code.previous_element_sibling());
            let panel = cell.closest(".sg-panel").ok().flatten();
            let text = chip
                .zip(panel)
                .and_then(|(chip, panel)| Some((background(&chip)?, background(&panel)?)))
                .and_then(|(fg, bg)| label(&fg, &bg));
            if let Some(text) = text {
                cell.set_text_content(Some(&text));
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = label;
}

/// `(name, value)` of every custom property declared in a `:root` rule of the page's CSS.
#[cfg(feature = "styleguide")]
pub fn root_tokens() -> Vec<(String, String)> {
    #[cfg(target_arch = "wasm32")]
    {
        let mut out = Vec::new();
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return out;
        };
        let sheets = document.style_sheets();
        let sheets = items::<web_sys::CssStyleSheet, _>(sheets.length(), |i| sheets.item(i));
        for sheet in sheets {
            let Ok(rules) = sheet.css_rules() else {
                continue;
            };
            for rule in items::<web_sys::CssStyleRule, _>(rules.length(), |j| rules.item(j)) {
                if rule.selector_text() != ":root" {
                    continue;
                }
                let style = rule.style();
                for k in 0..style.length() {
                    let name = style.item(k);
                    if name.starts_with("--") {
                        let value = style.get_property_value(&name).unwrap_or_default();
                        out.push((name, value.trim().to_string()));
                    }
                }
            }
        }
        out
    }
    #[cfg(not(target_arch = "wasm32"))]
    Vec::new()
}

/// The items of a DOM list (`NodeList`, `StyleSheetList`, `CssRuleList`…) that are a `T`.
#[cfg(all(target_arch = "wasm32", feature = "styleguide"))]
fn items<T: JsCast, I: JsCast>(
    len: u32,
    item: impl Fn(u32) -> Option<I>,
) -> impl Iterator<Item = T> {
    (0..len).filter_map(move |i| item(i).and_then(|x| x.dyn_into::<T>().ok()))
}

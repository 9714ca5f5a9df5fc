//! Islands: the part of a prerendered page that needs the app's code, the newsletter box (the
//! share rows are plain links and two buttons that `navigation.js` serves, see
//! `components/share.rs`). It is rendered inside a `<leptos-island>` that carries its props as JSON
//! (`data-props`, written by the prerender), so that a small wasm (feature `islands`) brings it
//! to life from the static HTML alone, without the app, the router or the content around it.
//! A widget therefore sees only its props: everything it needs from the site's content or
//! configuration is in them, never in a context.
//!
//! Widgets become islands through [`crate::island`]; this module is the other end, the small
//! wasm's: their props read back and their registry by name.
//!
//! Only a page of islands has them: the full app (404.html, a site reading its content at run
//! time, `trunk serve`) renders and hydrates the same widgets as plain components, because
//! Leptos' island element cannot be hydrated as part of a whole page (the walk through the
//! page does not come back out of it).

/// Props read back from `data-props` in the browser: the browser's own JSON parser, then a few
/// field reads, rather than serde's deserializers (which weigh kilobytes of wasm per struct);
/// the prerender writes them with serde (`island`), and `tests/browser/islands.rs` checks that
/// each kind of props reads back equal.
#[cfg(target_arch = "wasm32")]
pub mod props {
    use crate::{
        components::newsletter::NewsletterProps, content::Newsletter, newsletter::Provider,
    };
    use wasm_bindgen::JsValue;

    /// A value that `data-props` holds, read from its parsed JSON.
    pub trait FromProps: Sized {
        fn from_props(value: &JsValue) -> Option<Self>;

        /// From the attribute's text.
        fn parse(json: &str) -> Option<Self> {
            Self::from_props(&js_sys::JSON::parse(json).ok()?)
        }
    }

    fn field(value: &JsValue, name: &str) -> JsValue {
        js_sys::Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }

    fn text(value: &JsValue, name: &str) -> Option<String> {
        field(value, name).as_string()
    }

    /// `null` or absent is `None`; anything but a string is no value at all.
    fn optional_text(value: &JsValue, name: &str) -> Option<Option<String>> {
        let found = field(value, name);
        if found.is_null() || found.is_undefined() {
            Some(None)
        } else {
            found.as_string().map(Some)
        }
    }

    fn whole(value: &JsValue, name: &str) -> Option<u64> {
        field(value, name)
            .as_f64()
            .filter(|n| n.fract() == 0.0 && *n >= 0.0)
            .map(|n| n as u64)
    }

    impl FromProps for Newsletter {
        fn from_props(value: &JsValue) -> Option<Self> {
            let members = field(value, "members");
            Some(Newsletter {
                title: text(value, "title")?,
                pitch: text(value, "pitch")?,
                members: if members.is_null() || members.is_undefined() {
                    None
                } else {
                    Some(whole(value, "members")?)
                },
                privacy: text(value, "privacy")?,
                privacy_url: optional_text(value, "privacy_url")?,
            })
        }
    }

    /// serde's form of an enum: `"Preview"`, or `{"Listmonk": {…}}`, `{"Json": {…}}`.
    impl FromProps for Provider {
        fn from_props(value: &JsValue) -> Option<Self> {
            if value.as_string().as_deref() == Some("Preview") {
                return Some(Provider::Preview);
            }
            let timeout = |v: &JsValue| whole(v, "timeout_ms").and_then(|n| u32::try_from(n).ok());
            let french = |v: &JsValue| field(v, "french").as_bool();
            let listmonk = field(value, "Listmonk");
            if listmonk.is_object() {
                let lists = js_sys::Array::from(&field(&listmonk, "lists"))
                    .iter()
                    .map(|l| l.as_string())
                    .collect::<Option<Vec<_>>>()?;
                return Some(Provider::Listmonk {
                    base: text(&listmonk, "base")?,
                    lists,
                    timeout_ms: timeout(&listmonk)?,
                    french: french(&listmonk)?,
                });
            }
            let json = field(value, "Json");
            json.is_object().then_some(())?;
            Some(Provider::Json {
                url: text(&json, "url")?,
                timeout_ms: timeout(&json)?,
                french: french(&json)?,
            })
        }
    }

    impl FromProps for NewsletterProps {
        fn from_props(value: &JsValue) -> Option<Self> {
            Some(NewsletterProps {
                copy: Newsletter::from_props(&field(value, "copy"))?,
                provider: Provider::from_props(&field(value, "provider"))?,
                source: text(value, "source")?,
                id: text(value, "id")?,
                label: optional_text(value, "label")?,
                initial: None,
                initial_email: String::new(),
            })
        }
    }
}

/// The islands' wasm: brings every island of the page that is not yet alive to life, from its
/// props, keeping the prerendered nodes (and so the reader's focus and scroll).
#[cfg(feature = "islands")]
pub mod client {
    use super::props::FromProps;
    use crate::components::newsletter::newsletter_box;
    use crate::island::{wrap, ALIVE, NEWSLETTER};
    use leptos::{prelude::*, tachys::view::Position, wasm_bindgen::JsCast};
    use serde::Serialize;
    use web_sys::Element;

    thread_local! {
        /// The live islands' state, with their element: an island swapped out by a
        /// navigation is let go (its effects and handlers with it) at the next page.
        static LIVE: std::cell::RefCell<Vec<(Element, Box<dyn std::any::Any>)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }

    /// Brings to life every island of the document not yet alive; returns how many.
    pub fn hydrate_all() -> usize {
        LIVE.with_borrow_mut(|live| live.retain(|(el, _)| el.is_connected()));
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return 0;
        };
        let Ok(found) = document.query_selector_all(&format!("leptos-island:not([{ALIVE}])"))
        else {
            return 0;
        };
        let mut alive = 0;
        for i in 0..found.length() {
            let Some(el) = found.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let _ = el.set_attribute(ALIVE, "");
            let ok = match el.get_attribute("data-component").as_deref() {
                Some(NEWSLETTER) => hydrate(&el, NEWSLETTER, newsletter_box, |mut p| {
                    // What the reader typed before the wasm arrived stays in the field.
                    p.initial_email = typed_email(&el);
                    p
                }),
                _ => false,
            };
            alive += usize::from(ok);
        }
        alive
    }

    fn hydrate<P, V>(
        el: &Element,
        name: &'static str,
        view: fn(P) -> V,
        adjust: impl FnOnce(P) -> P,
    ) -> bool
    where
        P: Serialize + FromProps + 'static,
        V: IntoView + 'static,
    {
        let Some(props) = el
            .get_attribute("data-props")
            .and_then(|json| P::parse(&json))
        else {
            leptos::logging::warn!("îlot {name}\u{a0}: propriétés illisibles, laissé statique");
            return false;
        };
        let state =
            wrap(name, adjust(props), view).hydrate_from_position::<true>(el, Position::Current);
        // Alive for the life of the page (a navigation replaces the page, islands and all).
        std::mem::forget(state);
        true
    }

    fn typed_email(el: &Element) -> String {
        el.query_selector("input[type=email]")
            .ok()
            .flatten()
            .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default()
    }
}

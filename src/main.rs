//! The browser entry point: installs the panic hook in debug builds, reads the runtime
//! configuration from the page's `<meta>` tags, and starts the app. With `hydrate` (the release
//! build) it takes over the prerendered page when that page is the one of the address shown,
//! and renders afresh otherwise (`404.html` served for an unknown address, an empty shell); with
//! `csr` (`trunk serve`, tests) it renders into the empty body. With `islands` (the prerendered
//! pages' wasm, loaded by `public/navigation.js`) it only brings the page's islands to life, and
//! those of each page the navigation swaps in.

#[cfg(all(any(feature = "csr", feature = "hydrate"), not(feature = "islands")))]
fn main() {
    use veille::{content::Source, newsletter::Provider, App};

    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    let source = Source::from_document();
    let newsletter = Provider::from_document();
    let app = move || leptos::view! { <App source newsletter /> };
    #[cfg(all(feature = "hydrate", not(feature = "islands")))]
    if prerendered::is_this_page() {
        leptos::mount::hydrate_body(app);
        return;
    } else {
        prerendered::clear();
    }
    leptos::mount::mount_to_body(app);
}

#[cfg(feature = "islands")]
fn main() {
    use leptos::wasm_bindgen::{closure::Closure, JsCast};
    use veille::islands::client::hydrate_all;

    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    hydrate_all();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // navigation.js says when it has swapped another page in.
    let again = Closure::<dyn Fn()>::new(|| {
        hydrate_all();
    });
    let _ = document.add_event_listener_with_callback(
        veille::hydration::PAGE_EVENT,
        again.as_ref().unchecked_ref(),
    );
    again.forget();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-islands", "ready");
    }
}

/// The prerendered page, when there is one.
#[cfg(all(feature = "hydrate", not(feature = "islands")))]
mod prerendered {
    use veille::{config::meta, hydration};
    use web_sys::Node;

    /// Whether the page was prerendered for the address being shown, with the configuration
    /// the page now has.
    pub fn is_this_page() -> bool {
        let pathname = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        let same_config = meta(hydration::RENDERED_WITH_META).unwrap_or_default()
            == meta(veille::newsletter::PROVIDER_META).unwrap_or_default();
        // A page of islands is not the full app's to hydrate: it renders such a page afresh
        // when navigation.js starts it (the configuration changed since the build).
        let islands = meta(hydration::ISLANDS_META).is_some();
        same_config
            && !islands
            && meta(hydration::ROUTE_META)
                .is_some_and(|marker| hydration::is_page_of(&marker, &pathname))
    }

    /// Removes another page's body and its head tags (those after `<!--HEAD-->`), so that the
    /// app renders the address's own page in their place.
    pub fn clear() {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(body) = document.body() {
            body.set_inner_html("");
        }
        let Some(head) = document.head() else {
            return;
        };
        let mut after_marker = false;
        let mut node = head.first_child();
        while let Some(current) = node {
            node = current.next_sibling();
            if after_marker {
                let _ = head.remove_child(&current);
            } else if current.node_type() == Node::COMMENT_NODE
                && current.node_value().as_deref() == Some("HEAD")
            {
                after_marker = true;
            }
        }
    }
}

/// Without a browser rendering mode there is nothing to mount: the crate is then a library
/// (native unit tests, clippy on the host, the prerender binary).
#[cfg(not(any(feature = "csr", feature = "hydrate", feature = "islands")))]
fn main() {}

//! The two marks a prerendered page carries for the app to decide, at start, whether to take
//! it over (hydrate) or render afresh: the address it was rendered for and the newsletter
//! configuration it was rendered with; and, on a page of islands, what `navigation.js` loads.
//! Written by the prerender, read by `main.rs` and `public/navigation.js`.

use crate::routes::canonical;

/// `<meta name>` holding the path a page was prerendered for. The app hydrates the page only
/// when it is the page of the address being shown (a static host serves `404.html` for any
/// unknown address); otherwise it renders afresh.
pub const ROUTE_META: &str = "veille-route";

/// `<meta name>` holding the newsletter configuration a page was prerendered with: the signup
/// form's markup depends on it, so a page whose configuration was changed since is rendered
/// afresh rather than hydrated.
pub const RENDERED_WITH_META: &str = "veille-rendu-avec";

/// `<meta name>` holding the content API a page of islands was prerendered with (empty: its
/// own content). A page whose content API was changed since (a site switched to reading an
/// API, or another one) is taken over by the full app, which reads it.
pub const RENDERED_API_META: &str = "veille-api-rendu";

/// `<meta name>` of a page of islands (a prerendered route): the islands' wasm, as
/// `"<js> <wasm>"`, that `navigation.js` loads when a widget is near or touched.
pub const ISLANDS_META: &str = "veille-islands";

/// `<meta name>` naming the full app, as `"<js> <wasm>"`, on a page of islands: started instead
/// of the islands when the page's configuration changed since the build.
pub const APP_META: &str = "veille-app";

/// The navigation script's address as a literal, so that [`NAVIGATION_LOADER`] is built from
/// the one definition (`concat!` takes literals only).
macro_rules! navigation_script {
    () => {
        "/navigation.js"
    };
}

/// The navigation script of the pages of islands (`public/navigation.js`).
pub const NAVIGATION_SCRIPT: &str = navigation_script!();

/// The search script (`public/search.js`): loaded when a reader focuses a search field or
/// opens `/recherche`, never before; it loads Pagefind's files from `/pagefind/`.
pub const SEARCH_SCRIPT: &str = "/search.js";

/// The inline script (hashed in each page's policy) that starts `navigation.js` once the page
/// has loaded and painted, so that nothing competes with what paints it, or at once when the
/// reader acts first. Two frames after `load`, because the load event may come before the first
/// paint, and a script fetched at load is then counted as needed for it; a module script, which
/// never holds the parser (docs/performance.md, « When the page's scripts start », has the
/// figures of both choices). A signup sent before it runs is held and sent again once it does
/// (`window.veilleNavigation` is then set), or posted as the plain form it is if the script
/// cannot load: never lost.
pub const NAVIGATION_LOADER: &str = concat!(
    "const go=()=>import(\"",
    navigation_script!(),
    "\");",
    "addEventListener(\"load\",()=>requestAnimationFrame(()=>requestAnimationFrame(()=>setTimeout(go))));",
    "for(const t of[\"pointerdown\",\"touchstart\",\"keydown\",\"focusin\"])addEventListener(t,go,{capture:true,passive:true,once:true});",
    "addEventListener(\"submit\",e=>{if(!window.veilleNavigation){e.preventDefault();go().then(()=>e.target.requestSubmit(),()=>e.target.submit())}},true);",
);

/// The event `navigation.js` dispatches on `document` once it has swapped a page in.
pub const PAGE_EVENT: &str = "veille:page";

/// Whether a page prerendered for `marker` is the page of the address `pathname`: the same
/// path, with or without a final slash (static hosts add one to folders). An empty marker
/// (`404.html`) matches no address.
pub fn is_page_of(marker: &str, pathname: &str) -> bool {
    !marker.is_empty() && canonical(marker) == canonical(pathname)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_starts_the_navigation_script() {
        assert!(NAVIGATION_LOADER.contains(&format!("import(\"{NAVIGATION_SCRIPT}\")")));
        assert!(!NAVIGATION_LOADER.contains("</"));
    }

    #[test]
    fn a_page_is_hydrated_only_at_its_own_address() {
        // Its own address, with or without the final slash a static host adds.
        let own = [
            ("/", "/"),
            ("/article/x", "/article/x"),
            ("/article/x", "/article/x/"),
        ];
        assert!(own
            .iter()
            .all(|(marker, address)| is_page_of(marker, address)));
        // Another page's, and for 404.html (no marker), any.
        let other = [
            ("/article/x", "/article/y"),
            ("/", "/page/2"),
            ("", "/"),
            ("", "/nimporte/quoi"),
        ];
        assert!(other
            .iter()
            .all(|(marker, address)| !is_page_of(marker, address)));
    }
}

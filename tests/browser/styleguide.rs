//! The designers' workshop: every listed component and state is on the page (so that a new
//! state cannot be silently dropped), in both themes where the guide promises it, and the page
//! asks no server for data.

use crate::support::*;
use veille::{content::Source, pages::styleguide::STATES};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn every_component_and_state_is_shown_without_a_request() {
    // The site's own stylesheet, as trunk links it: the guide reads its tokens from it.
    let document = web_sys::window().unwrap().document().unwrap();
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../../style/main.css")));
    document.head().unwrap().append_child(&style).unwrap();
    let performance = web_sys::window().unwrap().performance().unwrap();
    performance.clear_resource_timings();
    let app = mount_at("/styleguide", Source::Bundled).await;
    let root = &app.root;
    until_heading(root, "Guide de style", 3).await;
    for state in STATES {
        assert!(
            find(root, &format!("[data-sg-state='{state}']")).is_some(),
            "the style guide lost {state}"
        );
    }
    // The article specimen carries its table of contents and its closing tag list.
    assert!(find(root, "[data-sg-state='article:header'] nav.toc").is_some());
    assert!(find(root, "[data-sg-state='article:header'] .tag-list--end li").is_some());
    // Its own layout comes with it (style/styleguide.css), not with every reader's page: the
    // two themes' panels side by side in a grid.
    let themes = find(root, ".sg-themes").unwrap();
    let shown = web_sys::window()
        .unwrap()
        .get_computed_style(&themes)
        .unwrap()
        .unwrap();
    assert_eq!(shown.get_property_value("display").unwrap(), "grid");
    // Light and dark side by side.
    assert!(count(root, "[data-sg-theme='light']") >= 5);
    assert_eq!(
        count(root, "[data-sg-theme='light']"),
        count(root, "[data-sg-theme='dark']")
    );
    // Each section names its file.
    assert!(count(root, ".sg-specimen__file code") as usize >= STATES.len() - 3);
    // The tokens are read from the site's CSS, with their contrast.
    until("the colour tokens", 2, || count(root, ".sg-swatch") >= 9).await;
    assert!(text(root, ".sg-swatches").contains("--color-accent"));
    until("the contrasts", 2, || {
        text_or_empty(root, ".sg-swatch__contrast").ends_with(":\u{a0}1")
    })
    .await;
    // Not for search engines, not in the navigation, and the page of the guide keeps its title.
    assert_eq!(head_meta("meta[name='robots']").as_deref(), Some("noindex"));
    assert!(find(root, "nav a[href='/styleguide']").is_none());
    assert_eq!(document_title(), "Guide de style — Veille IA");
    // No data requested from anyone: no fetch, no XHR.
    let data_requests = performance
        .get_entries_by_type("resource")
        .iter()
        .filter(|e| {
            let kind = js_sys::Reflect::get(e, &"initiatorType".into())
                .unwrap()
                .as_string()
                .unwrap_or_default();
            kind == "fetch" || kind == "xmlhttprequest"
        })
        .count();
    assert_eq!(data_requests, 0);
    style.remove();
}

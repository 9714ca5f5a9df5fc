//! The browser's HTML parser gives the converter the same tree as html5ever does at build
//! time: the fixture post of `src/cms/blocks.rs`'s native test, parsed by `DOMParser`, gives
//! the same blocks.

use crate::support::sleep;
use veille::{
    cms::{blocks, tree},
    content::{safe_href, Block, Inline, Inlines},
};
use wasm_bindgen_test::*;

/// Links kept as they are when safe: content with no links to rewrite.
fn keep(href: &str) -> Option<String> {
    safe_href(href).map(str::to_string)
}

#[wasm_bindgen_test]
fn the_browser_parser_gives_the_blocks_the_build_gives() {
    let html = include_str!("../fixtures/cms/gutenberg.html");
    let expected: Vec<Block> =
        serde_json::from_str(include_str!("../fixtures/cms/gutenberg.blocks.json")).unwrap();
    assert_eq!(blocks::blocks(&tree::parse(html), &keep), expected);
}

#[wasm_bindgen_test]
async fn a_post_parsed_in_the_browser_runs_nothing() {
    // An image that fails to load with a handler, and a script: DOMParser's document is inert
    // (nothing loads, nothing runs), and the converter keeps the words only.
    let html = "<img src=/nulle-part.png onerror=\"window.veilleHacked=1\">\
        <p>Texte<script>window.veilleHacked=2</script></p>";
    let found = blocks::blocks(&tree::parse(html), &keep);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        found[1],
        Block::Paragraph {
            text: Inlines(vec![Inline::Text("Texte".into())])
        }
    );
    // Long enough for a failed image request to have fired its handler.
    sleep(300).await;
    let hacked = js_sys::Reflect::get(&js_sys::global(), &"veilleHacked".into()).unwrap();
    assert!(hacked.is_undefined());
}

//! Content from the CMS a newsroom already runs (WordPress, Ghost): what their APIs answer,
//! turned into Veille's model. Pure mapping, tested natively on recorded answers; the HTML of a
//! post goes through [`tree`] (a parser: html5ever natively, the browser's own in the wasm) and
//! [`blocks`] (one allowlist converter for both), never into the page as HTML.

pub mod blocks;
/// Native tools only.
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
pub mod slug;
pub mod tree;
pub mod wordpress;

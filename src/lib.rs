//! Veille IA: a francophone news portal on artificial intelligence and data science.
//!
//! The crate builds four ways, chosen by Cargo feature: `csr` for `trunk serve` and the browser
//! tests; `hydrate` for the full app's release wasm (`404.html`, `spa.html`, and a page whose
//! configuration changed since the build); `islands` for the small wasm of the prerendered
//! pages, which brings their widgets to life ([`islands`]); `ssr` for the native build, which
//! renders every route to static files (the `veille-build` crate, `crates/build`, above this
//! one). Components never touch browser APIs while building a view, so every one of them also
//! renders without a browser.

#![recursion_limit = "256"]
// The doc comments are for Veille's maintainers, who read them with private items
// (`cargo doc --document-private-items`): a public item may point to the private one that does
// the work.
#![allow(rustdoc::private_intra_doc_links)]

// One mode per build: each feature is a different program (lib.rs's header), and two at once
// would compile code no build runs, or none that works.
#[cfg(any(
    all(
        feature = "csr",
        any(feature = "hydrate", feature = "islands", feature = "ssr")
    ),
    all(feature = "hydrate", any(feature = "islands", feature = "ssr")),
    all(feature = "islands", feature = "ssr"),
))]
compile_error!("Veille se construit dans un seul mode à la fois : csr, hydrate, islands ou ssr.");

// The layers, bottom up: a module imports only from those above it in this list (checked by
// `layers.rs`, which holds the same list).
//
// model: what the site is made of and how it is named (no framework, no browser, no network).
pub mod model;
// transport: one HTTP exchange and its answer.
pub mod http;
// cms: WordPress and Ghost mapped onto the model; their import (native, gated inside).
pub mod cms;
// sources: the page's configuration, the one `Source` of content, the signup's provider.
pub mod config;
pub mod content;
pub mod newsletter;
// site: addresses, metadata, search, what the browser is asked.
pub mod routes;
pub mod seo;
pub mod search;
pub mod hydration;
pub mod browser;
// views: widgets, the islands' wasm that revives some of them, the pages, the app.
pub mod island;
pub mod components;
pub mod islands;
pub mod pages;
pub mod app;

#[cfg(test)]
mod layers;

pub use app::App;

// The model's plain modules under the names the app's modules and the tests have always used.
pub use model::{escape, french, images, output, parallel, share};

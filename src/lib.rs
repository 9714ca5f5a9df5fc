//! Veille IA: a francophone news portal on artificial intelligence and data science.
//!
//! The crate builds four ways, chosen by Cargo feature: `csr` for `trunk serve` and the browser
//! tests; `hydrate` for the full app's release wasm (`404.html`, `spa.html`, and a page whose
//! configuration changed since the build); `islands` for the small wasm of the prerendered
//! pages, which brings their widgets to life ([`islands`]); `ssr` for the native prerender step
//! ([`prerender`]). Components never touch browser APIs while building a
//! view, so every one of them also renders without a browser.

#![recursion_limit = "256"]

pub mod app;
pub mod browser;
pub mod cms;
pub mod components;
pub mod config;
pub mod content;
/// Native build only (the browser's DOM escapes what the app writes).
pub mod escape;
#[cfg(feature = "ssr")]
pub mod feeds;
pub mod french;
pub mod http;
pub mod hydration;
pub mod images;
pub mod islands;
pub mod newsletter;
/// Native tools only (never called by the app, so not in its wasm).
pub mod output;
pub mod pages;
pub mod parallel;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod routes;
pub mod search;
pub mod seo;
pub mod share;

pub use app::App;

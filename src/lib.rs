//! Veille IA: a francophone news portal on artificial intelligence and data science.
//!
//! The crate builds three ways, chosen by Cargo feature: `csr` for `trunk serve` and the browser
//! tests; `hydrate` and `ssr` are reserved for the prerender step. Components never touch browser
//! APIs while building a view, so every one of them can also render without a browser.

pub mod app;
pub mod components;
pub mod content;
pub mod french;
pub mod http;
pub mod newsletter;
pub mod pages;
pub mod seo;
pub mod share;

pub use app::App;

//! Veille's build stage, native only, above the app's crate (`veille`, built with `ssr`): it
//! renders the app's routes to static files and keeps a built site current.
//!
//! - [`prerender`]: every route of the site rendered with the app's own components into
//!   `dist/`, with each page's Content-Security-Policy, and rendered again, file by file, when
//!   content changes ([`prerender::publish`]);
//! - [`feeds`]: the Atom feed, the sitemaps and `robots.txt`;
//! - [`publish`]: a publication round (import from the CMS, derived files, pages written
//!   again, search records, deploy hook), once (`veille-content sync`) or on a timer and on the
//!   CMS's notification (`veille-content watch`).
//!
//! The binaries `veille-prerender` and `veille-content` (`src/bin/`) are its command lines.

// The doc comments are for Veille's maintainers, who read them with private items.
#![allow(rustdoc::private_intra_doc_links)]

pub mod feeds;
pub mod prerender;
pub mod publish;

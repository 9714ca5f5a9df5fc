//! Veille's content model: the site, articles, tags and authors as the JSON files hold them;
//! their checks ([`Check`]), French typesetting ([`Typeset`]), pages of lists ([`paginate`]), the
//! errors a reader or an editor is shown ([`ContentError`]), and the [`Catalog`] an archive is
//! held in. No I/O but the native tools' reading of a folder ([`Catalog::from_dir`]).

mod catalog;
mod error;
mod model;
mod paging;
/// Benchmark tooling (native tools and tests; never called by the app, so not in its wasm).
pub mod synthetic;
mod typeset;
mod validate;

pub use catalog::{with_plain_spaces, Catalog, DerivedFile, LoadError, RELATED};
pub use error::{parse_json, ContentError};
pub use model::*;
pub use paging::{pages_before_head, paginate, window, AuthorListing, Page, TagListing, HEAD};
pub use typeset::Typeset;
pub use validate::Check;

use std::sync::OnceLock;

/// Slugs are lower-case ASCII letters, digits and dashes; anything else never reaches a URL.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 200
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A link target from content, kept only when it is safe to put in an `href`: `http:`, `https:`,
/// `mailto:`, or a path on this site. `javascript:`, `data:`, protocol-relative `//host` and
/// anything else come back as `None`, whatever their case, spaces or control characters.
pub fn safe_href(href: &str) -> Option<&str> {
    let trimmed = href.trim();
    // Browsers ignore tabs and newlines inside a scheme (`java\tscript:`): judge what they see.
    let seen: String = trimmed
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let allowed = seen.starts_with("https://")
        || seen.starts_with("http://")
        || seen.starts_with("mailto:")
        || (seen.starts_with('/') && !seen.starts_with("//") && !seen.starts_with("/\\"))
        || seen.starts_with('#');
    (allowed && !trimmed.is_empty()).then_some(trimmed)
}

mod bundle {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The content compiled into the app (`public/api/`, listed by `build.rs`), parsed once: the
/// bundled source's, and the sample the tests map and render.
pub fn bundled() -> Result<&'static Catalog, ContentError> {
    static CATALOG: OnceLock<Result<Catalog, ContentError>> = OnceLock::new();
    CATALOG
        .get_or_init(|| Catalog::from_json(bundle::SITE_JSON, bundle::ARTICLE_FILES))
        .as_ref()
        .map_err(Clone::clone)
}

//! All data access goes through this module: one [`Source`], three kinds behind it.
//!
//! - **Bundled** (the default): `public/api/site.json` and `public/api/articles/*.json` are
//!   compiled into the app; no request is made for content.
//! - **API**: the same JSON over HTTP from a base URL chosen at run time (a `<meta>` in
//!   `index.html`), at the paths of [`Source::site`], [`Source::index_page`],
//!   [`Source::article`] and [`Source::tag_page`]. `public/api/` itself is such an API.
//! - **CMS**: a WordPress or Ghost site's own API, chosen the same way ([`live`]).
//!
//! Every call returns `Result<_, ContentError>`; pages turn errors into French messages.

mod api;
// A CMS read at run time.
pub mod live;

// The model (types, checks, the catalog) is the bottom layer's; re-exported here so that the
// app's modules and the tests name content as before.
pub use crate::model::content::*;

use std::future::Future;

/// The `<meta name>` holding the content API's base URL; empty or absent means bundled content.
pub const API_META: &str = "veille-content-api";
/// The `<meta name>` saying what the API is: `veille` (the default), `wordpress` or `ghost`.
pub const KIND_META: &str = "veille-content-kind";
/// The `<meta name>` holding a Ghost Content API key (public by design: it reads what the site
/// publishes anyway).
pub const KEY_META: &str = "veille-content-key";
/// The `<meta name>` holding the publication date of the newest article in the build's search
/// index, on a site reading a CMS at run time (`veille-prerender --api` writes it): what was
/// published after it, the index cannot find, and the CMS's own search is asked for it
/// ([`Source::latest`]).
pub const INDEXED_META: &str = "veille-content-indexed";
/// The `<meta name>` holding the API timeout in milliseconds.
pub const TIMEOUT_META: &str = "veille-content-timeout-ms";
/// How long an API request may take when the configuration says nothing.
pub const DEFAULT_TIMEOUT_MS: u32 = 8_000;

/// Where content comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Source {
    #[default]
    Bundled,
    /// `base` has no trailing slash: `https://example.org/api`, or `/api` on the same host.
    Api { base: String, timeout_ms: u32 },
    /// A CMS's own API, read from the browser ([`live`]).
    Cms(live::Live),
    /// An archive read from disk by a native tool (the prerender step), in the API's layout.
    Archive(Archive),
}

/// A catalog read by a native tool, shared: a watcher reads one each round and lets it go after.
#[derive(Debug, Clone)]
pub struct Archive(pub std::sync::Arc<Catalog>);

impl PartialEq for Archive {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}
impl Eq for Archive {}

impl Source {
    /// The source the runtime configuration asks for: `api` is the content of the
    /// [`API_META`] tag, `timeout` of the [`TIMEOUT_META`] tag, `kind` of [`KIND_META`] and
    /// `key` of [`KEY_META`]. A kind this app does not know reads the API as Veille's.
    pub fn from_config(
        api: Option<&str>,
        timeout: Option<&str>,
        kind: Option<&str>,
        key: Option<&str>,
    ) -> Source {
        let base = api.map(str::trim).unwrap_or_default().trim_end_matches('/');
        if base.is_empty() {
            return Source::Bundled;
        }
        let timeout_ms = crate::config::timeout_ms(timeout, DEFAULT_TIMEOUT_MS);
        let cms = match kind.map(|k| k.trim().to_ascii_lowercase()).as_deref() {
            Some("wordpress") => Some(live::Cms::WordPress),
            Some("ghost") => Some(live::Cms::Ghost {
                key: key.unwrap_or_default().trim().to_string(),
            }),
            _ => None,
        };
        match cms {
            Some(cms) => Source::Cms(live::Live::new(cms, base, timeout_ms)),
            None => Source::Api {
                base: base.to_string(),
                timeout_ms,
            },
        }
    }

    /// Reads the configuration from the page's `<meta>` tags (browser only; elsewhere bundled).
    pub fn from_document() -> Source {
        let meta = crate::config::meta;
        Source::from_config(
            meta(API_META).as_deref(),
            meta(TIMEOUT_META).as_deref(),
            meta(KIND_META).as_deref(),
            meta(KEY_META).as_deref(),
        )
        .indexed_until(meta(INDEXED_META).as_deref())
    }

    /// The same source, told that the build's search index holds the articles published until
    /// `date` (the content of [`INDEXED_META`]; empty or absent: nothing is known of it).
    pub fn indexed_until(self, date: Option<&str>) -> Source {
        let date = date.map(str::trim).filter(|d| !d.is_empty());
        match (self, date) {
            (Source::Cms(mut live), Some(date)) => {
                live.indexed = Some(date.to_string());
                Source::Cms(live)
            }
            (other, _) => other,
        }
    }

    /// Whether [`Source::latest`] can find anything: a CMS with a search of its own, read at run
    /// time, by a site that knows how far its index goes.
    pub fn searches_latest(&self) -> bool {
        matches!(self, Source::Cms(live) if live.cms == live::Cms::WordPress && live.indexed.is_some())
    }

    /// The articles published since the build's search index was made that match `words`, from
    /// the CMS's own search, best first. The build's own content is all in the index: none.
    pub fn latest(
        &self,
        words: &str,
    ) -> impl Future<Output = Result<Vec<ArticleSummary>, ContentError>> + Send + 'static {
        let (this, words) = (self.clone(), words.to_string());
        async move {
            match this {
                // Boxed, like Source::get's, for the same reason (docs/performance.md).
                Source::Cms(live) => {
                    let read: std::pin::Pin<
                        Box<dyn Future<Output = Result<Vec<ArticleSummary>, ContentError>> + Send>,
                    > = Box::pin(async move { live.latest(&words).await });
                    read.await
                }
                _ => Ok(Vec::new()),
            }
        }
    }

    /// The source once the site is known: a CMS then lists as many articles a page as the
    /// site's own pages do (Veille's API and the bundled content have their pages made).
    pub fn for_site(self, site: &Site) -> Source {
        match self {
            Source::Cms(live) => Source::Cms(live.with_page_size(site.page_size)),
            other => other,
        }
    }

    /// `GET {base}/{path}` of Veille's API, `local` of a local catalog, `cms` of a CMS.
    fn get<T, F, C, Fut>(
        &self,
        path: String,
        local: F,
        cms: C,
    ) -> impl Future<Output = Result<T, ContentError>> + Send + 'static
    where
        T: serde::de::DeserializeOwned + Check + Typeset + Send + 'static,
        F: FnOnce(&Catalog) -> Result<T, ContentError> + Send + 'static,
        C: FnOnce(live::Live) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, ContentError>> + Send + 'static,
    {
        let this = self.clone();
        async move {
            match this {
                // A catalog is typeset when it is built.
                Source::Bundled => local(bundled()?),
                Source::Archive(Archive(catalog)) => local(&catalog),
                // An answer is checked like a file is, before any slug in it becomes a link, and
                // typeset when it is parsed, like a catalog.
                Source::Api { base, timeout_ms } => {
                    api::get_json(format!("{base}/{path}"), timeout_ms)
                        .await
                        .and_then(|value: T| value.check().map(|()| value.typeset()))
                }
                // So is a CMS's, once mapped. Boxed: inlined, its state would be copied into
                // every page's resource (docs/performance.md, « Choices that keep the wasm small »).
                Source::Cms(live) => {
                    let read: std::pin::Pin<
                        Box<dyn Future<Output = Result<T, ContentError>> + Send>,
                    > = Box::pin(cms(live));
                    read.await
                }
            }
        }
    }

    /// `GET {base}/site.json`
    pub fn site(&self) -> impl Future<Output = Result<Site, ContentError>> + Send + 'static {
        self.get(
            "site.json".into(),
            |c| Ok(c.site().clone()),
            |live| async move { live.site().await },
        )
    }

    /// `GET {base}/index/{page}.json`: one page of the home index, newest first (`0.json`: its
    /// head).
    pub fn index_page(
        &self,
        page: u32,
    ) -> impl Future<Output = Result<Page<ArticleSummary>, ContentError>> + Send + 'static {
        let this = self.clone();
        async move {
            if page == crate::model::paths::NO_PAGE {
                return Err(ContentError::NotFound);
            }
            this.get(
                format!("index/{page}.json"),
                move |c| c.index_page(page),
                move |live| async move { live.index_page(page).await },
            )
            .await
        }
    }

    /// `GET {base}/articles/{slug}.json`: one full article.
    pub fn article(
        &self,
        slug: &str,
    ) -> impl Future<Output = Result<Article, ContentError>> + Send + 'static {
        self.by_slug(
            "articles",
            slug,
            |c, slug| c.article(slug),
            |live, slug| async move { live.article(&slug).await },
        )
    }

    /// `GET {base}/related/{slug}.json`: up to three articles sharing the most tags with it.
    pub fn related(
        &self,
        slug: &str,
    ) -> impl Future<Output = Result<Vec<ArticleSummary>, ContentError>> + Send + 'static {
        self.by_slug(
            "related",
            slug,
            |c, slug| c.related(slug, RELATED),
            |live, slug| async move { live.related(&slug).await },
        )
    }

    /// `GET {base}/{dir}/{slug}.json`, `local` of a local catalog, `cms` of a CMS. A slug that
    /// could not be a file's name is not found, and never asked for.
    fn by_slug<T, F, C, Fut>(
        &self,
        dir: &'static str,
        slug: &str,
        local: F,
        cms: C,
    ) -> impl Future<Output = Result<T, ContentError>> + Send + 'static
    where
        T: serde::de::DeserializeOwned + Check + Typeset + Send + 'static,
        F: FnOnce(&Catalog, &str) -> Result<T, ContentError> + Send + 'static,
        C: FnOnce(live::Live, String) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, ContentError>> + Send + 'static,
    {
        let (this, slug) = (self.clone(), slug.to_string());
        async move {
            if !is_valid_slug(&slug) {
                return Err(ContentError::NotFound);
            }
            let path = format!("{dir}/{slug}.json");
            let asked = slug.clone();
            this.get(path, move |c| local(c, &slug), move |live| cms(live, asked))
                .await
        }
    }

    /// `GET {base}/tags/{slug}/{page}.json`: the tag and one page of its articles.
    pub fn tag_page(
        &self,
        slug: &str,
        page: u32,
    ) -> impl Future<Output = Result<TagListing, ContentError>> + Send + 'static {
        self.listing(
            "tags",
            slug,
            page,
            |c, slug, page| c.tag_page(slug, page),
            |live, slug, page| async move { live.tag_page(&slug, page).await },
        )
    }

    /// `GET {base}/authors/{slug}/{page}.json`: the author and one page of their articles.
    pub fn author_page(
        &self,
        slug: &str,
        page: u32,
    ) -> impl Future<Output = Result<AuthorListing, ContentError>> + Send + 'static {
        self.listing(
            "authors",
            slug,
            page,
            |c, slug, page| c.author_page(slug, page),
            |live, slug, page| async move { live.author_page(&slug, page).await },
        )
    }

    /// `GET {base}/{dir}/{slug}/{page}.json`, one page of a list named by a slug, `local` of a
    /// local catalog, `cms` of a CMS. A slug that could not be a folder's name, or a segment
    /// that is no page's number, is not found, and never asked for.
    fn listing<T, F, C, Fut>(
        &self,
        dir: &'static str,
        slug: &str,
        page: u32,
        local: F,
        cms: C,
    ) -> impl Future<Output = Result<T, ContentError>> + Send + 'static
    where
        T: serde::de::DeserializeOwned + Check + Typeset + Send + 'static,
        F: FnOnce(&Catalog, &str, u32) -> Result<T, ContentError> + Send + 'static,
        C: FnOnce(live::Live, String, u32) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, ContentError>> + Send + 'static,
    {
        let (this, slug) = (self.clone(), slug.to_string());
        async move {
            if !is_valid_slug(&slug) || page == crate::model::paths::NO_PAGE {
                return Err(ContentError::NotFound);
            }
            let path = format!("{dir}/{slug}/{page}.json");
            let asked = slug.clone();
            this.get(
                path,
                move |c| local(c, &slug, page),
                move |live| cms(live, asked, page),
            )
            .await
        }
    }
}

/// The source every page reads from, put in the reactive context by [`crate::App`].
pub fn use_source() -> Source {
    leptos::prelude::use_context::<Source>().unwrap_or_default()
}

/// The site, once loaded, put in the reactive context by [`crate::App`].
pub fn use_site() -> Site {
    leptos::prelude::expect_context::<Site>()
}

#[cfg(test)]
mod tests;

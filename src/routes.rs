//! The site's routes: the patterns the router matches, the paths built from a slug or a page
//! number (the model's [`crate::model::paths`], re-exported), and the list of pages to
//! prerender. Pure, tested natively: every path matches its pattern and no other.

use crate::content::Catalog;

/// The router's patterns (`app.rs`), one per kind of page, with the names of their parameters
/// ([`SLUG`], [`PAGE`]). The tests below check that every path built here matches its pattern.
pub mod pattern {
    use leptos_router::{path, ParamSegment, StaticSegment};

    type Static = StaticSegment<&'static str>;

    pub const HOME: () = path!("/");
    pub const HOME_PAGE: (Static, ParamSegment) = path!("/page/:page");
    pub const ARTICLE: (Static, ParamSegment) = path!("/article/:slug");
    pub const TAG: (Static, ParamSegment) = path!("/tag/:slug");
    pub const TAG_PAGE: (Static, ParamSegment, Static, ParamSegment) =
        path!("/tag/:slug/page/:page");
    pub const AUTHOR: (Static, ParamSegment) = path!("/auteur/:slug");
    pub const AUTHOR_PAGE: (Static, ParamSegment, Static, ParamSegment) =
        path!("/auteur/:slug/page/:page");
    pub const ABOUT: (Static,) = path!("/a-propos");
    pub const SEARCH: (Static,) = path!("/recherche");
    pub const STYLEGUIDE: (Static,) = path!("/styleguide");
}

// The paths themselves (built from a slug or a page number) are the model's: the CMS mapping
// links to articles too.
pub use crate::model::paths::*;

/// The kinds of page, one per router pattern ([`pattern`]); in `routes.json` by these names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Home,
    HomePage,
    Article,
    Tag,
    TagPage,
    Author,
    AuthorPage,
    About,
    Search,
    #[serde(rename = "styleguide")]
    StyleGuide,
}

/// One page of the site to prerender.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Route {
    /// The URL path, e.g. `/article/x` or `/tag/sante/page/2`.
    pub path: String,
    pub kind: Kind,
    /// Date of the last change, for the sitemap (articles only).
    pub lastmod: Option<String>,
    /// Listed in the sitemap (the style guide is not).
    pub indexable: bool,
}

impl Route {
    /// An indexable page with no date of its own.
    pub fn page(path: String, kind: Kind) -> Route {
        Route {
            path,
            kind,
            lastmod: None,
            indexable: true,
        }
    }

    /// The file the page is written to under `dist/`.
    pub fn file(&self) -> String {
        file_for(&self.path)
    }
}

/// Every route of the site, from the content: each page of the home index, every article,
/// every tag and each page of it, every author and each page of theirs, the about page, the search page and the style guide (these
/// two not indexable).
pub fn all(catalog: &Catalog) -> Vec<Route> {
    let site = catalog.site();
    let mut routes = Vec::with_capacity(catalog.summaries().len() * 2 + 16);
    // A list's head and the pages before it that the head counts, so that every « plus
    // anciens » link has its file.
    let list = |routes: &mut Vec<Route>, base: &str, older: Option<u32>, kinds: (Kind, Kind)| {
        for n in 0..=older.unwrap_or(0) {
            let kind = if n == HEAD { kinds.0 } else { kinds.1 };
            routes.push(Route::page(page_href(base, n), kind));
        }
    };
    let index_pages = catalog.index_page(HEAD).ok().and_then(|p| p.older);
    list(&mut routes, HOME, index_pages, (Kind::Home, Kind::HomePage));
    for summary in catalog.summaries() {
        routes.push(Route {
            path: article(&summary.slug),
            kind: Kind::Article,
            lastmod: Some(date_of(
                summary.updated.as_ref().unwrap_or(&summary.published),
            )),
            indexable: true,
        });
    }
    for tag in &site.tags {
        let older = catalog.tag_page(&tag.slug, HEAD).ok();
        let older = older.and_then(|l| l.page.older);
        list(
            &mut routes,
            &self::tag(&tag.slug),
            older,
            (Kind::Tag, Kind::TagPage),
        );
    }
    for author in catalog.authors() {
        let older = catalog.author_page(&author.slug, HEAD).ok();
        let older = older.and_then(|l| l.page.older);
        let kinds = (Kind::Author, Kind::AuthorPage);
        list(&mut routes, &self::author(&author.slug), older, kinds);
    }
    routes.push(Route::page(ABOUT.into(), Kind::About));
    // A page to use, not to list: out of the sitemap (and `noindex`).
    routes.push(Route {
        path: SEARCH.into(),
        kind: Kind::Search,
        lastmod: None,
        indexable: false,
    });
    // Only in builds that have it (not the reader's release build).
    if cfg!(feature = "styleguide") {
        routes.push(Route {
            path: STYLEGUIDE.into(),
            kind: Kind::StyleGuide,
            lastmod: None,
            indexable: false,
        });
    }
    routes
}

/// The file the prerender writes the list of routes to, in `dist/`: for the end-to-end tests
/// (one page of each kind, the file of each path) and for whoever deploys (a CDN to warm up).
pub const LIST_FILE: &str = "routes.json";

/// The routes as `routes.json`: `[{"path", "kind", "lastmod", "indexable", "file"}, …]`.
pub fn list_json(routes: &[Route]) -> String {
    #[derive(serde::Serialize)]
    struct Entry<'a> {
        #[serde(flatten)]
        route: &'a Route,
        file: String,
    }
    let entries: Vec<Entry> = routes
        .iter()
        .map(|route| Entry {
            route,
            file: route.file(),
        })
        .collect();
    crate::output::json(&entries)
}

/// The files a `routes.json` ([`list_json`]) lists, in its order: what an earlier build wrote.
pub fn files_listed(json: &str) -> Result<Vec<String>, serde_json::Error> {
    #[derive(serde::Deserialize)]
    struct Entry {
        file: String,
    }
    let entries: Vec<Entry> = serde_json::from_str(json)?;
    Ok(entries.into_iter().map(|e| e.file).collect())
}

/// The `YYYY-MM-DD` part of an ISO 8601 date.
fn date_of(iso: &str) -> String {
    iso.get(..10).unwrap_or(iso).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::bundled;

    #[test]
    fn the_list_of_routes_reads_back_as_its_files() {
        let routes = all(bundled().unwrap());
        let files: Vec<String> = routes.iter().map(Route::file).collect();
        assert_eq!(files_listed(&list_json(&routes)).unwrap(), files);
        assert!(files_listed("<html>").is_err());
    }

    #[test]
    fn every_page_of_the_site_is_a_route() {
        let catalog = bundled().unwrap();
        let routes = all(catalog);
        let paths: Vec<&str> = routes.iter().map(|r| r.path.as_str()).collect();
        let n = catalog.summaries().len();
        let size = catalog.site().page_size as usize;
        assert_eq!(paths[0], "/");
        // Every page but the last two, which the head shows.
        let before = n.div_ceil(size) - 2;
        assert!(before > 0, "the sample has pages before its head");
        for page in 1..=before {
            assert!(
                paths.contains(&format!("/page/{page}").as_str()),
                "page {page}"
            );
        }
        assert!(!paths.contains(&format!("/page/{}", before + 1).as_str()));
        for s in catalog.summaries() {
            assert!(paths.contains(&format!("/article/{}", s.slug).as_str()));
        }
        for tag in &catalog.site().tags {
            assert!(paths.contains(&format!("/tag/{}", tag.slug).as_str()));
        }
        assert!(paths.contains(&"/a-propos"));
        let styleguide = routes.iter().find(|r| r.path == STYLEGUIDE);
        assert_eq!(styleguide.is_some(), cfg!(feature = "styleguide"));
        assert!(styleguide.is_none_or(|s| !s.indexable));
        // No route twice.
        let mut unique = paths.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), paths.len());
    }

    #[test]
    fn every_path_matches_its_pattern_and_no_other() {
        use leptos_router::PossibleRouteMatch;
        // (pattern's kind, whether it matches, the parameters it reads).
        let matches = |path: &str| -> Vec<(Kind, Vec<(String, String)>)> {
            let mut found = Vec::new();
            let mut try_one = |kind, m: Option<leptos_router::PartialPathMatch<'_>>| {
                if let Some(m) = m.filter(|m| m.is_complete()) {
                    let params = m
                        .params()
                        .into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect();
                    found.push((kind, params));
                }
            };
            try_one(Kind::Home, pattern::HOME.test(path));
            try_one(Kind::HomePage, pattern::HOME_PAGE.test(path));
            try_one(Kind::Article, pattern::ARTICLE.test(path));
            try_one(Kind::Tag, pattern::TAG.test(path));
            try_one(Kind::TagPage, pattern::TAG_PAGE.test(path));
            try_one(Kind::Author, pattern::AUTHOR.test(path));
            try_one(Kind::AuthorPage, pattern::AUTHOR_PAGE.test(path));
            try_one(Kind::About, pattern::ABOUT.test(path));
            try_one(Kind::Search, pattern::SEARCH.test(path));
            try_one(Kind::StyleGuide, pattern::STYLEGUIDE.test(path));
            found
        };
        let p = |k: &str, v: &str| (k.to_string(), v.to_string());
        let cases = [
            (HOME.to_string(), Kind::Home, vec![]),
            (page_href(HOME, 2), Kind::HomePage, vec![p(PAGE, "2")]),
            (article("x-1"), Kind::Article, vec![p(SLUG, "x-1")]),
            (tag("sante"), Kind::Tag, vec![p(SLUG, "sante")]),
            (
                page_href(&tag("sante"), 3),
                Kind::TagPage,
                vec![p(SLUG, "sante"), p(PAGE, "3")],
            ),
            (
                author("claire-dumas"),
                Kind::Author,
                vec![p(SLUG, "claire-dumas")],
            ),
            (
                page_href(&author("claire-dumas"), 2),
                Kind::AuthorPage,
                vec![p(SLUG, "claire-dumas"), p(PAGE, "2")],
            ),
            (ABOUT.to_string(), Kind::About, vec![]),
            (SEARCH.to_string(), Kind::Search, vec![]),
            (STYLEGUIDE.to_string(), Kind::StyleGuide, vec![]),
        ];
        for (path, kind, params) in cases {
            assert_eq!(matches(&path), [(kind, params)], "{path}");
        }
        // And every route of the site is of the kind its pattern says.
        for route in all(crate::content::bundled().unwrap()) {
            let found = matches(&route.path);
            assert_eq!(found.len(), 1, "{}", route.path);
            assert_eq!(found[0].0, route.kind, "{}", route.path);
        }
    }
}

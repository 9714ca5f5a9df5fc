//! The site's addresses, in one place: the patterns the router matches, every path a page
//! links to, a share row names or the build writes (made here from a slug or a page number),
//! the list of pages to prerender and the file each one is written to. Pure, tested natively.

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

/// The route parameter holding an article's, a tag's or an author's slug.
pub const SLUG: &str = "slug";
/// The route parameter holding a page number (absent on a list's first page).
pub const PAGE: &str = "page";

/// The home page.
pub const HOME: &str = "/";
/// The about page.
pub const ABOUT: &str = "/a-propos";
/// The search page. Its address holds the search, so that it can be shared and back and
/// forward work: `/recherche?q=…&rubrique=…&tri=date` ([`search_param`]).
pub const SEARCH: &str = "/recherche";
/// The search page's parameters, as `public/search.js` reads them: the words, one tag's slug
/// (the filter), and the order (`date`, or relevance when absent).
pub mod search_param {
    pub const QUERY: &str = "q";
    pub const TAG: &str = "rubrique";
    pub const SORT: &str = "tri";
}
/// The designers' workshop (builds with the `styleguide` feature only; never indexed).
pub const STYLEGUIDE: &str = "/styleguide";

/// An article's page.
pub fn article(slug: &str) -> String {
    format!("/article/{slug}")
}

/// A tag's page (its first page).
pub fn tag(slug: &str) -> String {
    format!("/tag/{slug}")
}

/// An author's page (its first page).
pub fn author(slug: &str) -> String {
    format!("/auteur/{slug}")
}

/// Page `n` of the list at `base` (`/` or a tag's page): the page number is in the path
/// (`/page/2`, `/tag/sante/page/2`), so that each page is a file of its own once prerendered (a
/// static host cannot serve by query string).
pub fn page_href(base: &str, n: u32) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{}/page/{n}", base.trim_end_matches('/'))
    }
}

/// A path as the site names it: without a final slash (static hosts add one to folders), `/`
/// for the home.
pub fn canonical(path: &str) -> &str {
    match path.trim_end_matches('/') {
        "" => HOME,
        trimmed => trimmed,
    }
}

/// The page number in a route's `:page` segment: 1 when absent, 0 (a page that does not exist,
/// hence the 404) when it is not a positive whole number.
pub fn page_number(segment: Option<&str>) -> u32 {
    match segment {
        None => 1,
        Some(raw) => raw.parse().unwrap_or(0),
    }
}

/// The file a path is written to under `dist/`: `/` → `index.html`, `/a/b` → `a/b/index.html`,
/// which any static host serves at `/a/b` and `/a/b/`.
pub fn file_for(path: &str) -> String {
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        "index.html".into()
    } else {
        format!("{trimmed}/index.html")
    }
}

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
    // The page counts the pages themselves show, so that every « plus anciens » link has its file.
    let index_pages = catalog.index_page(1).map_or(1, |p| p.total_pages);
    let mut routes = Vec::with_capacity(catalog.summaries().len() * 2 + 16);
    for n in 1..=index_pages {
        let kind = if n == 1 { Kind::Home } else { Kind::HomePage };
        routes.push(Route::page(page_href(HOME, n), kind));
    }
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
        let base = self::tag(&tag.slug);
        let tag_pages = catalog
            .tag_page(&tag.slug, 1)
            .map_or(1, |l| l.page.total_pages);
        for n in 1..=tag_pages {
            let kind = if n == 1 { Kind::Tag } else { Kind::TagPage };
            routes.push(Route::page(page_href(&base, n), kind));
        }
    }
    for author in catalog.authors() {
        let base = self::author(&author.slug);
        let pages = catalog
            .author_page(&author.slug, 1)
            .map_or(1, |l| l.page.total_pages);
        for n in 1..=pages {
            let kind = if n == 1 {
                Kind::Author
            } else {
                Kind::AuthorPage
            };
            routes.push(Route::page(page_href(&base, n), kind));
        }
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

/// The `YYYY-MM-DD` part of an ISO 8601 date.
fn date_of(iso: &str) -> String {
    iso.get(..10).unwrap_or(iso).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::bundled;

    #[test]
    fn paths_from_slugs() {
        assert_eq!(article("sommet-de-seoul"), "/article/sommet-de-seoul");
        assert_eq!(tag("sante"), "/tag/sante");
    }

    #[test]
    fn a_path_with_or_without_its_final_slash_is_the_same_page() {
        for (path, canonical_path) in [
            ("/", "/"),
            ("", "/"),
            ("//", "/"),
            ("/tag/ia/", "/tag/ia"),
            ("/tag/ia", "/tag/ia"),
        ] {
            assert_eq!(canonical(path), canonical_path, "{path:?}");
        }
    }

    #[test]
    fn page_numbers_from_the_path() {
        assert_eq!(page_number(None), 1);
        assert_eq!(page_number(Some("2")), 2);
        for bad in ["", "0", "-1", "deux", "2.5", "99999999999"] {
            assert_eq!(page_number(Some(bad)), 0, "{bad}");
        }
    }

    #[test]
    fn page_links_keep_the_first_page_plain() {
        assert_eq!(page_href(HOME, 1), "/");
        assert_eq!(page_href(&tag("sante"), 0), "/tag/sante");
        assert_eq!(page_href(HOME, 3), "/page/3");
        assert_eq!(page_href(&tag("sante"), 2), "/tag/sante/page/2");
    }

    #[test]
    fn each_path_has_its_file() {
        assert_eq!(file_for(HOME), "index.html");
        assert_eq!(file_for(ABOUT), "a-propos/index.html");
        assert_eq!(file_for(&article("x")), "article/x/index.html");
        assert_eq!(
            file_for("/tag/sante/page/2/"),
            "tag/sante/page/2/index.html"
        );
    }

    #[test]
    fn every_page_of_the_site_is_a_route() {
        let catalog = bundled().unwrap();
        let routes = all(catalog);
        let paths: Vec<&str> = routes.iter().map(|r| r.path.as_str()).collect();
        let n = catalog.summaries().len();
        let size = catalog.site().page_size as usize;
        assert_eq!(paths[0], "/");
        for page in 2..=n.div_ceil(size) {
            assert!(
                paths.contains(&format!("/page/{page}").as_str()),
                "page {page}"
            );
        }
        assert!(!paths.contains(&format!("/page/{}", n.div_ceil(size) + 1).as_str()));
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

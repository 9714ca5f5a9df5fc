//! What the static build publishes besides the app: the list of routes to prerender and the
//! file each one goes to, the Atom feed, the sitemap and `robots.txt`, and the few reads of
//! trunk's `index.html` the prerender needs. Pure text in, text out, tested natively.

use crate::{
    content::{ArticleSummary, Catalog, Site},
    routes::{self, page_href},
    seo::absolute,
};
use std::fmt::Write;

/// How many of the newest articles the feed carries (feed readers poll it; the archive is in
/// the sitemap).
pub const FEED_ENTRIES: usize = 50;
/// The sitemap protocol's limit per file, in URLs (and 50 MB, see [`SITEMAP_MAX_BYTES`]).
pub const SITEMAP_MAX_URLS: usize = 50_000;
pub const SITEMAP_MAX_BYTES: usize = 50 * 1024 * 1024;

/// `<meta name>` holding the path a page was prerendered for. The app hydrates the page only
/// when it is the page of the address being shown (a static host serves `404.html` for any
/// unknown address); otherwise it renders afresh.
pub const ROUTE_META: &str = "veille-route";

/// `<meta name>` holding the newsletter configuration a page was prerendered with: the signup
/// form's markup depends on it, so a page whose configuration was changed since is rendered
/// afresh rather than hydrated.
pub const RENDERED_WITH_META: &str = "veille-rendu-avec";

/// Whether a page prerendered for `marker` is the page of the address `pathname`: the same
/// path, with or without a final slash (static hosts add one to folders). An empty marker
/// (`404.html`) matches no address.
pub fn is_page_of(marker: &str, pathname: &str) -> bool {
    let norm = |p: &str| {
        let t = p.trim_end_matches('/');
        if t.is_empty() {
            "/".to_string()
        } else {
            t.to_string()
        }
    };
    !marker.is_empty() && norm(marker) == norm(pathname)
}

/// One page of the site to prerender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The URL path, e.g. `/article/x` or `/tag/sante/page/2`.
    pub path: String,
    /// Date of the last change, for the sitemap (articles only).
    pub lastmod: Option<String>,
    /// Listed in the sitemap (the style guide is not).
    pub indexable: bool,
}

impl Route {
    fn page(path: String) -> Route {
        Route {
            path,
            lastmod: None,
            indexable: true,
        }
    }
}

/// Every route of the site, from the content: each page of the home index, every article,
/// every tag and each page of it, the about page and the style guide (not indexable).
pub fn routes(catalog: &Catalog) -> Vec<Route> {
    let site = catalog.site();
    // The page counts the pages themselves show, so that every « plus anciens » link has its file.
    let index_pages = catalog.index_page(1).map_or(1, |p| p.total_pages);
    let mut routes = Vec::with_capacity(catalog.summaries().len() * 2 + 16);
    for n in 1..=index_pages {
        routes.push(Route::page(page_href(routes::HOME, n)));
    }
    for summary in catalog.summaries() {
        routes.push(Route {
            path: routes::article(&summary.slug),
            lastmod: Some(date_of(
                summary.updated.as_ref().unwrap_or(&summary.published),
            )),
            indexable: true,
        });
    }
    for tag in &site.tags {
        let base = routes::tag(&tag.slug);
        let tag_pages = catalog
            .tag_page(&tag.slug, 1)
            .map_or(1, |l| l.page.total_pages);
        for n in 1..=tag_pages {
            routes.push(Route::page(page_href(&base, n)));
        }
    }
    routes.push(Route::page(routes::ABOUT.into()));
    // Only in builds that have it (not the reader's release build).
    if cfg!(feature = "styleguide") {
        routes.push(Route {
            path: "/styleguide".into(),
            lastmod: None,
            indexable: false,
        });
    }
    routes
}

/// The `YYYY-MM-DD` part of an ISO 8601 date.
fn date_of(iso: &str) -> String {
    iso.get(..10).unwrap_or(iso).to_string()
}

/// An ISO 8601 date or date-time as RFC 3339 (what Atom wants): a bare date is midnight UTC.
pub fn rfc3339(iso: &str) -> String {
    if iso.len() == 10 {
        format!("{iso}T00:00:00Z")
    } else {
        iso.to_string()
    }
}

/// Text made safe inside XML (and HTML) elements and attributes.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and line breaks are not allowed in XML 1.0.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The Atom feed of the newest articles, in French, with absolute URLs.
pub fn feed_xml(catalog: &Catalog) -> String {
    let site = catalog.site();
    let entries: Vec<&ArticleSummary> = catalog.summaries().iter().take(FEED_ENTRIES).collect();
    let updated = entries
        .iter()
        .map(|s| rfc3339(s.updated.as_ref().unwrap_or(&s.published)))
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let e = escape_xml;
    let home = absolute(site, "/");
    let mut xml = String::with_capacity(1024 + entries.len() * 1024);
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n");
    let _ = writeln!(xml, "  <title>{}</title>", e(&site.name));
    let _ = writeln!(xml, "  <subtitle>{}</subtitle>", e(&site.tagline));
    let _ = writeln!(xml, "  <id>{}</id>", e(&home));
    let _ = writeln!(
        xml,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        e(&home)
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        e(&absolute(site, "/feed.xml"))
    );
    let _ = writeln!(xml, "  <updated>{updated}</updated>");
    let _ = writeln!(xml, "  <icon>{}</icon>", e(&absolute(site, "/favicon.svg")));
    for s in entries {
        let url = absolute(site, &routes::article(&s.slug));
        xml.push_str("  <entry>\n");
        let _ = writeln!(xml, "    <title>{}</title>", e(&s.title));
        let _ = writeln!(
            xml,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            e(&url)
        );
        let _ = writeln!(xml, "    <id>{}</id>", e(&url));
        let _ = writeln!(
            xml,
            "    <published>{}</published>",
            e(&rfc3339(&s.published))
        );
        let _ = writeln!(
            xml,
            "    <updated>{}</updated>",
            e(&rfc3339(s.updated.as_ref().unwrap_or(&s.published)))
        );
        let _ = writeln!(xml, "    <author><name>{}</name></author>", e(&s.author));
        for tag in &s.tags {
            let label = tag_name(site, tag);
            let _ = writeln!(
                xml,
                "    <category term=\"{}\" label=\"{}\"/>",
                e(tag),
                e(label)
            );
        }
        let _ = writeln!(xml, "    <summary>{}</summary>", e(&s.lead));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

fn tag_name<'a>(site: &'a Site, slug: &'a str) -> &'a str {
    site.tag(slug).map_or(slug, |t| t.name.as_str())
}

/// The sitemap files, as (file name, XML): one `sitemap.xml` while the indexable routes fit
/// the protocol's limits, otherwise `sitemap-1.xml`, `sitemap-2.xml`… and a `sitemap.xml`
/// index listing them.
pub fn sitemaps(site: &Site, routes: &[Route]) -> Vec<(String, String)> {
    let urls: Vec<String> = routes
        .iter()
        .filter(|r| r.indexable)
        .map(|r| {
            let mut entry = format!("  <url><loc>{}</loc>", escape_xml(&absolute(site, &r.path)));
            if let Some(date) = &r.lastmod {
                let _ = write!(entry, "<lastmod>{}</lastmod>", escape_xml(date));
            }
            entry.push_str("</url>\n");
            entry
        })
        .collect();
    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    const TAIL: &str = "</urlset>\n";
    // Split by count, then by size, keeping each file under both limits.
    let mut files: Vec<String> = Vec::new();
    let mut current = String::from(HEAD);
    let mut count = 0;
    for url in urls {
        if count == SITEMAP_MAX_URLS || current.len() + url.len() + TAIL.len() > SITEMAP_MAX_BYTES {
            current.push_str(TAIL);
            files.push(std::mem::replace(&mut current, String::from(HEAD)));
            count = 0;
        }
        current.push_str(&url);
        count += 1;
    }
    current.push_str(TAIL);
    files.push(current);
    if files.len() == 1 {
        return vec![("sitemap.xml".into(), files.remove(0))];
    }
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut out = Vec::with_capacity(files.len() + 1);
    for (i, xml) in files.into_iter().enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        let _ = writeln!(
            index,
            "  <sitemap><loc>{}</loc></sitemap>",
            escape_xml(&absolute(site, &format!("/{name}")))
        );
        out.push((name, xml));
    }
    index.push_str("</sitemapindex>\n");
    out.insert(0, ("sitemap.xml".into(), index));
    out
}

/// `robots.txt`: everything may be crawled but the designers' workshop; where the sitemap is.
pub fn robots_txt(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\nDisallow: /styleguide\n\nSitemap: {}\n",
        absolute(site, "/sitemap.xml")
    )
}

/// The `content` of `<meta name="{name}">` in an HTML page, whatever the attribute order and
/// quoting (trunk's minifier drops the quotes); entities are not decoded.
pub fn meta_content(html: &str, name: &str) -> Option<String> {
    let mut rest = html;
    while let Some(start) = rest.find("<meta") {
        let tail = &rest[start + 5..];
        let end = tail.find('>')?;
        let attrs = attributes(&tail[..end]);
        let get = |key: &str| attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        if get("name").as_deref() == Some(name) {
            return Some(get("content").unwrap_or_default());
        }
        rest = &tail[end..];
    }
    None
}

/// The value of attribute `name` in a tag's inside (`attrs` of `<tag attrs>`).
pub fn attribute(attrs: &str, name: &str) -> Option<String> {
    attributes(attrs)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// The attributes of a tag's inside, as (lower-case name, value).
fn attributes(inside: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = inside.trim_end_matches('/').chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let name: String =
            std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace() && *c != '=')).collect();
        if name.is_empty() {
            break;
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'=').is_some() {
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            match chars.peek().copied() {
                Some(q @ ('"' | '\'')) => {
                    chars.next();
                    value = std::iter::from_fn(|| chars.next_if(|c| *c != q)).collect();
                    chars.next();
                }
                _ => value = std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace())).collect(),
            }
        }
        out.push((name.to_ascii_lowercase(), value));
    }
    out
}

/// Where a URL's requests go: its origin (`https://host[:port]`), or `None` for a path on this
/// site (or anything that is not an http(s) URL).
pub fn origin_of(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .map(|r| ("https", r))
        .or_else(|| url.strip_prefix("http://").map(|r| ("http", r)))?;
    let host = rest.1.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || host.contains(['"', '\'', ';', ' ', ',']) {
        return None;
    }
    Some(format!("{}://{}", rest.0, host.to_ascii_lowercase()))
}

/// What the Content Security Policy of a page allows beyond its own origin.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    /// `sha256-…` of each inline script the page runs.
    pub script_hashes: Vec<String>,
    /// `sha256-…` of each inline style element.
    pub style_hashes: Vec<String>,
    /// Origins the app may fetch from: the content API, the newsletter endpoint.
    pub connect: Vec<String>,
    /// Origins images may come from besides the site: the content API's.
    pub images: Vec<String>,
    /// Where the signup form may post; `None`: nowhere (`'none'`).
    pub form_action: Option<String>,
}

impl Policy {
    /// The policy for a `<meta http-equiv>`: everything but `frame-ancestors`, which only a
    /// header can carry (see `public/_headers`). Never `'unsafe-inline'` or `'unsafe-eval'`:
    /// the wasm needs only `'wasm-unsafe-eval'`.
    pub fn meta(&self) -> String {
        let list = |items: &[String]| items.iter().map(|i| format!(" {i}")).collect::<String>();
        let quoted = |items: &[String]| items.iter().map(|h| format!(" '{h}'")).collect::<String>();
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; img-src 'self'{}; connect-src 'self'{}; object-src 'none'; base-uri 'self'; form-action {}",
            quoted(&self.script_hashes),
            quoted(&self.style_hashes),
            list(&self.images),
            list(&self.connect),
            self.form_action.as_deref().unwrap_or("'none'"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::bundled;

    #[test]
    fn every_page_of_the_site_is_a_route() {
        let catalog = bundled().unwrap();
        let routes = routes(catalog);
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
        let styleguide = routes.iter().find(|r| r.path == "/styleguide");
        assert_eq!(styleguide.is_some(), cfg!(feature = "styleguide"));
        assert!(styleguide.is_none_or(|s| !s.indexable));
        // No route twice.
        let mut unique = paths.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), paths.len());
    }

    #[test]
    fn a_page_is_hydrated_only_at_its_own_address() {
        assert!(is_page_of("/", "/"));
        assert!(is_page_of("/article/x", "/article/x"));
        assert!(is_page_of("/article/x", "/article/x/"));
        assert!(!is_page_of("/article/x", "/article/y"));
        assert!(!is_page_of("/", "/page/2"));
        assert!(!is_page_of("", "/"));
        assert!(!is_page_of("", "/nimporte/quoi"));
    }

    #[test]
    fn origins_of_configured_urls() {
        assert_eq!(
            origin_of("https://Contenu.Example.org/v1/"),
            Some("https://contenu.example.org".into())
        );
        assert_eq!(
            origin_of("http://127.0.0.1:8081/api"),
            Some("http://127.0.0.1:8081".into())
        );
        assert_eq!(origin_of("/api"), None);
        assert_eq!(origin_of(""), None);
        assert_eq!(origin_of("javascript:alert(1)"), None);
        assert_eq!(origin_of("https://a.example;script-src *"), None);
    }

    #[test]
    fn the_policy_is_strict() {
        let policy = Policy {
            script_hashes: vec!["sha256-AAA=".into(), "sha256-BBB=".into()],
            style_hashes: vec!["sha256-CCC=".into()],
            connect: vec![
                "https://api.example".into(),
                "https://lettre.example".into(),
            ],
            images: vec!["https://api.example".into()],
            form_action: Some("https://lettre.example".into()),
        };
        let csp = policy.meta();
        assert!(csp.starts_with("default-src 'self'; "));
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA=' 'sha256-BBB=';"));
        assert!(csp.contains("style-src 'self' 'sha256-CCC=';"));
        assert!(csp.contains("connect-src 'self' https://api.example https://lettre.example;"));
        assert!(csp.contains("img-src 'self' https://api.example;"));
        assert!(
            csp.contains("object-src 'none'; base-uri 'self'; form-action https://lettre.example")
        );
        assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"));
        assert!(
            !csp.contains("frame-ancestors"),
            "ignored in a <meta>: it goes in _headers"
        );
        assert!(Policy::default().meta().ends_with("form-action 'none'"));
    }

    #[test]
    fn dates_become_rfc_3339() {
        assert_eq!(rfc3339("2024-05-22"), "2024-05-22T00:00:00Z");
        assert_eq!(
            rfc3339("2024-05-22T09:30:00+02:00"),
            "2024-05-22T09:30:00+02:00"
        );
    }

    #[test]
    fn xml_text_is_escaped() {
        assert_eq!(
            escape_xml("R&D <b>\"l'IA\"</b>\u{7}"),
            "R&amp;D &lt;b&gt;&quot;l&apos;IA&quot;&lt;/b&gt;"
        );
    }

    #[test]
    fn the_feed_lists_the_newest_articles_with_absolute_urls() {
        let catalog = bundled().unwrap();
        let xml = feed_xml(catalog);
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        assert!(xml.contains("xml:lang=\"fr\""));
        assert_eq!(
            xml.matches("<entry>").count(),
            catalog.summaries().len().min(FEED_ENTRIES)
        );
        for s in catalog.summaries() {
            let id = format!("<id>https://veille-ia.example/article/{}</id>", s.slug);
            assert!(xml.contains(&id), "{id}");
        }
        // Newest first.
        let first = &catalog.summaries()[0].slug;
        let second = &catalog.summaries()[1].slug;
        assert!(xml.find(first.as_str()) < xml.find(second.as_str()));
        assert!(!xml.contains("href=\"/"), "relative link in the feed");
    }

    #[test]
    fn the_feed_is_in_french_typography_like_the_pages() {
        // Content typed with plain spaces: a title with a colon gets its no-break space.
        let (site, articles) = crate::content::with_plain_spaces(bundled().unwrap());
        let typed = articles
            .iter()
            .map(|a| a.summary.title.clone())
            .find(|title| title.contains(" :"))
            .expect("a bundled title with a colon");
        let xml = feed_xml(&Catalog::new(site, articles).unwrap());
        assert!(!xml.contains(&escape_xml(&typed)));
        assert!(xml.contains(&escape_xml(&crate::french::typography(&typed))));
    }

    #[test]
    fn the_sitemap_lists_every_indexable_route() {
        let catalog = bundled().unwrap();
        let routes = routes(catalog);
        let files = sitemaps(catalog.site(), &routes);
        assert_eq!(files.len(), 1);
        let (name, xml) = &files[0];
        assert_eq!(name, "sitemap.xml");
        assert_eq!(
            xml.matches("<url>").count(),
            routes.iter().filter(|r| r.indexable).count()
        );
        assert!(xml.contains("<loc>https://veille-ia.example/</loc>"));
        assert!(!xml.contains("styleguide"));
        for s in catalog.summaries() {
            let date = s.updated.as_ref().unwrap_or(&s.published);
            let entry = format!(
                "<loc>https://veille-ia.example/article/{}</loc><lastmod>{}</lastmod>",
                s.slug,
                &date[..10]
            );
            assert!(xml.contains(&entry), "{entry}");
        }
    }

    #[test]
    fn a_sitemap_over_the_limit_becomes_an_index() {
        let site = bundled().unwrap().site();
        let routes: Vec<Route> = (0..SITEMAP_MAX_URLS + 2)
            .map(|i| Route::page(format!("/article/a-{i}")))
            .collect();
        let files = sitemaps(site, &routes);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
        assert!(files[0].1.contains("<sitemapindex"));
        assert!(files[0]
            .1
            .contains("<loc>https://veille-ia.example/sitemap-2.xml</loc>"));
        assert_eq!(files[1].1.matches("<url>").count(), SITEMAP_MAX_URLS);
        assert_eq!(files[2].1.matches("<url>").count(), 2);
    }

    #[test]
    fn robots_point_to_the_sitemap() {
        let robots = robots_txt(bundled().unwrap().site());
        assert!(robots.contains("Sitemap: https://veille-ia.example/sitemap.xml\n"));
        assert!(robots.contains("Disallow: /styleguide\n"));
    }

    #[test]
    fn metas_are_read_from_minified_and_plain_html() {
        let minified = "<meta name=veille-content-api><meta content=8000 name=veille-content-timeout-ms><meta content=\"listmonk https://l.example a,b\" name=veille-newsletter>";
        assert_eq!(
            meta_content(minified, "veille-content-api").as_deref(),
            Some("")
        );
        assert_eq!(
            meta_content(minified, "veille-content-timeout-ms").as_deref(),
            Some("8000")
        );
        assert_eq!(
            meta_content(minified, "veille-newsletter").as_deref(),
            Some("listmonk https://l.example a,b")
        );
        let plain = "<meta name='veille-content-api' content='/api' />";
        assert_eq!(
            meta_content(plain, "veille-content-api").as_deref(),
            Some("/api")
        );
        assert_eq!(meta_content(plain, "absente"), None);
    }
}

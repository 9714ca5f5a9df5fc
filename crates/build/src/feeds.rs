//! What the build publishes for feed readers and search engines: the Atom feed, the sitemap
//! (an index of sitemaps past the protocol's limits), the news sitemap of the last two days and
//! `robots.txt`. The prerender's only: pure text in, text out, tested natively.

use std::fmt::Write;
use veille::{
    content::{ArticleSummary, Catalog, Site},
    escape,
    model::dates::unix_seconds,
    routes::{self, Route},
    seo::absolute,
};

/// How many of the newest articles the feed carries (feed readers poll it; the archive is in
/// the sitemap).
pub const FEED_ENTRIES: usize = 50;
/// The sitemap protocol's limit per file, in URLs (and 50 MB, see [`SITEMAP_MAX_BYTES`]).
pub const SITEMAP_MAX_URLS: usize = 50_000;
pub const SITEMAP_MAX_BYTES: usize = 50 * 1024 * 1024;

/// An ISO 8601 date or date-time as RFC 3339 (what Atom wants): a bare date is midnight UTC.
pub fn rfc3339(iso: &str) -> String {
    if iso.len() == 10 {
        format!("{iso}T00:00:00Z")
    } else {
        iso.to_string()
    }
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
    let e = escape::xml;
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
            let mut entry = format!(
                "  <url><loc>{}</loc>",
                escape::xml(&absolute(site, &r.path))
            );
            if let Some(date) = &r.lastmod {
                let _ = write!(entry, "<lastmod>{}</lastmod>", escape::xml(date));
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
            escape::xml(&absolute(site, &format!("/{name}")))
        );
        out.push((name, xml));
    }
    index.push_str("</sitemapindex>\n");
    out.insert(0, ("sitemap.xml".into(), index));
    out
}

/// `robots.txt`: everything may be crawled but the designers' workshop; where the sitemaps are
/// (the site's, and the news sitemap).
pub fn robots_txt(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\nDisallow: /styleguide\n\nSitemap: {}\nSitemap: {}\n",
        absolute(site, "/sitemap.xml"),
        absolute(site, &format!("/{NEWS_SITEMAP}"))
    )
}

/// The news sitemap's file.
pub const NEWS_SITEMAP: &str = "sitemap-news.xml";

/// How far back a news sitemap reaches: Google News reads the articles of the last two days.
const NEWS_WINDOW_SECONDS: i64 = 2 * 24 * 3600;

/// The news sitemap (Google News' `news:news` extension): the articles published within the two
/// days before `now` (seconds since 1970, UTC), newest first, at most a thousand, each with the
/// publication's name and language, its date and its title. Written by every build and every
/// round of `veille-content watch`, which ages articles out of it.
pub fn news_sitemap(catalog: &Catalog, now: i64) -> String {
    let site = catalog.site();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n",
    );
    let recent = catalog
        .summaries()
        .iter()
        .filter(|a| {
            unix_seconds(&a.published).is_some_and(|t| t <= now && now - t <= NEWS_WINDOW_SECONDS)
        })
        .take(1000);
    for article in recent {
        let _ = writeln!(
            xml,
            "  <url><loc>{}</loc><news:news><news:publication><news:name>{}</news:name><news:language>fr</news:language></news:publication><news:publication_date>{}</news:publication_date><news:title>{}</news:title></news:news></url>",
            escape::xml(&absolute(site, &routes::article(&article.slug))),
            escape::xml(&site.name),
            escape::xml(&rfc3339(&article.published)),
            escape::xml(&article.title),
        );
    }
    xml.push_str("</urlset>\n");
    xml
}

/// When the news sitemap made at `now` next changes without any publication: the first moment
/// one of the articles it lists leaves its two days; `None` when it lists none.
pub fn news_changes_at(catalog: &Catalog, now: i64) -> Option<i64> {
    catalog
        .summaries()
        .iter()
        .filter_map(|a| unix_seconds(&a.published))
        .filter(|t| *t <= now && now - t <= NEWS_WINDOW_SECONDS)
        .map(|t| t + NEWS_WINDOW_SECONDS + 1)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use veille::content::bundled;

    #[test]
    fn the_news_sitemap_holds_the_last_two_days_only() {
        let catalog = bundled().unwrap();
        let newest = &catalog.summaries()[0];
        let published = unix_seconds(&newest.published).unwrap();
        // A day after the newest article: it, and what came within two days before now.
        let xml = news_sitemap(catalog, published + 86_400);
        assert!(xml.contains("xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\""));
        assert!(xml.contains(&format!(
            "<loc>https://veille-ia.example/article/{}</loc>",
            newest.slug
        )));
        assert!(xml.contains("<news:name>Veille IA</news:name><news:language>fr</news:language>"));
        assert!(xml.contains(&format!(
            "<news:publication_date>{}</news:publication_date>",
            rfc3339(&newest.published)
        )));
        let listed = xml.matches("<url>").count();
        let expected = catalog
            .summaries()
            .iter()
            .filter(|a| published + 86_400 - unix_seconds(&a.published).unwrap() <= 2 * 86_400)
            .count();
        assert_eq!(listed, expected);
        // It changes on its own when its oldest article leaves the window: then, not before.
        let at = news_changes_at(catalog, published + 86_400).unwrap();
        assert_eq!(news_sitemap(catalog, at - 1), xml);
        assert_ne!(news_sitemap(catalog, at), xml);
        assert_eq!(news_changes_at(catalog, published + 3 * 86_400), None);
        // Three days later, nothing; and nothing is listed before it is published.
        assert_eq!(
            news_sitemap(catalog, published + 3 * 86_400)
                .matches("<url>")
                .count(),
            0
        );
        assert_eq!(
            news_sitemap(catalog, published - 60)
                .matches(&newest.slug)
                .count(),
            0
        );
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
        let (site, articles) = veille::content::with_plain_spaces(bundled().unwrap());
        let typed = articles
            .iter()
            .map(|a| a.summary.title.clone())
            .find(|title| title.contains(" :"))
            .expect("a bundled title with a colon");
        let xml = feed_xml(&Catalog::new(site, articles).unwrap());
        assert!(!xml.contains(&escape::xml(&typed)));
        assert!(xml.contains(&escape::xml(&veille::french::typography(&typed))));
    }

    #[test]
    fn the_sitemap_lists_every_indexable_route() {
        let catalog = bundled().unwrap();
        let routes = routes::all(catalog);
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
            .map(|i| Route::page(format!("/article/a-{i}"), routes::Kind::Article))
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
        assert!(robots.contains("Sitemap: https://veille-ia.example/sitemap-news.xml\n"));
        assert!(robots.contains("Disallow: /styleguide\n"));
    }
}

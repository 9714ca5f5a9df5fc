//! What a page says about itself in `<head>`: title, description, canonical URL, Open Graph,
//! Twitter card and JSON-LD: `NewsArticle` for articles, `ProfilePage` of a `Person` for authors. Pure data built here and tested
//! natively; `components/head.rs` renders it with leptos_meta.

use crate::{
    content::{ArticleSummary, Author, Site},
    images, routes,
};

/// The head of one page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageMeta {
    /// The page's own title, without the site name (empty for the home page).
    pub title: String,
    pub description: String,
    /// Absolute: the configured base URL and the page's path.
    pub canonical: String,
    /// `website` or `article`.
    pub og_type: &'static str,
    /// Absolute URL of the share image, if any: a copy at least 1,200 px wide where the source
    /// has one ([`images::share_image`]), as large previews (and Google Discover) want.
    pub image: Option<String>,
    /// Its width and height in pixels, when known (`og:image:width`, `og:image:height`).
    pub image_size: Option<(u32, u32)>,
    pub image_alt: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub tags: Vec<String>,
    /// JSON-LD, safe to put inside a `<script>` element.
    pub json_ld: Option<String>,
    /// What search engines may do with the page (`<meta name="robots">`): by default, show its
    /// image large in their results, as news sites ask for Google Discover.
    pub robots: &'static str,
}

/// [`PageMeta::robots`] of a page to list, with its image shown large.
pub const ROBOTS: &str = "max-image-preview:large";

/// `path` made absolute against the site's base URL; absolute URLs are kept as they are.
pub fn absolute(site: &Site, path: &str) -> String {
    if path.starts_with("https://") || path.starts_with("http://") {
        path.to_string()
    } else {
        let base = site.base_url.trim_end_matches('/');
        let path = path.trim_start_matches('/');
        format!("{base}/{path}")
    }
}

/// The title as the browser tab and share cards show it: « Titre — Veille IA »; the site's name
/// alone for the home page (an empty title).
pub fn full_title(site_name: &str, title: &str) -> String {
    if title.is_empty() {
        site_name.to_string()
    } else {
        format!("{title} — {site_name}")
    }
}

impl PageMeta {
    /// A page that is not an article.
    pub fn website(site: &Site, title: &str, description: &str, path: &str) -> PageMeta {
        PageMeta {
            title: title.to_string(),
            description: description.to_string(),
            canonical: absolute(site, path),
            og_type: "website",
            image: None,
            image_size: None,
            image_alt: None,
            published: None,
            modified: None,
            tags: Vec::new(),
            json_ld: None,
            robots: ROBOTS,
        }
    }

    /// An author's page (`path`: its first page or another), with its JSON-LD `ProfilePage`
    /// whose main entity is the author, a `Person`.
    pub fn author(site: &Site, author: &Author, description: &str, path: &str) -> PageMeta {
        let url = absolute(site, &routes::author(&author.slug));
        let json_ld = ld::ProfilePage {
            context: "https://schema.org",
            kind: "ProfilePage",
            main_entity: ld::Person {
                kind: "Person",
                name: &author.name,
                url: &url,
                description: author.bio.as_deref(),
                works_for: Some(ld::Organization {
                    kind: "Organization",
                    name: &site.name,
                    url: &site.base_url,
                }),
            },
            in_language: "fr-FR",
        };
        let json_ld = serde_json::to_string(&json_ld).unwrap_or_default();
        PageMeta {
            json_ld: Some(json_ld.replace('<', "\\u003c")),
            og_type: "profile",
            ..PageMeta::website(site, &author.name, description, path)
        }
    }

    /// An article page, with its JSON-LD `NewsArticle`; `author_slug` names its author's page.
    pub fn article(site: &Site, article: &ArticleSummary, author_slug: &str) -> PageMeta {
        let canonical = absolute(site, &routes::article(&article.slug));
        // The networks' previews show no SVG: the cover's raster copy when there is one.
        let share = article.cover.as_ref().and_then(images::share_image);
        let image = share.as_ref().map(|s| absolute(site, s.src));
        let tag_names: Vec<String> = article
            .tags
            .iter()
            .map(|slug| {
                site.tag(slug)
                    .map_or_else(|| slug.clone(), |t| t.name.clone())
            })
            .collect();
        let logo = absolute(site, "/favicon.svg");
        let author_url = absolute(site, &routes::author(author_slug));
        let json_ld = ld::NewsArticle {
            context: "https://schema.org",
            kind: "NewsArticle",
            headline: &article.title,
            description: &article.lead,
            date_published: &article.published,
            date_modified: article.updated.as_ref().unwrap_or(&article.published),
            author: [ld::Person {
                kind: "Person",
                name: &article.author,
                url: &author_url,
                description: None,
                works_for: None,
            }],
            image: image.as_slice(),
            keywords: &tag_names,
            in_language: "fr-FR",
            main_entity_of_page: &canonical,
            publisher: ld::Publisher {
                kind: "Organization",
                name: &site.name,
                url: &site.base_url,
                logo: ld::Image {
                    kind: "ImageObject",
                    url: &logo,
                },
            },
        };
        // Plain strings: serialising them cannot fail.
        let json_ld = serde_json::to_string(&json_ld).unwrap_or_default();
        PageMeta {
            title: article.title.clone(),
            description: article.lead.clone(),
            canonical,
            og_type: "article",
            image_size: share.and_then(|s| s.size),
            image,
            image_alt: article.cover.as_ref().map(|c| c.alt.clone()),
            published: Some(article.published.clone()),
            modified: article.updated.clone(),
            tags: tag_names,
            // `<` escaped so that no text in the data can close the script element.
            json_ld: Some(json_ld.replace('<', "\\u003c")),
            robots: ROBOTS,
        }
    }
}

/// JSON-LD as plain structs: serialised without building a `serde_json::Value` (less wasm).
mod ld {
    use serde::Serialize;

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct NewsArticle<'a> {
        #[serde(rename = "@context")]
        pub context: &'a str,
        #[serde(rename = "@type")]
        pub kind: &'a str,
        pub headline: &'a str,
        pub description: &'a str,
        pub date_published: &'a str,
        pub date_modified: &'a str,
        pub author: [Person<'a>; 1],
        pub image: &'a [String],
        pub keywords: &'a [String],
        pub in_language: &'a str,
        pub main_entity_of_page: &'a str,
        pub publisher: Publisher<'a>,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Person<'a> {
        #[serde(rename = "@type")]
        pub kind: &'a str,
        pub name: &'a str,
        pub url: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub description: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub works_for: Option<Organization<'a>>,
    }

    #[derive(Serialize)]
    pub struct Organization<'a> {
        #[serde(rename = "@type")]
        pub kind: &'a str,
        pub name: &'a str,
        pub url: &'a str,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct ProfilePage<'a> {
        #[serde(rename = "@context")]
        pub context: &'a str,
        #[serde(rename = "@type")]
        pub kind: &'a str,
        pub main_entity: Person<'a>,
        pub in_language: &'a str,
    }

    #[derive(Serialize)]
    pub struct Publisher<'a> {
        #[serde(rename = "@type")]
        pub kind: &'a str,
        pub name: &'a str,
        pub url: &'a str,
        pub logo: Image<'a>,
    }

    #[derive(Serialize)]
    pub struct Image<'a> {
        #[serde(rename = "@type")]
        pub kind: &'a str,
        pub url: &'a str,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::bundled;

    fn site() -> Site {
        bundled().unwrap().site().clone()
    }

    /// A sample article's summary, and its page's metadata.
    fn article_meta(slug: &str) -> (ArticleSummary, PageMeta) {
        let article = bundled().unwrap().article(slug).unwrap().summary;
        let meta = PageMeta::article(&site(), &article, "claire-dumas");
        (article, meta)
    }

    #[test]
    fn urls_are_absolute_on_the_configured_base() {
        let site = site();
        assert_eq!(
            absolute(&site, "/article/x"),
            "https://veille-ia.example/article/x"
        );
        assert_eq!(
            absolute(&site, "a-propos"),
            "https://veille-ia.example/a-propos"
        );
        assert_eq!(absolute(&site, "/"), "https://veille-ia.example/");
        assert_eq!(
            absolute(&site, "https://cdn.example/i.png"),
            "https://cdn.example/i.png"
        );
        let mut trailing = site.clone();
        trailing.base_url = "https://veille-ia.example/".into();
        assert_eq!(absolute(&trailing, "/x"), "https://veille-ia.example/x");
    }

    #[test]
    fn an_author_page_has_its_person_in_json_ld() {
        let site = site();
        let author = Author {
            slug: "claire-dumas".into(),
            name: "Claire </script> Dumas".into(),
            bio: Some("Journaliste.".into()),
        };
        let meta = PageMeta::author(
            &site,
            &author,
            "Ses articles.",
            "/auteur/claire-dumas/page/2",
        );
        assert_eq!(meta.title, author.name);
        assert_eq!(meta.og_type, "profile");
        assert_eq!(
            meta.canonical,
            "https://veille-ia.example/auteur/claire-dumas/page/2"
        );
        let ld = meta.json_ld.unwrap();
        assert!(!ld.contains("</script>"), "{ld}");
        let ld: serde_json::Value = serde_json::from_str(&ld).unwrap();
        assert_eq!(ld["@type"], "ProfilePage");
        assert_eq!(ld["mainEntity"]["@type"], "Person");
        assert_eq!(ld["mainEntity"]["name"], "Claire </script> Dumas");
        assert_eq!(
            ld["mainEntity"]["url"],
            "https://veille-ia.example/auteur/claire-dumas"
        );
        assert_eq!(ld["mainEntity"]["description"], "Journaliste.");
        assert_eq!(ld["mainEntity"]["worksFor"]["name"], site.name.as_str());
    }

    #[test]
    fn titles_carry_the_site_name() {
        let site = site();
        assert_eq!(full_title(&site.name, ""), "Veille IA");
        assert_eq!(full_title(&site.name, "Santé"), "Santé — Veille IA");
    }

    #[test]
    fn an_article_has_its_open_graph_and_json_ld() {
        let (article, meta) = article_meta("ai-act-adopte-par-le-conseil");
        assert_eq!(meta.og_type, "article");
        assert_eq!(
            meta.canonical,
            "https://veille-ia.example/article/ai-act-adopte-par-le-conseil"
        );
        assert_eq!(meta.published.as_deref(), Some("2024-05-21T16:00:00+02:00"));
        assert_eq!(meta.modified.as_deref(), Some("2024-08-01T09:00:00+02:00"));
        assert_eq!(meta.tags, ["Politique et régulation"]);
        let ld: serde_json::Value = serde_json::from_str(meta.json_ld.as_deref().unwrap()).unwrap();
        assert_eq!(ld["@type"], "NewsArticle");
        assert_eq!(ld["headline"], article.title);
        assert_eq!(ld["author"][0]["name"], "Julien Moreau");
        assert_eq!(ld["dateModified"], "2024-08-01T09:00:00+02:00");
        assert_eq!(ld["publisher"]["name"], "Veille IA");
        assert_eq!(ld["mainEntityOfPage"], meta.canonical);
    }

    #[test]
    fn json_ld_cannot_close_its_script() {
        let site = site();
        let mut article = bundled().unwrap().summaries()[0].clone();
        article.title = "</script><script>alert(1)</script>".into();
        let meta = PageMeta::article(&site, &article, "claire-dumas");
        let ld = meta.json_ld.unwrap();
        assert!(!ld.contains('<'), "{ld}");
        let value: serde_json::Value = serde_json::from_str(&ld).unwrap();
        assert_eq!(value["headline"], article.title);
    }

    #[test]
    fn a_cover_becomes_the_share_image() {
        let (article, meta) = article_meta("sommet-de-seoul-securite-ia");
        assert_eq!(
            meta.image.as_deref(),
            Some("https://veille-ia.example/images/sommet-de-seoul.png")
        );
        assert!(meta.image_alt.is_some());
        // Without a raster copy, the cover itself.
        let mut plain = article.clone();
        if let Some(cover) = &mut plain.cover {
            cover.share = None;
        }
        assert_eq!(
            PageMeta::article(&site(), &plain, "claire-dumas")
                .image
                .as_deref(),
            Some("https://veille-ia.example/images/sommet-de-seoul.svg")
        );
    }
}

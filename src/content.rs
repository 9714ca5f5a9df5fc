//! All data access goes through this module.
//!
//! For now the content is the bundled JSON under `public/api/`, compiled into the app so that no
//! request is made for it. The same files are copied to `dist/api/` so they can later be served
//! as a static content API.

use leptos::prelude::{expect_context, provide_context};
use serde::Deserialize;
use std::{fmt, sync::OnceLock};

/// The site itself: name, tagline, the "about us" blurb and the tags it files articles under.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Site {
    pub name: String,
    pub tagline: String,
    pub about: String,
    #[serde(default)]
    pub tags: Vec<Tag>,
}

/// A tag: its URL slug and the name readers see.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Tag {
    pub slug: String,
    pub name: String,
}

/// What a list of articles shows of each one.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    pub lead: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
    /// Tag slugs, as listed in [`Site::tags`].
    #[serde(default)]
    pub tags: Vec<String>,
}

/// Why content could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ContentError {
    /// The JSON did not match the model; `file` names the source, `detail` is serde's message.
    Malformed { file: &'static str, detail: String },
}

impl fmt::Display for ContentError {
    /// The message a reader sees, in French.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentError::Malformed { file, .. } => write!(
                f,
                "Le contenu du site est illisible ({file}). L’équipe technique doit le corriger."
            ),
        }
    }
}

/// The bundled content, parsed once.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub site: Site,
    /// Newest first.
    pub articles: Vec<ArticleSummary>,
}

const SITE_JSON: &str = include_str!("../public/api/site.json");
const ARTICLES_JSON: &str = include_str!("../public/api/articles.json");

/// Parses a site and an article list from JSON text.
pub fn parse_bundle(site_json: &str, articles_json: &str) -> Result<Bundle, ContentError> {
    let site = serde_json::from_str(site_json).map_err(|e| ContentError::Malformed {
        file: "site.json",
        detail: e.to_string(),
    })?;
    let mut articles: Vec<ArticleSummary> =
        serde_json::from_str(articles_json).map_err(|e| ContentError::Malformed {
            file: "articles.json",
            detail: e.to_string(),
        })?;
    // ISO dates sort as text.
    articles.sort_by(|a, b| b.published.cmp(&a.published));
    Ok(Bundle { site, articles })
}

/// The content compiled into the app.
pub fn bundled() -> Result<&'static Bundle, &'static ContentError> {
    static BUNDLE: OnceLock<Result<Bundle, ContentError>> = OnceLock::new();
    BUNDLE
        .get_or_init(|| parse_bundle(SITE_JSON, ARTICLES_JSON))
        .as_ref()
}

/// The content the pages read, put in the reactive context by [`crate::App`].
#[derive(Debug, Clone, Copy)]
struct Content(&'static Bundle);

/// Makes `bundle` the content of every component below the current owner.
pub fn provide_content(bundle: &'static Bundle) {
    provide_context(Content(bundle));
}

/// The content provided by [`provide_content`].
pub fn use_content() -> &'static Bundle {
    expect_context::<Content>().0
}

impl Bundle {
    /// The article with this slug, if any.
    pub fn article(&self, slug: &str) -> Option<&ArticleSummary> {
        self.articles.iter().find(|a| a.slug == slug)
    }

    /// The tag with this slug, if the site has it.
    pub fn tag(&self, slug: &str) -> Option<&Tag> {
        self.site.tags.iter().find(|t| t.slug == slug)
    }

    /// Articles filed under a tag, newest first.
    pub fn tagged<'a>(&'a self, slug: &'a str) -> impl Iterator<Item = &'a ArticleSummary> + 'a {
        self.articles
            .iter()
            .filter(move |a| a.tags.iter().any(|t| t == slug))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_content_parses() {
        let bundle = bundled().expect("public/api/*.json must match the model");
        assert_eq!(bundle.site.name, "Veille IA");
        assert!(!bundle.articles.is_empty());
    }

    #[test]
    fn every_article_tag_is_a_site_tag() {
        let bundle = bundled().unwrap();
        for article in &bundle.articles {
            for tag in &article.tags {
                assert!(
                    bundle.tag(tag).is_some(),
                    "{}: unknown tag {tag}",
                    article.slug
                );
            }
        }
    }

    #[test]
    fn articles_come_newest_first() {
        let articles = r#"[
            {"slug":"a","title":"A","lead":"","published":"2024-01-02"},
            {"slug":"b","title":"B","lead":"","published":"2024-03-01"}
        ]"#;
        let bundle = parse_bundle(SITE_JSON, articles).unwrap();
        let slugs: Vec<_> = bundle.articles.iter().map(|a| a.slug.as_str()).collect();
        assert_eq!(slugs, ["b", "a"]);
    }

    #[test]
    fn malformed_json_is_a_typed_error_naming_the_file() {
        let err = parse_bundle(SITE_JSON, r#"[{"slug":"x"}]"#).unwrap_err();
        let ContentError::Malformed { file, detail } = &err;
        assert_eq!(*file, "articles.json");
        assert!(detail.contains("title"), "{detail}");
        assert!(err
            .to_string()
            .starts_with("Le contenu du site est illisible"));
    }

    #[test]
    fn lookups_by_slug() {
        let bundle = bundled().unwrap();
        let first = &bundle.articles[0];
        assert_eq!(bundle.article(&first.slug), Some(first));
        assert_eq!(bundle.article("nexiste-pas"), None);
        let tag = &first.tags[0];
        assert!(bundle.tagged(tag).any(|a| a.slug == first.slug));
        assert_eq!(bundle.tagged("nexiste-pas").count(), 0);
    }
}

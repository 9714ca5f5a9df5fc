//! What content must satisfy before anything builds a file name, an address or a link from it:
//! every slug plain (lower-case ASCII letters, digits and dashes), slugs unique where they name
//! a page, and the site's own address absolute. Checked wherever content comes in — files read
//! by the prerender and the tools, the bundled JSON, every answer of a content API — so that a
//! broken or hostile source is refused with a message naming the field, before a slug such as
//! `../x` can become a path.
//!
//! Link targets inside content (body links, images, the site's social and privacy links) are
//! not refused here: they pass [`super::safe_href`] where they become an `href`, and an unsafe
//! one is left out.

use super::{
    is_valid_slug, Article, ArticleSummary, AuthorListing, ContentError, Page, Site, TagListing,
};
use std::collections::HashSet;

/// Content that can be checked before use.
pub trait Check {
    fn check(&self) -> Result<(), ContentError>;
}

/// An [`ContentError::Invalid`] at `path`.
fn invalid(path: impl Into<String>, reason: String) -> ContentError {
    ContentError::Invalid {
        path: path.into(),
        reason,
    }
}

/// A value as an error message quotes it: control characters written `\u{…}`, at most 40
/// characters. (Not `char::escape_debug`, whose Unicode tables would weigh on the wasm.)
fn quoted(value: &str) -> String {
    let mut shown = String::from("«\u{a0}");
    for c in value.chars().take(40) {
        if c.is_control() {
            shown.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            shown.push(c);
        }
    }
    if value.chars().count() > 40 {
        shown.push('…');
    }
    shown.push_str("\u{a0}»");
    shown
}

/// `slug`, refused unless it is a plain slug.
pub fn slug(path: impl Into<String>, slug: &str) -> Result<(), ContentError> {
    if is_valid_slug(slug) {
        Ok(())
    } else {
        Err(invalid(
            path,
            format!(
                "le slug {} n’est pas valide (lettres minuscules sans accents, chiffres et tirets, 200\u{a0}caractères au plus)",
                quoted(slug)
            ),
        ))
    }
}

/// Whether `url` is an absolute `http:` or `https:` address with a host and nothing a browser
/// would read differently (spaces, control characters, backslashes, quotes).
fn is_absolute_web_address(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split('/').next().unwrap_or_default();
    !host.is_empty()
        && !host.contains('@')
        && url
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"\\\"'<>`{}|^".contains(c))
}

impl Check for Site {
    fn check(&self) -> Result<(), ContentError> {
        if !is_absolute_web_address(&self.base_url) {
            return Err(invalid(
                "base_url",
                format!(
                    "l’adresse du site {} doit être une adresse absolue en https:// ou http://",
                    quoted(&self.base_url)
                ),
            ));
        }
        let mut seen = HashSet::new();
        for (i, tag) in self.tags.iter().enumerate() {
            let path = format!("tags[{i}].slug");
            slug(&path, &tag.slug)?;
            if !seen.insert(tag.slug.as_str()) {
                return Err(invalid(
                    path,
                    format!("deux rubriques ont le même slug {}", quoted(&tag.slug)),
                ));
            }
        }
        Ok(())
    }
}

/// A summary's slug and tag slugs, with `at` before each field's path (`items[2].`).
fn summary(at: &str, s: &ArticleSummary) -> Result<(), ContentError> {
    slug(format!("{at}slug"), &s.slug)?;
    for (i, tag) in s.tags.iter().enumerate() {
        slug(format!("{at}tags[{i}]"), tag)?;
    }
    Ok(())
}

impl Check for ArticleSummary {
    fn check(&self) -> Result<(), ContentError> {
        summary("", self)
    }
}

impl Check for Article {
    fn check(&self) -> Result<(), ContentError> {
        summary("", &self.summary)?;
        match &self.author_profile {
            Some(profile) => slug("author_profile.slug".to_string(), &profile.slug),
            None => Ok(()),
        }
    }
}

/// Every summary of a list, with its place in the list (`items[3].slug`).
fn summaries(at: &str, items: &[ArticleSummary]) -> Result<(), ContentError> {
    items
        .iter()
        .enumerate()
        .try_for_each(|(i, s)| summary(&format!("{at}[{i}]."), s))
}

impl Check for Vec<ArticleSummary> {
    fn check(&self) -> Result<(), ContentError> {
        summaries("", self)
    }
}

impl Check for Page<ArticleSummary> {
    fn check(&self) -> Result<(), ContentError> {
        summaries("items", &self.items)
    }
}

impl Check for TagListing {
    fn check(&self) -> Result<(), ContentError> {
        slug("tag.slug", &self.tag.slug)?;
        summaries("items", &self.page.items)
    }
}

impl Check for AuthorListing {
    fn check(&self) -> Result<(), ContentError> {
        slug("author.slug", &self.author.slug)?;
        summaries("items", &self.page.items)
    }
}

/// A whole archive: the site, every article, and no two articles with the same slug (each
/// names a page and a file).
pub fn archive(site: &Site, articles: &[Article]) -> Result<(), ContentError> {
    site.check()?;
    let mut seen = HashSet::new();
    for (i, article) in articles.iter().enumerate() {
        summary(&format!("articles[{i}]."), &article.summary)?;
        let slug = article.summary.slug.as_str();
        if !seen.insert(slug) {
            return Err(invalid(
                format!("articles/{slug}.json › slug"),
                format!("deux articles ont le même slug {}", quoted(slug)),
            ));
        }
    }
    Ok(())
}

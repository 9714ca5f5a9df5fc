//! Content from the CMS a newsroom already runs (WordPress, Ghost): what their APIs answer,
//! turned into Veille's model. Pure mapping, tested natively on recorded answers; the HTML of a
//! post goes through [`tree`] (a parser: html5ever natively, the browser's own in the wasm) and
//! [`blocks`] (one allowlist converter for both), never into the page as HTML.

pub mod blocks;
pub mod ghost;
// Native tools only.
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
pub mod links;
pub mod live;
/// Native tools only.
#[cfg(not(target_arch = "wasm32"))]
pub mod media;
pub mod tree;
pub mod wordpress;

use crate::model::content::{Author, AuthorProfile, Block, Tag};
use crate::model::slug;

/// A post's lead: the excerpt an editor wrote (`excerpt`, as text); when the CMS made it up
/// (the body's first words run together, headings and quotes included, WordPress ending it in
/// ` […]`), or there is none, the body's first paragraph, cut at a word after 300 characters.
pub fn lead(excerpt: &str, body: &[Block]) -> String {
    let text = excerpt
        .trim_end_matches("[…]")
        .trim_end_matches("[...]")
        .trim_end()
        .to_string();
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let body_words: Vec<String> = body.iter().flat_map(|b| words(&b.plain())).collect();
    // Made up when it starts with the body's first words (an editor's summary does not): the
    // rest may differ, WordPress drops embeds and figures from it.
    let excerpt_words = words(&text);
    let start = excerpt_words.len().min(8);
    let automatic = start > 0 && body_words.starts_with(&excerpt_words[..start]);
    if !text.is_empty() && !automatic {
        return text;
    }
    let first = body
        .iter()
        .find_map(|b| match b {
            Block::Paragraph { text } => Some(text.plain()),
            _ => None,
        })
        .unwrap_or_default();
    if first.chars().count() <= 300 {
        return first;
    }
    let cut: String = first.chars().take(300).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// An author's profile from the CMS's slug for them and their bio (as text): `None` when the
/// slug has nothing Latin left to make a Veille slug of.
pub fn profile(cms_slug: &str, bio: &str) -> Option<AuthorProfile> {
    let bio = bio.trim();
    Some(AuthorProfile {
        slug: slug::from_cms(cms_slug)?,
        bio: (!bio.is_empty()).then(|| bio.to_string()),
    })
}

/// An author as their page shows them, from the CMS's name for them, slug and bio (as text):
/// `None` as for [`profile`].
pub fn author(name: &str, cms_slug: &str, bio: &str) -> Option<Author> {
    let profile = profile(cms_slug, bio)?;
    Some(Author {
        slug: profile.slug,
        name: name.trim().to_string(),
        bio: profile.bio,
    })
}

/// A CMS's themes as Veille's tags: one per slug (the first met wins: a WordPress category and
/// tag of the same name are one theme), in name order.
pub fn themes(tags: impl IntoIterator<Item = Tag>) -> Vec<Tag> {
    let mut by_slug: std::collections::BTreeMap<String, Tag> = Default::default();
    for tag in tags {
        by_slug.entry(tag.slug.clone()).or_insert(tag);
    }
    // In name order through a map, not a sort (whose code would weigh on the wasm); ASCII case
    // only (no Unicode tables either: a capital with an accent sorts after the plain letters
    // either way).
    let mut by_name = std::collections::BTreeMap::new();
    for tag in by_slug.into_values() {
        by_name.insert((tag.name.to_ascii_lowercase(), tag.slug.clone()), tag);
    }
    by_name.into_values().collect()
}

//! The content model: the site, article summaries, full articles and their typed body blocks.
//!
//! Deserialised from JSON (the format is in docs/content-format.md): unknown fields are
//! ignored, optional fields have defaults, and a missing required field is an error that names
//! it.

use serde::{Deserialize, Serialize};

/// The site: identity, the about blurb, the newsletter copy, social accounts and tags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub name: String,
    pub tagline: String,
    /// A few sentences on who the portal is for (footer, about page).
    pub about: String,
    /// Absolute URL of the public site, without a trailing slash: canonical and share URLs.
    pub base_url: String,
    /// Articles per page on the home and tag pages.
    #[serde(default = "default_page_size")]
    pub page_size: u32,
    /// Where readers write to the editors.
    pub contact_email: Option<String>,
    pub newsletter: Newsletter,
    #[serde(default)]
    pub social: Vec<SocialAccount>,
    #[serde(default)]
    pub tags: Vec<Tag>,
}

fn default_page_size() -> u32 {
    6
}

impl Site {
    /// The tag of this slug, if the site has it.
    pub fn tag(&self, slug: &str) -> Option<&Tag> {
        self.tags.iter().find(|t| t.slug == slug)
    }
}

/// The newsletter box's copy, editable without touching code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Newsletter {
    pub title: String,
    pub pitch: String,
    /// Subscriber count, shown rounded down (« plus de 18 000 membres »).
    pub members: Option<u64>,
    /// The privacy promise shown under the field.
    pub privacy: String,
    /// Link to the privacy notice.
    pub privacy_url: Option<String>,
}

/// An account of the portal on a social network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SocialAccount {
    /// `x`, `linkedin`, `bluesky`, `mastodon`, …
    pub network: String,
    pub url: String,
    pub handle: Option<String>,
}

/// A tag: its URL slug, the name readers see and an optional one-line description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    pub slug: String,
    pub name: String,
    pub description: Option<String>,
}

/// An image with its alternative text and credit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Image {
    pub src: String,
    /// Alternative text; empty only for a purely decorative image.
    pub alt: String,
    pub credit: Option<String>,
    /// A raster copy (PNG or JPEG, 1200 × 630) for share previews and search results, which
    /// show no SVG: `og:image` and `twitter:image` name it rather than `src`.
    /// `./dev.sh covers` draws one for each SVG in `public/images/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<String>,
    /// The size of `src` in pixels, when the source says it: the `<img>`'s `width` and
    /// `height`, which keep its place before it arrives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Other widths of the same picture, made by the source (a CMS's sizes of an upload), for
    /// `srcset`: a phone fetches the width its screen needs (`src/images.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sizes: Vec<Resized>,
    /// The same picture in formats lighter than `src`'s (AVIF, WebP), at widths of their own,
    /// best first: a browser takes the first it reads (`<picture>`), others `src` and `sizes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formats: Vec<Format>,
}

/// Copies of an image in one format, by width.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Format {
    /// Its media type, as `<source type>` says it: `image/avif`, `image/webp`.
    #[serde(rename = "type")]
    pub mime: String,
    pub sizes: Vec<Resized>,
}

/// A copy of an image at another width, in the same proportions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resized {
    pub src: String,
    pub width: u32,
}

/// What lists of articles show of each one; also the head of a full [`Article`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    pub lead: String,
    /// ISO 8601: a date (`2024-05-22`) or a date and time (`2024-05-22T09:30:00+02:00`).
    pub published: String,
    pub updated: Option<String>,
    pub author: String,
    /// Tag slugs, as listed in [`Site::tags`].
    #[serde(default)]
    pub tags: Vec<String>,
    pub cover: Option<Image>,
    /// Minutes of reading; computed from the body's word count when absent.
    pub reading_minutes: Option<u32>,
}

/// A full article: its summary and its body. In JSON, the summary's fields and `body` side by
/// side in one object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "ArticleJson", into = "ArticleJson")]
pub struct Article {
    pub summary: ArticleSummary,
    pub body: Vec<Block>,
    /// Who the byline ([`ArticleSummary::author`]) is, when the source knows: a CMS's author.
    pub author_profile: Option<AuthorProfile>,
}

/// An article's author as a CMS knows them; the name is the byline's. Optional: content with a
/// plain `author` string has none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuthorProfile {
    pub slug: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bio: Option<String>,
}

/// Who signs articles, as their page (`/auteur/<slug>`) shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Author {
    pub slug: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bio: Option<String>,
}

/// The slug of the author named `name`: their CMS's when the source knows them (`profile`),
/// else made from the name (« Sophie Laurent » → `sophie-laurent`), so that content whose
/// `author` is a plain string keeps working; `redaction` for a name with no Latin letter.
pub fn author_slug(name: &str, profile: Option<&AuthorProfile>) -> String {
    match profile {
        Some(profile) => profile.slug.clone(),
        None => crate::model::slug::from_cms(name).unwrap_or_else(|| "redaction".into()),
    }
}

impl Article {
    /// Its author: slug ([`author_slug`]), the byline's name, and the bio a CMS gave.
    pub fn author(&self) -> Author {
        Author {
            slug: author_slug(&self.summary.author, self.author_profile.as_ref()),
            name: self.summary.author.clone(),
            bio: self.author_profile.as_ref().and_then(|p| p.bio.clone()),
        }
    }
}

/// The JSON shape of an [`Article`]. Spelled out rather than `#[serde(flatten)]`, which would
/// hide where in the file a wrong value is.
#[derive(Serialize, Deserialize)]
struct ArticleJson {
    slug: String,
    title: String,
    lead: String,
    published: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    updated: Option<String>,
    author: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cover: Option<Image>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reading_minutes: Option<u32>,
    body: Vec<Block>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    author_profile: Option<AuthorProfile>,
}

impl From<ArticleJson> for Article {
    fn from(a: ArticleJson) -> Self {
        Article {
            summary: ArticleSummary {
                slug: a.slug,
                title: a.title,
                lead: a.lead,
                published: a.published,
                updated: a.updated,
                author: a.author,
                tags: a.tags,
                cover: a.cover,
                reading_minutes: a.reading_minutes,
            },
            body: a.body,
            author_profile: a.author_profile,
        }
    }
}

impl From<Article> for ArticleJson {
    fn from(
        Article {
            summary: s,
            body,
            author_profile,
        }: Article,
    ) -> Self {
        ArticleJson {
            slug: s.slug,
            title: s.title,
            lead: s.lead,
            published: s.published,
            updated: s.updated,
            author: s.author,
            tags: s.tags,
            cover: s.cover,
            reading_minutes: s.reading_minutes,
            body,
            author_profile,
        }
    }
}

/// One block of an article's body. Rendering typed blocks, never raw HTML, is what keeps
/// content from injecting scripts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        text: Inlines,
    },
    /// `level` is 2 or 3 (the article title is the page's only h1).
    Heading {
        level: u8,
        text: String,
    },
    Quote {
        text: Inlines,
        attribution: Option<String>,
    },
    List {
        #[serde(default)]
        ordered: bool,
        items: Vec<Inlines>,
    },
    Image {
        #[serde(flatten)]
        image: Image,
        caption: Option<String>,
    },
    /// An aside: context, a definition, a correction.
    Note {
        title: Option<String>,
        text: Inlines,
    },
    /// A block type this version does not know: skipped, so newer content still renders.
    #[serde(other)]
    Unknown,
}

/// Inline text with marks. In JSON, either a plain string or a list mixing strings and marked
/// runs: `["Le ", {"b": "gras"}, {"i": "italique"}, {"code": "x"}, {"link": "texte", "href": "…"}]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "InlinesRepr", into = "Vec<Inline>")]
pub struct Inlines(pub Vec<Inline>);

#[derive(Deserialize)]
#[serde(untagged)]
enum InlinesRepr {
    Plain(String),
    Runs(Vec<Inline>),
}

impl From<InlinesRepr> for Inlines {
    fn from(repr: InlinesRepr) -> Self {
        match repr {
            InlinesRepr::Plain(text) => Inlines(vec![Inline::Text(text)]),
            InlinesRepr::Runs(runs) => Inlines(runs),
        }
    }
}

impl From<Inlines> for Vec<Inline> {
    fn from(inlines: Inlines) -> Self {
        inlines.0
    }
}

/// A run of inline text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Inline {
    Text(String),
    Bold { b: String },
    Italic { i: String },
    Code { code: String },
    Link { link: String, href: String },
}

impl Inline {
    /// The words a reader reads, without marks.
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(t) => t,
            Inline::Bold { b } => b,
            Inline::Italic { i } => i,
            Inline::Code { code } => code,
            Inline::Link { link, .. } => link,
        }
    }
}

impl Inlines {
    /// The plain text of all runs.
    pub fn plain(&self) -> String {
        self.0.iter().map(Inline::text).collect()
    }
}

impl Block {
    /// The block's plain text, for word counts and descriptions.
    pub fn plain(&self) -> String {
        match self {
            Block::Paragraph { text } | Block::Note { text, .. } => text.plain(),
            Block::Quote { text, attribution } => {
                let mut s = text.plain();
                if let Some(a) = attribution {
                    s.push(' ');
                    s.push_str(a);
                }
                s
            }
            Block::Heading { text, .. } => text.clone(),
            Block::List { items, .. } => items
                .iter()
                .map(Inlines::plain)
                .collect::<Vec<_>>()
                .join(" "),
            Block::Image { caption, .. } => caption.clone().unwrap_or_default(),
            Block::Unknown => String::new(),
        }
    }
}

/// An entry of an article's table of contents: an h2's text and its anchor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    pub id: String,
    pub text: String,
}

/// A heading's anchor: its words in lower-case ASCII, accents dropped, joined by dashes
/// (« Qu’est-ce qui change ? » → `qu-est-ce-qui-change`).
pub fn anchor(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' => "a",
            'ç' => "c",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' | 'ì' => "i",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ÿ' => "y",
            'ñ' => "n",
            'œ' => "oe",
            'æ' => "ae",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        if plain == "-" {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push_str(plain);
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("section");
    }
    out
}

/// The anchor of every heading among `blocks`, aligned with them (`None` for other blocks),
/// made unique within the article (`partie`, `partie-2`).
pub fn heading_anchors(blocks: &[Block]) -> Vec<Option<String>> {
    let mut seen: Vec<String> = Vec::new();
    blocks
        .iter()
        .map(|block| match block {
            Block::Heading { text, .. } => {
                let base = anchor(text);
                let mut id = base.clone();
                let mut n = 1;
                while seen.contains(&id) {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                seen.push(id.clone());
                Some(id)
            }
            _ => None,
        })
        .collect()
}

/// Words per minute of an average adult reader of French on screen.
const WORDS_PER_MINUTE: usize = 230;

impl Article {
    /// Words in the title, lead and body.
    pub fn word_count(&self) -> usize {
        let head = format!("{} {}", self.summary.title, self.summary.lead);
        let words = |s: &str| s.split_whitespace().count();
        words(&head) + self.body.iter().map(|b| words(&b.plain())).sum::<usize>()
    }

    /// Minutes of reading: the author's figure, or the word count at 230 words a minute,
    /// rounded up, never less than one.
    pub fn reading_minutes(&self) -> u32 {
        self.summary
            .reading_minutes
            .unwrap_or_else(|| self.word_count().div_ceil(WORDS_PER_MINUTE).max(1) as u32)
    }

    /// The table of contents: the h2 headings with their anchors, for an article that has three
    /// or more of them; empty otherwise.
    pub fn toc(&self) -> Vec<TocEntry> {
        let entries: Vec<TocEntry> = self
            .body
            .iter()
            .zip(heading_anchors(&self.body))
            .filter_map(|(block, id)| match (block, id) {
                (Block::Heading { level: 2, text }, Some(id)) => Some(TocEntry {
                    id,
                    text: text.clone(),
                }),
                _ => None,
            })
            .collect();
        if entries.len() >= 3 {
            entries
        } else {
            Vec::new()
        }
    }
}

//! Ghost's Content API (`/ghost/api/content/`) as Veille's model: posts (with
//! `include=tags,authors`), their public tags, and the site's settings. What it really answers
//! (recorded from a Ghost 5.130): text fields are plain text, `published_at` carries its offset,
//! internal tags (`#…`) are flagged `visibility: internal`, a page past the end is an empty
//! list, an unknown slug a 404 `NotFoundError`, a wrong key a 401.

use super::{blocks, links::SiteLinks, slug, tree};
use crate::model::content::{Article, ArticleSummary, Format, Image, Resized, Tag};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// The address of `path` in the Content API of the Ghost site at `site` (no final slash), for
/// the import and the browser alike; the key and the query follow.
pub fn endpoint(site: &str, path: &str) -> String {
    format!("{site}/ghost/api/content/{path}")
}

/// What every request of posts asks Ghost to include, the import's and the live reading's: the
/// mapping reads a post's tags and authors.
pub const POSTS_INCLUDE: &str = "include=tags,authors";

/// A post of `/posts/?include=tags,authors`.
#[derive(Debug, Clone, Deserialize)]
pub struct Post {
    /// A hex ObjectId: in creation order.
    pub id: String,
    pub slug: String,
    pub title: String,
    pub html: Option<String>,
    pub custom_excerpt: Option<String>,
    pub excerpt: Option<String>,
    pub feature_image: Option<String>,
    pub feature_image_alt: Option<String>,
    /// HTML.
    pub feature_image_caption: Option<String>,
    pub published_at: String,
    pub updated_at: Option<String>,
    pub reading_time: Option<u32>,
    #[serde(default)]
    pub tags: Vec<GhostTag>,
    #[serde(default)]
    pub authors: Vec<Author>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GhostTag {
    pub slug: String,
    pub name: String,
    pub description: Option<String>,
    /// `public`, or `internal` for a `#tag` editors use to sort posts, not a theme.
    pub visibility: Option<String>,
}

impl GhostTag {
    fn is_public(&self) -> bool {
        self.visibility.as_deref() != Some("internal") && !self.name.starts_with('#')
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Author {
    pub name: String,
    #[serde(default)]
    pub slug: String,
    pub bio: Option<String>,
}

/// `/authors/slug/<slug>/`.
#[derive(Debug, Clone, Deserialize)]
pub struct Authors {
    pub authors: Vec<Author>,
}

/// One page of `/posts/`.
#[derive(Debug, Clone, Deserialize)]
pub struct Posts {
    pub posts: Vec<Post>,
    pub meta: Meta,
}

/// `/posts/slug/…/` and `/posts/{id}/`: a list of one, without pagination.
#[derive(Debug, Clone, Deserialize)]
pub struct Found {
    pub posts: Vec<Post>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Meta {
    pub pagination: Pagination,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Pagination {
    pub page: u32,
    pub pages: u32,
    pub total: u64,
}

/// `/settings/`.
#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub settings: SiteSettings,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SiteSettings {
    pub title: String,
    pub description: Option<String>,
    pub url: String,
}

/// Turns one Ghost site's posts into Veille articles: slugs that no two posts share (the
/// older keeps its own), links between posts rewritten.
pub struct Mapper {
    /// Ghost id → Veille slug.
    slugs: BTreeMap<String, String>,
    links: SiteLinks,
}

impl Mapper {
    pub fn new(home: &str, posts: &[Post]) -> Mapper {
        let pairs: Vec<(String, String)> = posts
            .iter()
            .map(|p| (p.id.clone(), p.slug.clone()))
            .collect();
        Mapper::of_site(home, &pairs)
    }

    /// The same from every post's (id, Ghost slug) alone: what an incremental import lists
    /// before fetching only the changed posts whole. A function of the site's posts, so that
    /// each keeps its slug from one import to the next.
    pub fn of_site(home: &str, posts: &[(String, String)]) -> Mapper {
        // In id order (creation order), without a sort's code in the wasm.
        let mut by_id = BTreeMap::new();
        for (id, ghost_slug) in posts {
            by_id.insert(id, ghost_slug);
        }
        let mut taken = BTreeSet::new();
        let mut slugs = BTreeMap::new();
        let mut pairs = Vec::new();
        for (id, ghost_slug) in by_id {
            let slug = Some(slug::for_post(ghost_slug, id))
                .filter(|s| !taken.contains(s))
                .unwrap_or_else(|| format!("article-{id}"));
            taken.insert(slug.clone());
            slugs.insert(id.clone(), slug.clone());
            pairs.push((ghost_slug.clone(), slug));
        }
        Mapper {
            slugs,
            links: SiteLinks::new(home, pairs),
        }
    }

    /// A mapper that knows no post of the site (the browser, reading the site live): slugs are
    /// [`slug::for_post`]'s, links to posts stay on the CMS.
    pub fn live(home: &str) -> Mapper {
        Mapper {
            slugs: BTreeMap::new(),
            links: SiteLinks::new(home, []),
        }
    }

    /// The Veille slug of the post with this Ghost id, if the site has it.
    pub fn slug_of(&self, id: &str) -> Option<&str> {
        self.slugs.get(id).map(String::as_str)
    }

    pub fn slug(&self, post: &Post) -> String {
        self.slugs
            .get(&post.id)
            .cloned()
            .unwrap_or_else(|| slug::for_post(&post.slug, &post.id))
    }

    pub fn article(&self, post: &Post) -> Article {
        let links = |href: &str| self.links.link(href);
        let body = blocks::blocks(
            &tree::parse(post.html.as_deref().unwrap_or_default()),
            &links,
        );
        let written = post
            .custom_excerpt
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty());
        // Ghost's own excerpt is the text's first words: the first paragraph reads better.
        let lead = match written {
            Some(excerpt) => excerpt.to_string(),
            None => super::lead(post.excerpt.as_deref().unwrap_or_default(), &body),
        };
        let cover = post.feature_image.as_deref().and_then(|src| {
            let caption = tree::text_of(post.feature_image_caption.as_deref().unwrap_or_default());
            Some(Image {
                src: self.links.link(src)?,
                alt: post.feature_image_alt.clone().unwrap_or_default(),
                credit: (!caption.is_empty()).then_some(caption),
                ..Image::default()
            })
        });
        let updated = post
            .updated_at
            .clone()
            .filter(|u| u.get(..19) != post.published_at.get(..19));
        Article {
            summary: ArticleSummary {
                slug: self.slug(post),
                title: if post.title.trim().is_empty() {
                    "Sans titre".to_string()
                } else {
                    post.title.trim().to_string()
                },
                lead,
                published: post.published_at.clone(),
                updated,
                author: post
                    .authors
                    .first()
                    .map(|a| a.name.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| "La rédaction".to_string()),
                tags: post
                    .tags
                    .iter()
                    .filter(|t| t.is_public())
                    .filter_map(|t| slug::from_cms(&t.slug))
                    .collect(),
                cover,
                reading_minutes: post.reading_time.filter(|&m| m > 0),
            },
            body,
            author_profile: post
                .authors
                .first()
                .and_then(|a| super::profile(&a.slug, a.bio.as_deref().unwrap_or_default())),
        }
    }
}

/// The public tags of the posts, one per slug, in name order.
pub fn tags(posts: &[Post]) -> Vec<Tag> {
    super::themes(posts.iter().flat_map(|p| &p.tags).filter_map(tag))
}

/// The Veille tag of a public Ghost tag.
pub fn tag(tag: &GhostTag) -> Option<Tag> {
    tag.is_public().then_some(())?;
    Some(Tag {
        slug: slug::from_cms(&tag.slug)?,
        name: tag.name.trim().to_string(),
        description: tag.description.clone().filter(|d| !d.trim().is_empty()),
    })
}

/// `/tags/` and `/tags/slug/…/`.
#[derive(Debug, Clone, Deserialize)]
pub struct Tags {
    pub tags: Vec<GhostTag>,
}

/// The widths Ghost makes of any image it stores, whatever its theme: its content sizes (600,
/// 1000, 1600, 2400) and the 1,200 of its share previews (`overrides.json` of Ghost 5:
/// `contentImageSizes`, `internalImageSizes`). Another width is answered by a redirect to the
/// original, and Ghost never enlarges.
pub const SIZES: [u32; 5] = [600, 1000, 1200, 1600, 2400];

/// The address of Ghost's copy `width` pixels wide of the image it stores at `src`
/// (`/content/images/…` → `/content/images/size/wN/…`); `None` for an image it does not store.
pub fn resized(src: &str, width: u32) -> Option<String> {
    const STORED: &str = "/content/images/";
    let at = src.find(STORED)? + STORED.len();
    let rest = &src[at..];
    (!rest.starts_with("size/") && !rest.is_empty())
        .then(|| format!("{}size/w{width}/{rest}", &src[..at]))
}

/// The formats Ghost makes its copies in on request (`/size/wN/format/avif/…`, with sharp,
/// which Ghost installs), lightest first.
pub const FORMATS: [(&str, &str); 2] = [("avif", "image/avif"), ("webp", "image/webp")];

/// Gives `image`, stored by Ghost and `width` × `height` pixels, that size, Ghost's copies
/// narrower than it ([`SIZES`]), and the same in each of [`FORMATS`], where the widest is the
/// image at its own width: asked at 2,400 px, which Ghost makes of any image without enlarging.
pub fn sized(image: &mut Image, width: u32, height: u32) {
    image.width = Some(width);
    image.height = Some(height);
    let narrower = || SIZES.into_iter().filter(move |&w| w < width);
    image.sizes = narrower()
        .filter_map(|w| {
            Some(Resized {
                src: resized(&image.src, w)?,
                width: w,
            })
        })
        .collect();
    if resized(&image.src, width).is_none() {
        return;
    }
    let widest = SIZES[SIZES.len() - 1];
    let widths: Vec<(u32, u32)> = narrower()
        .map(|w| (w, w))
        .chain((width <= widest).then_some((widest, width)))
        .collect();
    image.formats = FORMATS
        .iter()
        .map(|(format, mime)| Format {
            mime: mime.to_string(),
            sizes: widths
                .iter()
                .filter_map(|&(asked, got)| {
                    let copy = resized(&image.src, asked)?;
                    let (head, rest) = copy.split_once(&format!("/size/w{asked}/"))?;
                    Some(Resized {
                        src: format!("{head}/size/w{asked}/format/{format}/{rest}"),
                        width: got,
                    })
                })
                .collect(),
        })
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::content::{Block, Inline, Inlines};

    const HOME: &str = "http://127.0.0.1:2368/";

    /// Recorded from the test Ghost (`tests/e2e/ghost.mjs`, its port written 2368):
    /// `/posts/?include=tags,authors&formats=html&filter=slug:[…]`.
    fn recorded() -> Vec<Post> {
        let page: Posts = serde_json::from_str(include_str!(
            "../../tests/fixtures/cms/ghost-recorded-posts.json"
        ))
        .unwrap();
        assert_eq!(page.meta.pagination.total, 2);
        page.posts
    }

    #[test]
    fn a_stored_image_gets_ghost_s_copies_narrower_than_it() {
        let mut image = Image {
            src: "http://127.0.0.1:2368/content/images/2026/12/pissenlits.jpg".into(),
            ..Image::default()
        };
        sized(&mut image, 2000, 1125);
        assert_eq!((image.width, image.height), (Some(2000), Some(1125)));
        let at = |w: u32| {
            format!("http://127.0.0.1:2368/content/images/size/w{w}/2026/12/pissenlits.jpg")
        };
        assert_eq!(
            image.sizes,
            [600, 1000, 1200, 1600]
                .map(|w| Resized {
                    src: at(w),
                    width: w
                })
                .to_vec()
        );
        // In AVIF and WebP, the same widths, and the image's own asked at Ghost's widest.
        let formats: Vec<(&str, Vec<(String, u32)>)> = image
            .formats
            .iter()
            .map(|f| {
                (
                    f.mime.as_str(),
                    f.sizes.iter().map(|s| (s.src.clone(), s.width)).collect(),
                )
            })
            .collect();
        let as_format = |format: &str| {
            [(600, 600), (1000, 1000), (1200, 1200), (1600, 1600), (2400, 2000)]
                .map(|(asked, got)| {
                    (
                        format!("http://127.0.0.1:2368/content/images/size/w{asked}/format/{format}/2026/12/pissenlits.jpg"),
                        got,
                    )
                })
                .to_vec()
        };
        assert_eq!(
            formats,
            [
                ("image/avif", as_format("avif")),
                ("image/webp", as_format("webp"))
            ]
        );
        // Narrower than every copy: none but its own, in each format; elsewhere than Ghost's
        // storage (Unsplash), or a copy already: its size only.
        let mut small = image.clone();
        sized(&mut small, 500, 300);
        assert!(small.sizes.is_empty());
        assert_eq!(small.formats[0].sizes.len(), 1);
        assert_eq!(small.formats[0].sizes[0].width, 500);
        let mut outside = Image {
            src: "https://images.unsplash.com/photo-1?w=2000".into(),
            ..Image::default()
        };
        sized(&mut outside, 2000, 1333);
        assert!(outside.sizes.is_empty());
        assert!(outside.formats.is_empty());
        assert_eq!(outside.width, Some(2000));
        assert_eq!(resized(&at(600), 1000), None);
    }

    #[test]
    fn a_recorded_ghost_post_maps_as_an_editor_expects() {
        let posts = recorded();
        let mapper = Mapper::new(HOME, &posts);
        let rich = posts.iter().find(|p| p.slug == "elections-et-ia").unwrap();
        let a = mapper.article(rich);
        let s = &a.summary;
        // The excerpt the editor wrote; Ghost's dates keep their offset.
        let fields = [&s.slug, &s.title, &s.lead, &s.published, &s.author];
        assert_eq!(
            fields.map(String::as_str),
            [
                "elections-et-ia",
                "L’IA & les « élections » européennes",
                "Ce que les campagnes font déjà des modèles de langage.",
                "2024-05-23T06:30:00.000+00:00",
                "Claire Dumas",
            ]
        );
        // The author's profile: Ghost's slug for them; no bio written.
        let profile = a.author_profile.as_ref().unwrap();
        assert_eq!((profile.slug.as_str(), &profile.bio), ("claire", &None));
        // The internal #tag is no theme.
        assert_eq!(s.tags, ["politique", "ia"]);
        let Block::Paragraph { text } = &a.body[0] else {
            panic!("{:?}", a.body[0])
        };
        // The link between posts leads to Veille; Ghost's ?ref= on the outbound one is gone.
        assert!(text.0.contains(&Inline::Link {
            link: "notre enquête".into(),
            href: "/article/hopitaux-et-donnees".into()
        }));
        assert!(text.0.contains(&Inline::Link {
            link: "la CNIL".into(),
            href: "https://www.cnil.fr/".into()
        }));
        // Ghost drops <cite> and the quote's <p>: its words run together, kept as they are.
        assert!(matches!(
            &a.body[1],
            Block::Quote {
                attribution: None,
                ..
            }
        ));
        assert_eq!(
            a.body[2],
            Block::Paragraph {
                text: Inlines(vec![Inline::Link {
                    link: "Voir le contenu sur youtube.com".into(),
                    href: "https://www.youtube.com/embed/abc123".into()
                }])
            }
        );
        let names: Vec<String> = tags(&posts).into_iter().map(|t| t.name).collect();
        assert_eq!(names, ["IA", "Politique", "Santé"]);
    }
}

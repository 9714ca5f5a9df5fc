//! WordPress' REST API (`/wp-json/wp/v2/`) as Veille's model: posts (fetched with
//! `_embed=author,wp:term,wp:featuredmedia`), their categories and tags (both Veille tags), and
//! the site's name and description (`/wp-json/`). What the API really answers (recorded from a
//! WordPress 6.1): titles, excerpts and term names are HTML with entities; dates carry no
//! offset (`date_gmt` is UTC without its `Z`); automatic excerpts end in ` [&hellip;]`;
//! non-ASCII slugs are percent-encoded.

use super::{blocks, links::SiteLinks, slug, tree};
use crate::model::content::{Article, ArticleSummary, Image, Resized, Tag};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `{"rendered": "…"}`, as WordPress wraps its HTML fields.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Rendered {
    #[serde(default)]
    pub rendered: String,
}

/// A post of `/wp/v2/posts?_embed=…`.
#[derive(Debug, Clone, Deserialize)]
pub struct Post {
    pub id: u64,
    /// UTC, without an offset: `2024-05-23T06:30:00`.
    pub date_gmt: String,
    pub modified_gmt: String,
    pub slug: String,
    #[serde(default)]
    pub title: Rendered,
    #[serde(default)]
    pub content: Rendered,
    #[serde(default)]
    pub excerpt: Rendered,
    #[serde(default, rename = "_embedded")]
    pub embedded: Embedded,
}

/// What `_embed` adds to a post.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Embedded {
    #[serde(default)]
    pub author: Vec<User>,
    /// Missing or private media come back as error objects: no `source_url`.
    #[serde(default, rename = "wp:featuredmedia")]
    pub media: Vec<Media>,
    /// One list per taxonomy: categories, then tags.
    #[serde(default, rename = "wp:term")]
    pub terms: Vec<Vec<Term>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct User {
    /// What `posts?author=` takes (`users?slug=` answers it).
    #[serde(default)]
    pub id: u64,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub slug: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Media {
    #[serde(default)]
    pub source_url: String,
    #[serde(default)]
    pub alt_text: String,
    #[serde(default)]
    pub caption: Rendered,
    /// The upload's size and the sizes WordPress made of it. Not an object for a file that is
    /// no image, and `sizes` is `[]` (PHP's empty array) when it made none: read leniently, as
    /// a `Value` (typed structs with an untagged fallback measured 0.5 kB more of wasm).
    #[serde(default)]
    pub media_details: serde_json::Value,
}

/// An upload's size and the other sizes WordPress made of it, as `(address, width)`.
#[derive(Debug, PartialEq)]
pub struct UploadSizes {
    pub width: u32,
    pub height: u32,
    pub sizes: Vec<(String, u32)>,
}

impl Media {
    /// The upload's width and height, and its other sizes in the same proportions (WordPress'
    /// `thumbnail` is cropped square: left out); `None` when WordPress gives no size.
    pub fn sizes(&self) -> Option<UploadSizes> {
        let details = &self.media_details;
        let number = |v: &serde_json::Value| {
            v.as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .filter(|&n| n > 0)
        };
        let (width, height) = number(&details["width"]).zip(number(&details["height"]))?;
        let mut sizes = Vec::new();
        if let Some(all) = details["sizes"].as_object() {
            for size in all.values() {
                let (Some(w), Some(h), Some(src)) = (
                    number(&size["width"]),
                    number(&size["height"]),
                    size["source_url"].as_str(),
                ) else {
                    continue;
                };
                // The same proportions, to a pixel of rounding.
                let same_shape = (u64::from(w) * u64::from(height))
                    .abs_diff(u64::from(h) * u64::from(width))
                    <= u64::from(width.max(height));
                if same_shape && w <= width {
                    sizes.push((src.to_string(), w));
                }
            }
        }
        Some(UploadSizes {
            width,
            height,
            sizes,
        })
    }
}

/// A category or a tag.
#[derive(Debug, Clone, Deserialize)]
pub struct Term {
    pub id: u64,
    pub name: String,
    pub slug: String,
    #[serde(default)]
    pub description: String,
}

/// `/wp-json/`: the site's name, description and address.
#[derive(Debug, Clone, Deserialize)]
pub struct SiteInfo {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// The public address of the WordPress site, where its posts' links point.
    pub home: String,
}

/// The address of `path` in the REST API of the WordPress site at `site` (no final slash), for
/// the import and the browser alike.
pub fn endpoint(site: &str, path: &str) -> String {
    format!("{site}/wp-json/wp/v2/{path}")
}

/// How a list of posts is asked for, by the import and by the browser alike: with the author,
/// terms and cover embedded, and only the fields [`Mapper::article`] reads (the links embedding
/// needs named one by one; a quarter fewer bytes than whole posts). WordPress 5.4 or later.
pub const POSTS_QUERY: &str = "_embed=author,wp:term,wp:featuredmedia&_fields=id,slug,title,content,excerpt,date_gmt,modified_gmt,_links.author,_links.wp:term,_links.wp:featuredmedia,_embedded";

/// The category every post falls in when none is chosen: not a theme readers browse.
const UNCATEGORISED: &[&str] = &["uncategorized", "non-classe"];

/// A post an import wrote: its WordPress id and slug, and the Veille slug it got. Kept from one
/// import to the next (in the content directory's `import.json`), so that a post keeps its
/// address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Known {
    pub id: u64,
    pub wp_slug: String,
    pub slug: String,
}

/// Turns one WordPress site's answers into Veille's model: each post's slug (stable across
/// imports), links between posts rewritten to Veille's addresses.
pub struct Mapper {
    /// Every post of the site, by id.
    known: BTreeMap<u64, Known>,
    links: SiteLinks,
}

impl Mapper {
    /// A mapper for a site whose posts are `posts`: each post's slug is [`slug::for_post`]'s,
    /// unless another post has it already (then `article-<id>`).
    pub fn new(home: &str, posts: &[Post]) -> Mapper {
        Mapper::with_known(home, &[], posts)
    }

    /// The same, for an import that fetched only the posts changed since the last one: the
    /// posts of `known` keep their slug unless their WordPress slug changed; new ones take one
    /// that no other post has.
    pub fn with_known(home: &str, known: &[Known], posts: &[Post]) -> Mapper {
        // Maps filled one by one rather than collected (which sorts): no sort's code in the wasm.
        let mut by_id: BTreeMap<u64, Known> = BTreeMap::new();
        for k in known {
            by_id.insert(k.id, k.clone());
        }
        // New or renamed posts, by id.
        let mut fresh: BTreeMap<u64, &Post> = BTreeMap::new();
        for post in posts {
            match by_id.get(&post.id) {
                Some(k) if k.wp_slug == post.slug => {}
                _ => {
                    by_id.remove(&post.id);
                    fresh.insert(post.id, post);
                }
            }
        }
        let mut taken = std::collections::BTreeSet::new();
        for k in by_id.values() {
            taken.insert(k.slug.clone());
        }
        for post in fresh.into_values() {
            let id = post.id.to_string();
            let slug = Some(slug::for_post(&post.slug, &id))
                .filter(|s| !taken.contains(s))
                .unwrap_or_else(|| format!("article-{id}"));
            taken.insert(slug.clone());
            by_id.insert(
                post.id,
                Known {
                    id: post.id,
                    wp_slug: post.slug.clone(),
                    slug,
                },
            );
        }
        let slugs: Vec<(String, String)> = by_id
            .values()
            .map(|k| (k.wp_slug.clone(), k.slug.clone()))
            .collect();
        Mapper {
            known: by_id,
            links: SiteLinks::new(home, slugs),
        }
    }

    /// A mapper that knows no post of the site (the browser, reading the site live): slugs are
    /// [`slug::for_post`]'s, links to posts stay on the CMS.
    pub fn live(home: &str) -> Mapper {
        Mapper {
            known: BTreeMap::new(),
            links: SiteLinks::new(home, []),
        }
    }

    /// Every post the mapper knows, by id: what the next import starts from.
    pub fn known(&self) -> Vec<Known> {
        self.known.values().cloned().collect()
    }

    /// The Veille slug of a post.
    pub fn slug(&self, post: &Post) -> String {
        self.known
            .get(&post.id)
            .map(|k| k.slug.clone())
            .unwrap_or_else(|| slug::for_post(&post.slug, &post.id.to_string()))
    }

    /// A link or image address in a post ([`SiteLinks::link`]).
    pub fn link(&self, href: &str) -> Option<String> {
        self.links.link(href)
    }

    /// The article of a post.
    pub fn article(&self, post: &Post) -> Article {
        let links = |href: &str| self.link(href);
        let body = blocks::blocks(&tree::parse(&post.content.rendered), &links);
        let title = tree::text_of(&post.title.rendered);
        let published = utc(&post.date_gmt);
        let updated = (post.modified_gmt != post.date_gmt).then(|| utc(&post.modified_gmt));
        let writer = post.embedded.author.first();
        let author = writer
            .map(|a| a.name.trim().to_string())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "La rédaction".to_string());
        let author_profile =
            writer.and_then(|a| super::profile(&a.slug, &tree::text_of(&a.description)));
        let cover = post
            .embedded
            .media
            .iter()
            .find(|m| !m.source_url.is_empty())
            .and_then(|m| {
                let src = self.link(&m.source_url)?;
                let caption = tree::text_of(&m.caption.rendered);
                let upload = m.sizes();
                Some(Image {
                    src,
                    alt: m.alt_text.trim().to_string(),
                    credit: (!caption.is_empty()).then_some(caption),
                    width: upload.as_ref().map(|u| u.width),
                    height: upload.as_ref().map(|u| u.height),
                    sizes: upload
                        .map(|u| u.sizes)
                        .unwrap_or_default()
                        .into_iter()
                        .filter_map(|(src, width)| {
                            Some(Resized {
                                src: self.link(&src)?,
                                width,
                            })
                        })
                        .collect(),
                    ..Image::default()
                })
            });
        let mut tags: Vec<String> = Vec::new();
        for term in post.embedded.terms.iter().flatten() {
            if let Some(tag) = tag_slug(term) {
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
        }
        Article {
            summary: ArticleSummary {
                slug: self.slug(post),
                title: if title.is_empty() {
                    "Sans titre".to_string()
                } else {
                    title
                },
                lead: super::lead(&tree::text_of(&post.excerpt.rendered), &body),
                published,
                updated,
                author,
                tags,
                cover,
                reading_minutes: None,
            },
            body,
            author_profile,
        }
    }
}

/// The Veille tags of a site's categories and tags, one per slug (a category and a tag of the
/// same name are one theme), in name order, the default category left out.
pub fn tags(terms: &[Term]) -> Vec<Tag> {
    super::themes(terms.iter().filter_map(|term| {
        let description = tree::text_of(&term.description);
        Some(Tag {
            slug: tag_slug(term)?,
            name: tree::text_of(&term.name),
            description: (!description.is_empty()).then_some(description),
        })
    }))
}

/// The Veille slug of a category or tag; `None` for the default category.
pub fn tag_slug(term: &Term) -> Option<String> {
    let slug = slug::for_term(&term.slug, &term.id.to_string());
    (!UNCATEGORISED.contains(&slug.as_str())).then_some(slug)
}

/// WordPress' UTC time (`2024-05-23T06:30:00`) in ISO 8601 with its zone.
fn utc(gmt: &str) -> String {
    let has_zone = gmt.ends_with('Z') || gmt.get(19..).is_some_and(|z| z.starts_with(['+', '-']));
    if has_zone || gmt.len() < 19 {
        gmt.to_string()
    } else {
        format!("{}Z", &gmt[..19])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::content::{Block, Inline, Inlines};

    const HOME: &str = "http://127.0.0.1:8081";

    /// Posts in the shape WordPress 6.1 answers them (`_embed`), entities and all.
    fn posts() -> Vec<Post> {
        serde_json::from_str(include_str!(
            "../../tests/fixtures/cms/wordpress-posts.json"
        ))
        .unwrap()
    }

    fn by_id(posts: &[Post], id: u64) -> &Post {
        posts.iter().find(|p| p.id == id).unwrap()
    }

    #[test]
    fn a_post_becomes_an_article_field_by_field() {
        let posts = posts();
        let mapper = Mapper::new(HOME, &posts);
        let a = mapper.article(by_id(&posts, 10));
        let s = &a.summary;
        // Percent-encoded « é » written out: the id follows, which finds the post again.
        assert_eq!(s.slug, "elections-et-ia-10");
        assert_eq!(s.title, "L’IA & les «\u{a0}élections\u{a0}»");
        assert_eq!(
            s.lead,
            "Ce que les campagnes font déjà des modèles de langage."
        );
        assert_eq!(s.published, "2024-05-23T06:30:00Z");
        assert_eq!(s.updated.as_deref(), Some("2024-06-01T08:00:00Z"));
        assert_eq!(s.author, "Claire Dumas");
        assert_eq!(s.tags, ["politique", "ia"]);
        let cover = s.cover.as_ref().unwrap();
        assert_eq!(
            cover.src,
            "http://127.0.0.1:8081/wp-content/uploads/2024/05/urne.jpg"
        );
        assert_eq!(cover.alt, "Une urne transparente");
        assert_eq!(cover.credit.as_deref(), Some("Photo\u{a0}: la rédaction"));
        // The link to another post of the site leads to its Veille page; others stay.
        assert_eq!(
            a.body[0],
            Block::Paragraph {
                text: Inlines(vec![
                    Inline::Text("Voir aussi ".into()),
                    Inline::Link {
                        link: "notre enquête".into(),
                        href: "/article/sante-et-donnees".into()
                    },
                    Inline::Text(" et ".into()),
                    Inline::Link {
                        link: "la CNIL".into(),
                        href: "https://www.cnil.fr/".into()
                    },
                    Inline::Text(".".into()),
                ])
            }
        );
    }

    #[test]
    fn without_excerpt_cover_or_author_the_article_still_stands() {
        let posts = posts();
        let a = Mapper::new(HOME, &posts).article(by_id(&posts, 11));
        let s = &a.summary;
        assert!(s.lead.starts_with("Les hôpitaux partagent"), "{}", s.lead);
        assert!(
            s.lead.ends_with('…') && s.lead.chars().count() <= 301,
            "{}",
            s.lead
        );
        assert_eq!(s.updated, None);
        assert_eq!(s.cover, None);
        assert_eq!(s.author, "La rédaction");
        // The default category is no theme.
        assert_eq!(s.tags, ["sante"]);
    }

    #[test]
    fn slugs_are_stable_and_never_shared() {
        let posts = posts();
        let mapper = Mapper::new(HOME, &posts);
        // « été » (id 9), written out, takes its id; « ete » (id 12) stays as it is.
        assert_eq!(mapper.slug(by_id(&posts, 9)), "ete-9");
        assert_eq!(mapper.slug(by_id(&posts, 12)), "ete");
        assert_eq!(mapper.slug(by_id(&posts, 13)), "article-13");
        // The same posts listed in another order map the same way.
        let mut reversed = posts.clone();
        reversed.reverse();
        let again = Mapper::new(HOME, &reversed);
        for post in &posts {
            assert_eq!(again.slug(post), mapper.slug(post));
        }
    }

    #[test]
    fn a_later_import_keeps_each_post_s_slug() {
        let posts = posts();
        let first = Mapper::new(HOME, &posts);
        // The next import sees only post 12 again, and a new post whose slug would be « ete »
        // too: the slug stays with the post that had it.
        let mut changed = vec![by_id(&posts, 12).clone()];
        let mut newcomer = by_id(&posts, 12).clone();
        newcomer.id = 40;
        changed.push(newcomer);
        let again = Mapper::with_known(HOME, &first.known(), &changed);
        assert_eq!(again.slug(by_id(&posts, 12)), "ete");
        assert_eq!(again.slug(by_id(&posts, 9)), "ete-9");
        assert_eq!(again.slug(&changed[1]), "article-40");
        // A post whose WordPress slug changed follows it.
        let mut renamed = by_id(&posts, 11).clone();
        renamed.slug = "sante-et-vie-privee".into();
        let third = Mapper::with_known(HOME, &again.known(), &[renamed.clone()]);
        assert_eq!(third.slug(&renamed), "sante-et-vie-privee");
        // Links to the renamed post follow too.
        assert_eq!(
            third
                .link("http://127.0.0.1:8081/sante-et-vie-privee/")
                .as_deref(),
            Some("/article/sante-et-vie-privee")
        );
    }

    #[test]
    fn categories_and_tags_are_one_list_of_themes() {
        let posts = posts();
        let terms: Vec<Term> = posts
            .iter()
            .flat_map(|p| p.embedded.terms.iter().flatten().cloned())
            .collect();
        let tags = tags(&terms);
        let names: Vec<&str> = tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["IA", "Politique", "Santé & données"]);
        assert_eq!(tags[2].slug, "sante");
        assert_eq!(
            tags[1].description.as_deref(),
            Some("Lois, régulation & élections")
        );
    }

    #[test]
    fn the_mapped_posts_make_a_valid_archive() {
        let posts = posts();
        let mapper = Mapper::new(HOME, &posts);
        let terms: Vec<Term> = posts
            .iter()
            .flat_map(|p| p.embedded.terms.iter().flatten().cloned())
            .collect();
        let mut site = crate::model::content::bundled().unwrap().site().clone();
        site.tags = tags(&terms);
        let articles: Vec<Article> = posts.iter().map(|p| mapper.article(p)).collect();
        let catalog = crate::model::content::Catalog::new(site, articles).unwrap();
        assert_eq!(catalog.summaries().len(), posts.len());
        // Typeset like any content: the title's guillemets keep their no-break spaces.
        let first = catalog.article("elections-et-ia-10").unwrap();
        assert!(first.summary.title.contains("«\u{a0}élections\u{a0}»"));
    }

    /// Answers recorded from the test WordPress (`tests/e2e/wordpress.mjs`, its port written
    /// 8081): `/wp/v2/posts?include=…&_embed=author,wp:term,wp:featuredmedia`.
    fn recorded() -> Vec<Post> {
        serde_json::from_str(include_str!(
            "../../tests/fixtures/cms/wordpress-recorded-posts.json"
        ))
        .unwrap()
    }

    #[test]
    fn a_recorded_post_of_a_real_wordpress_maps_as_an_editor_expects() {
        let posts = recorded();
        let mapper = Mapper::new(HOME, &posts);
        let slugs: Vec<String> = posts.iter().map(|p| mapper.slug(p)).collect();
        // WordPress transliterates « élections »; it keeps 上海 percent-encoded, dropped here,
        // so the id follows.
        assert_eq!(slugs, ["hopitaux-et-donnees", "elections-et-ia", "ia-29"]);
        let a = mapper.article(&posts[1]);
        let s = &a.summary;
        // As typed (the catalog typesets it).
        assert_eq!(s.title, "L’IA & les « élections » européennes");
        // WordPress made the excerpt up (quote and citation run in): the first paragraph instead.
        assert_eq!(
            s.lead,
            "Les campagnes s’emparent des modèles de langage : trois usages dominent, selon \
             notre enquête et la CNIL."
        );
        assert_eq!(s.author, "Claire Dumas");
        // Her profile: WordPress' slug for her and the biography of her account.
        assert_eq!(
            a.author_profile,
            Some(crate::model::content::AuthorProfile {
                slug: "claire".into(),
                bio: Some("Journaliste, suit la régulation de l’IA.".into())
            })
        );
        // `date_gmt`, in UTC: the site's clock said 08:30.
        assert_eq!(s.published, "2024-05-23T07:30:00Z");
        let cover = s.cover.as_ref().unwrap();
        assert!(cover
            .src
            .starts_with("http://127.0.0.1:8081/wp-content/uploads/"));
        assert!(cover.src.ends_with("/urne.png"));
        assert_eq!(cover.alt, "Une urne transparente");
        assert_eq!(cover.credit.as_deref(), Some("Illustration : la rédaction"));
        // Its size, and the sizes WordPress made in its proportions: not the square thumbnail.
        assert_eq!((cover.width, cover.height), (Some(1200), Some(630)));
        let uploads = "http://127.0.0.1:8081/wp-content/uploads/2026/12";
        let mut sizes: Vec<(String, u32)> = cover
            .sizes
            .iter()
            .map(|v| (v.src.clone(), v.width))
            .collect();
        sizes.sort_by_key(|v| v.1);
        assert_eq!(
            sizes,
            [
                (format!("{uploads}/urne-300x158.png"), 300),
                (format!("{uploads}/urne-768x403.png"), 768),
                (format!("{uploads}/urne-1024x538.png"), 1024),
                (format!("{uploads}/urne.png"), 1200),
            ]
        );
        let kinds: Vec<&str> = a
            .body
            .iter()
            .map(|b| match b {
                Block::Paragraph { .. } => "paragraph",
                Block::Quote { .. } => "quote",
                Block::Image { .. } => "image",
                _ => "other",
            })
            .collect();
        // The lazy image WordPress left twice (noscript stripped) is one image.
        assert_eq!(
            kinds,
            ["paragraph", "quote", "paragraph", "image", "paragraph"]
        );
        let Block::Paragraph { text } = &a.body[0] else {
            unreachable!()
        };
        assert!(text.0.contains(&Inline::Link {
            link: "notre enquête".into(),
            href: "/article/hopitaux-et-donnees".into()
        }));
        assert_eq!(
            a.body[4],
            Block::Paragraph {
                text: Inlines(vec![Inline::Text("Fin de l’article.".into())])
            }
        );
    }

    #[test]
    fn a_featured_image_without_sizes_is_kept_at_the_size_it_has() {
        let media = |details: &str| -> Media {
            serde_json::from_str(&format!(
                r#"{{"source_url": "http://h/a.jpg", "media_details": {details}}}"#
            ))
            .unwrap()
        };
        // WordPress made no size (a plugin turned them off): PHP's empty array.
        let upload = |width, height, sizes| {
            Some(UploadSizes {
                width,
                height,
                sizes,
            })
        };
        assert_eq!(
            media(r#"{"width": 640, "height": 480, "sizes": []}"#).sizes(),
            upload(640, 480, vec![])
        );
        // Not an image (a video's details), or none at all.
        assert_eq!(media(r#"{"length": 12}"#).sizes(), None);
        assert_eq!(media("[]").sizes(), None);
        // One size lost its file's address: the others stay.
        assert_eq!(
            media(
                r#"{"width": 2560, "height": 1440, "sizes": {"medium": {"width": 300, "height": 169},
                "medium_large": {"width": 768, "height": 432, "source_url": "http://h/a-768x432.jpg"}}}"#
            )
            .sizes(),
            upload(2560, 1440, vec![("http://h/a-768x432.jpg".into(), 768)])
        );
    }

    #[test]
    fn wordpress_times_get_their_zone() {
        assert_eq!(utc("2024-05-23T06:30:00"), "2024-05-23T06:30:00Z");
        assert_eq!(
            utc("2024-05-23T06:30:00+02:00"),
            "2024-05-23T06:30:00+02:00"
        );
        assert_eq!(utc("2024-05-23"), "2024-05-23");
    }
}

//! The fetch stage: each CMS's API read page by page, its failures said in French, its requests
//! counted. The addresses of the answers are here; what the answers mean is the mapping's
//! (`cms::wordpress`, `cms::ghost`).

use super::{image_size, Get, ImportError};
use crate::cms::{
    ghost::{self, Settings},
    wordpress::{self, Post, SiteInfo, Term},
};
use crate::model::french::number;
use serde_json::Value;
use std::io::Write;

/// Posts per request: WordPress' maximum, and Ghost's page size.
pub(super) const PER_PAGE: u32 = 100;

/// Items of a collection as `T`, or a French error naming what could not be read.
fn read<T: serde::de::DeserializeOwned>(
    url: &str,
    what: &str,
    items: Vec<Value>,
) -> Result<Vec<T>, ImportError> {
    items
        .into_iter()
        .map(serde_json::from_value)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ImportError::Unreadable(format!("{url}\u{a0}: {what} illisibles ({e})")))
}

/// A WordPress site's REST API (`/wp-json/`).
pub struct WordPressApi<'a> {
    http: &'a dyn Get,
    /// The site's address, without a final slash.
    pub url: &'a str,
    pub requests: usize,
}

/// WordPress' page and item counts of a collection (`X-WP-TotalPages`, `X-WP-Total`).
type Counts = (Option<u32>, Option<u64>);

/// The headers that say them.
const COUNTS: &[&str] = &["X-WP-TotalPages", "X-WP-Total"];

/// The JSON of WordPress' answer at `address`, with its page and item counts.
fn wordpress_json(http: &dyn Get, address: String) -> Result<(Value, Counts), ImportError> {
    let answer = http.get(&address, COUNTS)?;
    if !(200..300).contains(&answer.status) {
        let code = serde_json::from_str::<Value>(&answer.body)
            .ok()
            .and_then(|v| v["code"].as_str().map(str::to_string))
            .unwrap_or_default();
        return Err(ImportError::Refused {
            status: answer.status,
            message: format!("{address}\u{a0}: WordPress répond {} {code}", answer.status),
        });
    }
    let value = serde_json::from_str(&answer.body).map_err(|_| {
        ImportError::Unreadable(format!(
            "{address}\u{a0}: la réponse n’est pas du JSON (une page d’erreur\u{a0}?)"
        ))
    })?;
    let header = |i: usize| answer.headers.get(i).cloned().flatten();
    let pages = header(0).and_then(|v| v.trim().parse().ok());
    let total = header(1).and_then(|v| v.trim().parse().ok());
    Ok((value, (pages, total)))
}

/// Published posts, light: `(id, last modification)` each (WordPress' `modified_gmt`).
pub type Light = Vec<(String, String)>;

/// Ghost's published posts, light: `(id, slug, updated_at)` each.
pub type LightGhost = Vec<(String, String, String)>;

/// WordPress' light posts (`_fields=id,modified_gmt`).
fn light(items: &[Value]) -> Light {
    items
        .iter()
        .filter_map(|v| {
            Some((
                v["id"].as_u64()?.to_string(),
                v["modified_gmt"].as_str()?.to_string(),
            ))
        })
        .collect()
}

/// Ghost's light posts (`fields=id,slug,updated_at`).
fn light_ghost(items: &[Value]) -> LightGhost {
    items
        .iter()
        .filter_map(|v| {
            let field = |k: &str| v[k].as_str().map(str::to_string);
            Some((field("id")?, field("slug")?, field("updated_at")?))
        })
        .collect()
}

/// How many pages of a list are asked at once, after the first (which says how many there
/// are): WordPress answers each in tens of milliseconds, mostly waiting on its database.
const AT_ONCE: usize = 3;

impl<'a> WordPressApi<'a> {
    pub fn new(http: &'a dyn Get, url: &'a str) -> Self {
        WordPressApi {
            http,
            url,
            requests: 0,
        }
    }

    /// The JSON of an answer, with WordPress' page and item counts.
    fn json(&mut self, address: String) -> Result<(Value, Counts), ImportError> {
        self.requests += 1;
        wordpress_json(self.http, address)
    }

    /// The site's name, tagline and home.
    pub fn info(&mut self) -> Result<SiteInfo, ImportError> {
        let url = self.url;
        let (info, _) = self.json(format!("{url}/wp-json/"))?;
        serde_json::from_value(info).map_err(|e| {
            ImportError::Unreadable(format!(
                "{url}/wp-json/\u{a0}: ce n’est pas un site WordPress ({e})"
            ))
        })
    }

    /// Every page of a collection, `X-WP-TotalPages` saying how many; for posts, progress
    /// lines on `progress`.
    fn all(
        &mut self,
        what: &str,
        query: &str,
        progress: &mut dyn Write,
    ) -> Result<Vec<Value>, ImportError> {
        let url = self.url;
        let address = |page: u32| {
            format!(
                "{}?{query}&per_page={PER_PAGE}&page={page}&orderby=id&order=asc",
                wordpress::endpoint(url, what)
            )
        };
        // The first page says how many there are; the others are asked a few at once, and
        // read in their order.
        let first = self.json(address(1))?;
        let total = first.1 .0.unwrap_or(1).max(1);
        let rest: Vec<u32> = (2..=total).collect();
        self.requests += rest.len();
        let http = self.http;
        let mut answers = vec![(1, Ok(first))];
        let mut lost = false;
        std::thread::scope(|scope| {
            let workers: Vec<_> = rest
                .chunks(rest.len().div_ceil(AT_ONCE).max(1))
                .map(|pages| {
                    let address = &address;
                    scope.spawn(move || {
                        pages
                            .iter()
                            .map(|&page| (page, wordpress_json(http, address(page))))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            for worker in workers {
                match worker.join() {
                    Ok(pages) => answers.extend(pages),
                    Err(_) => lost = true,
                }
            }
        });
        // Pages missing would read as posts deleted: never a partial list.
        if lost {
            return Err(ImportError::Unreachable(format!(
                "{}\u{a0}: la liste n’a pas pu être lue en entier",
                address(1)
            )));
        }
        answers.sort_by_key(|(page, _)| *page);
        let mut items = Vec::new();
        for (page, answer) in answers {
            let (value, (_, total_items)) = answer?;
            let Value::Array(batch) = value else {
                return Err(ImportError::Unreadable(format!(
                    "{}\u{a0}: une liste était attendue",
                    address(page)
                )));
            };
            items.extend(batch);
            if what == "posts" {
                let of = total_items.unwrap_or(items.len() as u64);
                let _ = writeln!(
                    progress,
                    "{} / {} articles",
                    number(items.len() as u64),
                    number(of)
                );
            }
        }
        Ok(items)
    }

    /// The published posts, light: `(id, modified_gmt)` each. Comparing `modified_gmt` post by
    /// post needs no time zone, which WordPress' `modified_after` filter reads in the site's.
    pub fn listing(&mut self, progress: &mut dyn Write) -> Result<Light, ImportError> {
        Ok(light(&self.all(
            "posts",
            "_fields=id,modified_gmt",
            progress,
        )?))
    }

    /// One page of the published posts modified last, light (`(id, modified_gmt)`, the last
    /// modified first), and how many posts are published (`X-WP-Total`): one request, where
    /// the listing takes one per hundred posts.
    pub fn recent(&mut self) -> Result<(Light, Option<u64>), ImportError> {
        let address = format!(
            "{}?_fields=id,modified_gmt&orderby=modified&order=desc&per_page={PER_PAGE}",
            wordpress::endpoint(self.url, "posts")
        );
        let (value, (_, total)) = self.json(address.clone())?;
        let Value::Array(items) = value else {
            return Err(ImportError::Unreadable(format!(
                "{address}\u{a0}: une liste était attendue"
            )));
        };
        Ok((light(&items), total))
    }

    /// The posts whose ids are `ids`, whole.
    pub fn posts(
        &mut self,
        ids: &[String],
        progress: &mut dyn Write,
    ) -> Result<Vec<Post>, ImportError> {
        let mut posts = Vec::new();
        for ids in ids.chunks(PER_PAGE as usize) {
            let query = format!("{}&include={}", wordpress::POSTS_QUERY, ids.join(","));
            let items = self.all("posts", &query, progress)?;
            posts.extend(read::<Post>(self.url, "articles", items)?);
        }
        Ok(posts)
    }

    /// Every published post, whole.
    pub fn all_posts(&mut self, progress: &mut dyn Write) -> Result<Vec<Post>, ImportError> {
        let items = self.all("posts", wordpress::POSTS_QUERY, progress)?;
        read(self.url, "articles", items)
    }

    /// The categories and tags in use, with their descriptions (an embedded term has none).
    pub fn terms(&mut self, progress: &mut dyn Write) -> Result<Vec<Term>, ImportError> {
        let categories = self.all("categories", "hide_empty=true", progress)?;
        let mut terms: Vec<Term> = read(self.url, "catégories", categories)?;
        let tags = self.all("tags", "hide_empty=true", progress)?;
        terms.extend(read::<Term>(self.url, "étiquettes", tags)?);
        Ok(terms)
    }
}

/// A Ghost site's Content API, with the integration's public key.
pub struct GhostApi<'a> {
    http: &'a dyn Get,
    /// The site's address, without a final slash.
    pub url: &'a str,
    key: &'a str,
    pub requests: usize,
}

impl<'a> GhostApi<'a> {
    pub fn new(http: &'a dyn Get, url: &'a str, key: &'a str) -> Self {
        GhostApi {
            http,
            url,
            key,
            requests: 0,
        }
    }

    fn json(&mut self, path: &str) -> Result<Value, ImportError> {
        self.requests += 1;
        let address = ghost::endpoint(self.url, path);
        let answer = self.http.get(&format!("{address}&key={}", self.key), &[])?;
        let refused = |message| ImportError::Refused {
            status: answer.status,
            message,
        };
        match answer.status {
            200..=299 => {}
            401 | 403 => {
                return Err(refused(format!(
                    "{address}\u{a0}: Ghost refuse la clé de l’API de contenu ({})",
                    answer.status
                )))
            }
            status => return Err(refused(format!("{address}\u{a0}: Ghost répond {status}"))),
        }
        serde_json::from_str(&answer.body).map_err(|_| {
            ImportError::Unreadable(format!(
                "{address}\u{a0}: la réponse n’est pas du JSON (une page d’erreur\u{a0}?)"
            ))
        })
    }

    /// The site's title, description and address.
    pub fn settings(&mut self) -> Result<Settings, ImportError> {
        let settings = self.json("settings/?")?;
        serde_json::from_value(settings).map_err(|e| {
            ImportError::Unreadable(format!(
                "{}\u{a0}: ce n’est pas un site Ghost ({e})",
                self.url
            ))
        })
    }

    /// Every page of a list of posts (Ghost answers a page past the end with an empty list:
    /// stop on the count it gives); with `whole`, progress lines on `progress`.
    fn pages(
        &mut self,
        query: &str,
        whole: bool,
        progress: &mut dyn Write,
    ) -> Result<Vec<Value>, ImportError> {
        let mut items = Vec::new();
        let mut page = 1;
        loop {
            let value = self.json(&format!("posts/?{query}&limit={PER_PAGE}&page={page}"))?;
            let meta: ghost::Meta = serde_json::from_value(value["meta"].clone()).map_err(|e| {
                ImportError::Unreadable(format!("{}\u{a0}: pagination illisible ({e})", self.url))
            })?;
            if let Value::Array(batch) = value["posts"].clone() {
                items.extend(batch);
            }
            if whole {
                let _ = writeln!(
                    progress,
                    "{} / {} articles",
                    number(items.len() as u64),
                    number(meta.pagination.total)
                );
            }
            if page >= meta.pagination.pages {
                return Ok(items);
            }
            page += 1;
        }
    }

    /// The published posts, light: `(id, slug, updated_at)` each.
    pub fn listing(&mut self, progress: &mut dyn Write) -> Result<LightGhost, ImportError> {
        Ok(light_ghost(&self.pages(
            "fields=id,slug,updated_at",
            false,
            progress,
        )?))
    }

    /// One page of the published posts updated last, light (`(id, slug, updated_at)`, the last
    /// updated first), and how many posts are published: one request, where the listing takes
    /// one per hundred posts.
    pub fn recent(&mut self) -> Result<(LightGhost, u64), ImportError> {
        let value = self.json(&format!(
            "posts/?fields=id,slug,updated_at&order=updated_at%20desc&limit={PER_PAGE}"
        ))?;
        let meta: ghost::Meta = serde_json::from_value(value["meta"].clone()).map_err(|e| {
            ImportError::Unreadable(format!("{}\u{a0}: pagination illisible ({e})", self.url))
        })?;
        let posts = value["posts"].as_array().map_or(&[][..], Vec::as_slice);
        Ok((light_ghost(posts), meta.pagination.total))
    }

    /// The query of whole posts: what the live reading asks ([`ghost::POSTS_INCLUDE`]), the
    /// HTML, oldest first.
    fn whole() -> String {
        format!(
            "{}&formats=html&order=published_at%20asc",
            ghost::POSTS_INCLUDE
        )
    }

    /// The posts whose ids are `ids`, whole.
    pub fn posts(
        &mut self,
        ids: &[String],
        progress: &mut dyn Write,
    ) -> Result<Vec<ghost::Post>, ImportError> {
        let mut posts = Vec::new();
        for ids in ids.chunks(50) {
            // Quoted: an id made of digits at its start would be read as a number.
            let quoted: Vec<String> = ids.iter().map(|id| format!("%27{id}%27")).collect();
            let query = format!("{}&filter=id:%5B{}%5D", Self::whole(), quoted.join(","));
            let items = self.pages(&query, true, progress)?;
            posts.extend(read::<ghost::Post>(self.url, "articles", items)?);
        }
        Ok(posts)
    }

    /// Every published post, whole.
    pub fn all_posts(&mut self, progress: &mut dyn Write) -> Result<Vec<ghost::Post>, ImportError> {
        let items = self.pages(&Self::whole(), true, progress)?;
        read(self.url, "articles", items)
    }

    /// The size of an image, which Ghost's API does not say of a feature image.
    pub fn image_size(&mut self, src: &str) -> Result<(u32, u32), ImportError> {
        self.requests += 1;
        image_size(self.http, src)
    }
}

//! `veille-content import …`: a whole CMS site read through its public API and written as a
//! content directory in Veille's layout (`site.json`, `articles/<slug>.json`, the derived
//! files), which `veille-prerender --content DIR` builds. Native only. The directory is written
//! beside its final place and swapped in at the end: an import that fails or is interrupted
//! leaves the previous content as it was.

use super::wordpress::{self, Mapper, Post, SiteInfo};
use crate::model::{
    content::{Catalog, Newsletter, Site},
    output,
};
use std::{fs, io::Write, path::Path, time::Duration};

/// An answer: status, the headers asked for, body.
pub struct Answer {
    pub status: u16,
    /// `X-WP-TotalPages` and `X-WP-Total`: how many pages and items the collection has.
    pub total_pages: Option<u32>,
    pub total: Option<u64>,
    pub body: String,
}

/// What the import asks of HTTP: `GET url`. A trait, so that the logic is tested on recorded
/// answers as well as against a real server.
pub trait Get: Sync {
    fn get(&self, url: &str) -> Result<Answer, String>;
    /// The first `limit` bytes of a file (an image), or fewer when it is shorter; an error
    /// for a status other than 2xx.
    fn head_bytes(&self, url: &str, limit: usize) -> Result<Vec<u8>, String>;
}

/// HTTP(S) with ureq: a timeout per request, any status answered (the import reads the error),
/// bodies up to 64 MB.
pub struct Http(ureq::Agent);

impl Http {
    pub fn new() -> Http {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(60)))
            .http_status_as_error(false)
            .user_agent("veille-content (import)")
            .build();
        Http(config.into())
    }
}

impl Default for Http {
    fn default() -> Self {
        Http::new()
    }
}

impl Get for Http {
    fn get(&self, url: &str) -> Result<Answer, String> {
        let mut response = self
            .0
            .get(url)
            .header("Accept", "application/json")
            .call()
            .map_err(|e| format!("{url}\u{a0}: pas de réponse ({e})"))?;
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.trim().to_string())
        };
        let total_pages = header("x-wp-totalpages").and_then(|v| v.parse().ok());
        let total = header("x-wp-total").and_then(|v| v.parse().ok());
        let body = response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_string()
            .map_err(|e| format!("{url}\u{a0}: réponse illisible ({e})"))?;
        Ok(Answer {
            status: response.status().as_u16(),
            total_pages,
            total,
            body,
        })
    }

    fn head_bytes(&self, url: &str, limit: usize) -> Result<Vec<u8>, String> {
        use std::io::Read;
        // A range, which static servers honour; one that does not sends the whole file, of
        // which only the start is read.
        let mut response = self
            .0
            .get(url)
            .header("Range", &format!("bytes=0-{}", limit.saturating_sub(1)))
            .call()
            .map_err(|e| format!("{url}\u{a0}: pas de réponse ({e})"))?;
        let status = response.status().as_u16();
        if !(200..300).contains(&status) {
            return Err(format!("{url}\u{a0}: le serveur répond {status}"));
        }
        let mut bytes = Vec::with_capacity(limit);
        response
            .body_mut()
            .as_reader()
            .take(limit as u64)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{url}\u{a0}: réponse illisible ({e})"))?;
        Ok(bytes)
    }
}

/// The width and height of the image at `url`, read from its first bytes (its header): 64 kB,
/// then the first 8 MB when its header is further in (a JPEG's metadata before its size).
pub fn image_size(http: &dyn Get, url: &str) -> Result<(u32, u32), String> {
    let mut last = String::new();
    for limit in [64 * 1024, 8 * 1024 * 1024] {
        let bytes = http.head_bytes(url, limit)?;
        match imagesize::blob_size(&bytes) {
            Ok(size) => {
                let side = |n: usize| u32::try_from(n).ok().filter(|&n| n > 0);
                return side(size.width)
                    .zip(side(size.height))
                    .ok_or_else(|| format!("{url}\u{a0}: image sans taille"));
            }
            Err(e) => last = e.to_string(),
        }
        if bytes.len() < limit {
            break;
        }
    }
    Err(format!("{url}\u{a0}: pas une image lisible ({last})"))
}

/// Items of a collection as `T`, or a French error naming what could not be read.
fn read<T: serde::de::DeserializeOwned>(
    url: &str,
    what: &str,
    items: Vec<serde_json::Value>,
) -> Result<Vec<T>, String> {
    items
        .into_iter()
        .map(serde_json::from_value)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{url}\u{a0}: {what} illisibles ({e})"))
}

/// What an import did.
#[derive(Debug)]
pub struct Imported {
    /// Articles in the directory now.
    pub articles: usize,
    /// Posts fetched: all of them the first time, those modified since on the next ones.
    pub updated: usize,
    /// Articles gone since the last import (deleted or unpublished in the CMS).
    pub removed: usize,
    pub tags: usize,
    pub requests: usize,
}

/// What an import remembers for the next one, in the directory's [`STATE_FILE`].
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct State {
    source: String,
    url: String,
    /// Each imported post's last modification (UTC: WordPress' `modified_gmt`, Ghost's
    /// `updated_at`), by the CMS's id.
    modified: std::collections::BTreeMap<String, String>,
    posts: Vec<wordpress::Known>,
}

/// Where an import keeps its [`State`], in the content directory.
pub const STATE_FILE: &str = "import.json";

impl State {
    fn read(dir: &Path) -> Option<State> {
        let json = fs::read_to_string(dir.join(STATE_FILE)).ok()?;
        serde_json::from_str(&json).ok()
    }
}

/// Posts per request: WordPress' maximum.
const PER_PAGE: u32 = 100;

/// Where an import writes, and what it says as it goes.
pub struct Destination<'a> {
    /// The content directory.
    pub dir: &'a Path,
    /// The public address of the Veille site: kept from `dir/site.json` when absent, else the
    /// CMS's own address the first time.
    pub base_url: Option<&'a str>,
    /// Progress lines (« 1 200 / 10 000 articles »).
    pub progress: &'a mut dyn Write,
    /// Images served by the site itself, copies made at import (`--images local`,
    /// [`super::media`]), rather than linked on the CMS with its own sizes.
    pub local_images: bool,
}

/// With `local`, the images of `articles` served from copies under
/// `dir/media/`, made once each ([`super::media::Media`]); what it cost is said on `progress`.
fn localize(
    http: &dyn Get,
    dir: &Path,
    articles: &mut [crate::model::content::Article],
    local: bool,
    progress: &mut dyn Write,
) -> Result<(), String> {
    if !local {
        return Ok(());
    }
    let mut media = super::media::Media::open(dir)?;
    media.localize(http, articles, progress);
    media.save()?;
    let cost = media.cost;
    let each = if cost.made > 0 {
        format!(
            ", {}\u{a0}ms par image",
            crate::model::french::number((cost.millis / cost.made as u128) as u64)
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        progress,
        "images\u{a0}: {} faites en {}\u{a0}ms{each} ({}\u{a0}octets écrits), {} reprises telles quelles, {} laissées sur le CMS",
        crate::model::french::number(cost.made as u64),
        crate::model::french::number(cost.millis as u64),
        crate::model::french::number(cost.bytes),
        crate::model::french::number(cost.reused as u64),
        crate::model::french::number(cost.failed as u64),
    );
    Ok(())
}

/// Imports the WordPress site at `url`.
pub fn wordpress(http: &dyn Get, url: &str, to: Destination<'_>) -> Result<Imported, String> {
    let Destination {
        dir,
        base_url,
        progress,
        local_images,
    } = to;
    let url = url.trim_end_matches('/');
    let mut requests = 0;
    // The JSON of an answer, with WordPress' page and item counts.
    type Counts = (Option<u32>, Option<u64>);
    let mut get_json = |address: String| -> Result<(serde_json::Value, Counts), String> {
        requests += 1;
        let answer = http.get(&address)?;
        if !(200..300).contains(&answer.status) {
            let code = serde_json::from_str::<serde_json::Value>(&answer.body)
                .ok()
                .and_then(|v| v["code"].as_str().map(str::to_string))
                .unwrap_or_default();
            return Err(format!(
                "{address}\u{a0}: WordPress répond {} {code}",
                answer.status
            ));
        }
        let value = serde_json::from_str(&answer.body).map_err(|_| {
            format!("{address}\u{a0}: la réponse n’est pas du JSON (une page d’erreur\u{a0}?)")
        })?;
        Ok((value, (answer.total_pages, answer.total)))
    };
    let (info, _) = get_json(format!("{url}/wp-json/"))?;
    let info: SiteInfo = serde_json::from_value(info)
        .map_err(|e| format!("{url}/wp-json/\u{a0}: ce n’est pas un site WordPress ({e})"))?;

    // Every page of a collection, `X-WP-TotalPages` saying how many.
    let mut all = |what: &str, query: &str| -> Result<Vec<serde_json::Value>, String> {
        let mut items = Vec::new();
        let mut page = 1;
        loop {
            let address = format!(
                "{url}/wp-json/wp/v2/{what}?{query}&per_page={PER_PAGE}&page={page}&orderby=id&order=asc"
            );
            let (value, (total_pages, total_items)) = get_json(address.clone())?;
            let serde_json::Value::Array(batch) = value else {
                return Err(format!("{address}\u{a0}: une liste était attendue"));
            };
            items.extend(batch);
            let total = total_pages.unwrap_or(page);
            if what == "posts" {
                let of = total_items.unwrap_or(items.len() as u64);
                let _ = writeln!(
                    progress,
                    "{} / {} articles",
                    crate::model::french::number(items.len() as u64),
                    crate::model::french::number(of)
                );
            }
            if page >= total {
                return Ok(items);
            }
            page += 1;
        }
    };
    // A second import of the same site: the list of the published posts with their last
    // modification (light: two fields), then only those modified since, whole. What is no
    // longer listed was deleted or unpublished. (Comparing `modified_gmt` post by post needs
    // no time zone, which WordPress' `modified_after` filter reads in the site's.)
    let state = State::read(dir).filter(|s| s.source == "wordpress" && s.url == url);
    let (posts, known, kept, removed) = match &state {
        Some(state) => {
            let listed: Vec<(u64, String)> = all("posts", "_fields=id,modified_gmt")?
                .iter()
                .filter_map(|v| Some((v["id"].as_u64()?, v["modified_gmt"].as_str()?.to_string())))
                .collect();
            let published: std::collections::HashSet<u64> =
                listed.iter().map(|(id, _)| *id).collect();
            let changed_ids: Vec<u64> = listed
                .iter()
                .filter(|(id, modified)| state.modified.get(&id.to_string()) != Some(modified))
                .map(|(id, _)| *id)
                .collect();
            let mut changed: Vec<Post> = Vec::new();
            for ids in changed_ids.chunks(PER_PAGE as usize) {
                let ids: Vec<String> = ids.iter().map(u64::to_string).collect();
                changed.extend(read::<Post>(
                    url,
                    "articles",
                    all(
                        "posts",
                        &format!("{}&include={}", wordpress::POSTS_QUERY, ids.join(",")),
                    )?,
                )?);
            }
            let changed_ids: std::collections::HashSet<u64> =
                changed.iter().map(|p| p.id).collect();
            let previous = Catalog::from_dir(dir)?;
            let (stay, gone): (Vec<_>, Vec<_>) = state
                .posts
                .iter()
                .cloned()
                .partition(|k| published.contains(&k.id));
            let kept: Vec<_> = stay
                .iter()
                .filter(|k| !changed_ids.contains(&k.id))
                .filter_map(|k| previous.article(&k.slug).ok())
                .collect();
            (changed, stay, kept, gone.len())
        }
        None => (
            read(url, "articles", all("posts", wordpress::POSTS_QUERY)?)?,
            Vec::new(),
            Vec::new(),
            0,
        ),
    };
    let mapper = Mapper::with_known(&info.home, &known, &posts);
    let updated = posts.len();
    let mut articles: Vec<_> = posts.iter().map(|p| mapper.article(p)).collect();
    articles.extend(kept);
    // The terms themselves, for their descriptions (an embedded term has none); only those
    // the articles use become themes.
    let mut terms: Vec<wordpress::Term> =
        read(url, "catégories", all("categories", "hide_empty=true")?)?;
    terms.extend(read::<wordpress::Term>(
        url,
        "étiquettes",
        all("tags", "hide_empty=true")?,
    )?);
    // Every article's, kept ones included: an image already served by the site is passed by,
    // and a site imported before with `--images cms` gets its copies.
    localize(http, dir, &mut articles, local_images, progress)?;
    let used: std::collections::HashSet<&str> = articles
        .iter()
        .flat_map(|a| a.summary.tags.iter().map(String::as_str))
        .collect();
    terms.retain(|t| wordpress::tag_slug(t).is_some_and(|s| used.contains(s.as_str())));
    let slugs: std::collections::HashSet<&str> =
        articles.iter().map(|a| a.summary.slug.as_str()).collect();
    let posts_now: Vec<wordpress::Known> = mapper
        .known()
        .into_iter()
        .filter(|k| slugs.contains(k.slug.as_str()))
        .collect();
    let mut modified: std::collections::BTreeMap<String, String> = state
        .as_ref()
        .map(|s| s.modified.clone())
        .unwrap_or_default();
    modified.extend(
        posts
            .iter()
            .map(|p| (p.id.to_string(), p.modified_gmt.clone())),
    );
    modified.retain(|id, _| posts_now.iter().any(|k| k.id.to_string() == *id));
    let state = State {
        source: "wordpress".into(),
        url: url.to_string(),
        modified,
        posts: posts_now,
    };
    let site = site_for(
        dir,
        &super::tree::text_of(&info.name),
        &super::tree::text_of(&info.description),
        base_url,
        &info.home,
        wordpress::tags(&terms),
    );
    write_dir(site, articles, &state, dir, (updated, removed, requests))
}

/// The site of an import: the CMS's name, tagline and themes; the Veille settings of the
/// directory's `site.json` when it has one (newsletter copy, social profiles, page size, and its
/// public address unless `base_url` names one; the CMS's `home` the first time).
fn site_for(
    dir: &Path,
    name: &str,
    tagline: &str,
    base_url: Option<&str>,
    home: &str,
    tags: Vec<crate::model::content::Tag>,
) -> Site {
    let previous = fs::read_to_string(dir.join("site.json"))
        .ok()
        .and_then(|json| serde_json::from_str::<Site>(&json).ok());
    let address = base_url
        .map(str::to_string)
        .or_else(|| previous.as_ref().map(|p| p.base_url.clone()))
        .unwrap_or_else(|| home.to_string());
    Site {
        name: name.to_string(),
        tagline: tagline.to_string(),
        base_url: address.trim_end_matches('/').to_string(),
        tags,
        ..previous.unwrap_or_else(|| default_site(name, tagline))
    }
}

/// What a site imported for the first time says of itself until an editor writes it: the
/// newsletter box's copy, in French.
fn default_site(name: &str, tagline: &str) -> Site {
    Site {
        name: name.to_string(),
        tagline: tagline.to_string(),
        about: tagline.to_string(),
        base_url: String::new(),
        page_size: 10,
        contact_email: None,
        newsletter: Newsletter {
            title: "La lettre".to_string(),
            pitch: format!("Le meilleur de {name}, chaque matin dans votre boîte mail."),
            members: None,
            privacy: "Votre adresse ne sert qu’à l’envoi de la lettre.".to_string(),
            privacy_url: None,
        },
        social: Vec::new(),
        tags: Vec::new(),
    }
}

/// Checks the site and articles as any archive is checked, and writes them as a content
/// directory at `dir`: into a folder beside it, then swapped in, so that `dir` is never half
/// written. `counts`: posts read whole, articles removed, requests made.
fn write_dir(
    site: Site,
    articles: Vec<crate::model::content::Article>,
    state: &State,
    dir: &Path,
    (updated, removed, requests): (usize, usize, usize),
) -> Result<Imported, String> {
    let catalog = Catalog::new(site, articles).map_err(|e| e.for_editors())?;
    let imported = Imported {
        articles: catalog.summaries().len(),
        updated,
        removed,
        tags: catalog.site().tags.len(),
        requests,
    };
    write_files(&catalog, state, dir)?;
    Ok(imported)
}

fn write_files(catalog: &Catalog, state: &State, dir: &Path) -> Result<(), String> {
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| format!("{}\u{a0}: {e}", parent.display()))?;
    let name = dir
        .file_name()
        .map_or("contenu".into(), |n| n.to_string_lossy().into_owned());
    let fresh = parent.join(format!(".{name}.import-{}", std::process::id()));
    let old = parent.join(format!(".{name}.previous-{}", std::process::id()));
    let _ = fs::remove_dir_all(&fresh);
    fs::create_dir_all(&fresh).map_err(|e| format!("{}\u{a0}: {e}", fresh.display()))?;
    let written = (|| -> Result<(), String> {
        output::write(&fresh, "site.json", &output::json(catalog.site()))?;
        output::write(&fresh, STATE_FILE, &output::json(state))?;
        for summary in catalog.summaries() {
            let article = catalog.article(&summary.slug).map_err(|e| e.to_string())?;
            output::write(
                &fresh,
                &format!("articles/{}.json", summary.slug),
                &output::json(&article),
            )?;
        }
        for (path, json) in catalog.derived_api_files() {
            output::write(&fresh, &path, &json)?;
        }
        Ok(())
    })();
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&fresh);
        return Err(e);
    }
    // The images' copies (`--images local`) go on with the content, moved rather than copied:
    // written into the directory as they were made, they are kept from one import to the next.
    let media = dir.join(super::media::DIR);
    let moved = media.is_dir() && fs::rename(&media, fresh.join(super::media::DIR)).is_ok();
    let had = dir.exists();
    let swapped = if had { fs::rename(dir, &old) } else { Ok(()) }.and_then(|()| {
        fs::rename(&fresh, dir).inspect_err(|_| {
            if had {
                let _ = fs::rename(&old, dir);
            }
        })
    });
    if let Err(e) = swapped {
        if moved {
            let _ = fs::rename(fresh.join(super::media::DIR), &media);
        }
        let _ = fs::remove_dir_all(&fresh);
        return Err(format!("{}\u{a0}: {e}", dir.display()));
    }
    if had {
        let _ = fs::remove_dir_all(&old);
    }
    Ok(())
}

/// Imports the Ghost site at `url` (its Content API, with the integration's public `key`), as
/// [`wordpress`] does.
pub fn ghost(
    http: &dyn Get,
    url: &str,
    key: &str,
    to: Destination<'_>,
) -> Result<Imported, String> {
    use super::ghost::{self as g, Settings};
    use std::collections::HashSet;
    let url = url.trim_end_matches('/');
    let mut requests = 0;
    let mut get = |path: &str| -> Result<serde_json::Value, String> {
        requests += 1;
        let address = format!("{url}/ghost/api/content/{path}");
        let answer = http.get(&format!("{address}&key={key}"))?;
        match answer.status {
            200..=299 => {}
            401 | 403 => {
                return Err(format!(
                    "{address}\u{a0}: Ghost refuse la clé de l’API de contenu ({})",
                    answer.status
                ))
            }
            status => return Err(format!("{address}\u{a0}: Ghost répond {status}")),
        }
        serde_json::from_str(&answer.body).map_err(|_| {
            format!("{address}\u{a0}: la réponse n’est pas du JSON (une page d’erreur\u{a0}?)")
        })
    };
    let settings: Settings = serde_json::from_value(get("settings/?")?)
        .map_err(|e| format!("{url}\u{a0}: ce n’est pas un site Ghost ({e})"))?;
    // Every page of a list of posts (Ghost answers a page past the end with an empty list:
    // stop on the count it gives).
    let mut pages = |query: &str, whole: bool| -> Result<Vec<serde_json::Value>, String> {
        let mut items = Vec::new();
        let mut page = 1;
        loop {
            let value = get(&format!("posts/?{query}&limit=100&page={page}"))?;
            let meta: g::Meta = serde_json::from_value(value["meta"].clone())
                .map_err(|e| format!("{url}\u{a0}: pagination illisible ({e})"))?;
            if let serde_json::Value::Array(batch) = value["posts"].clone() {
                items.extend(batch);
            }
            if whole {
                let _ = writeln!(
                    to.progress,
                    "{} / {} articles",
                    crate::model::french::number(items.len() as u64),
                    crate::model::french::number(meta.pagination.total)
                );
            }
            if page >= meta.pagination.pages {
                return Ok(items);
            }
            page += 1;
        }
    };
    const WHOLE: &str = "include=tags,authors&formats=html&order=published_at%20asc";
    // Every published post, light (id, slug, last update): the slugs come from the whole site,
    // and a later import reads whole only the posts updated since (what is no longer listed was
    // deleted or unpublished).
    let listed: Vec<(String, String, String)> = pages("fields=id,slug,updated_at", false)?
        .iter()
        .filter_map(|v| {
            let field = |k: &str| v[k].as_str().map(str::to_string);
            Some((field("id")?, field("slug")?, field("updated_at")?))
        })
        .collect();
    let pairs: Vec<(String, String)> = listed
        .iter()
        .map(|(id, slug, _)| (id.clone(), slug.clone()))
        .collect();
    let mapper = g::Mapper::of_site(&settings.settings.url, &pairs);
    let state = State::read(to.dir).filter(|s| s.source == "ghost" && s.url == url);
    let (posts, kept, removed): (Vec<g::Post>, Vec<_>, usize) = match &state {
        Some(state) => {
            let changed: Vec<&str> = listed
                .iter()
                .filter(|(id, _, updated)| state.modified.get(id) != Some(updated))
                .map(|(id, _, _)| id.as_str())
                .collect();
            let mut posts = Vec::new();
            for ids in changed.chunks(50) {
                let quoted: Vec<String> = ids.iter().map(|id| format!("%27{id}%27")).collect();
                posts.extend(read::<g::Post>(
                    url,
                    "articles",
                    // Quoted: an id made of digits at its start would be read as a number.
                    pages(
                        &format!("{WHOLE}&filter=id:%5B{}%5D", quoted.join(",")),
                        true,
                    )?,
                )?);
            }
            let previous = Catalog::from_dir(to.dir)?;
            let kept = listed
                .iter()
                .filter(|(id, _, _)| !changed.contains(&id.as_str()))
                .filter_map(|(id, _, _)| previous.article(mapper.slug_of(id)?).ok())
                .collect();
            let listed_ids: HashSet<&str> = listed.iter().map(|(id, _, _)| id.as_str()).collect();
            let removed = state
                .modified
                .keys()
                .filter(|id| !listed_ids.contains(id.as_str()))
                .count();
            (posts, kept, removed)
        }
        None => (read(url, "articles", pages(WHOLE, true)?)?, Vec::new(), 0),
    };
    let updated = posts.len();
    let mut articles: Vec<_> = posts.iter().map(|p| mapper.article(p)).collect();
    // An image of the text whose size Ghost wrote: Ghost's copies of it, in every format
    // ([`g::sized`]), as a cover's below (a cover and its copy in the text are one file). Done
    // here, not in the mapping the browser shares: the full app's wasm would carry it.
    for block in articles.iter_mut().flat_map(|a| a.body.iter_mut()) {
        if let crate::model::content::Block::Image { image, .. } = block {
            if let (Some(width), Some(height)) = (image.width, image.height) {
                g::sized(image, width, height);
            }
        }
    }
    // Ghost's Content API says nothing of a feature image's size: read from the image itself,
    // once per post read (an unchanged post keeps its article, sizes included). An image that
    // cannot be read is shown as it is, and said.
    for article in &mut articles {
        let Some(cover) = article.summary.cover.as_mut() else {
            continue;
        };
        requests += 1;
        match image_size(http, &cover.src) {
            Ok((width, height)) => g::sized(cover, width, height),
            Err(e) => {
                let _ = writeln!(
                    to.progress,
                    "image de couverture sans taille, montrée telle quelle\u{a0}: {e}"
                );
            }
        }
    }
    articles.extend(kept);
    localize(http, to.dir, &mut articles, to.local_images, to.progress)?;
    // The themes of every post, changed or not: the whole posts give their tags, the kept
    // articles keep theirs from the previous site.json.
    let mut themes = g::tags(&posts);
    if let Some(previous) = fs::read_to_string(to.dir.join("site.json"))
        .ok()
        .and_then(|json| serde_json::from_str::<Site>(&json).ok())
    {
        themes.extend(previous.tags);
    }
    let used: HashSet<&str> = articles
        .iter()
        .flat_map(|a| a.summary.tags.iter().map(String::as_str))
        .collect();
    let themes = super::themes(
        themes
            .into_iter()
            .filter(|t| used.contains(t.slug.as_str())),
    );
    let site = site_for(
        to.dir,
        settings.settings.title.trim(),
        settings
            .settings
            .description
            .as_deref()
            .unwrap_or_default()
            .trim(),
        to.base_url,
        &settings.settings.url,
        themes,
    );
    let state = State {
        source: "ghost".into(),
        url: url.to_string(),
        modified: listed
            .into_iter()
            .map(|(id, _, updated)| (id, updated))
            .collect(),
        posts: Vec::new(),
    };
    write_dir(site, articles, &state, to.dir, (updated, removed, requests))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files as a server would give them: the start asked for, or a status.
    struct Files(Vec<(&'static str, Result<Vec<u8>, u16>)>);

    impl Get for Files {
        fn get(&self, url: &str) -> Result<Answer, String> {
            Err(format!("{url}: not asked in these tests"))
        }
        fn head_bytes(&self, url: &str, limit: usize) -> Result<Vec<u8>, String> {
            match self.0.iter().find(|(u, _)| *u == url).map(|(_, f)| f) {
                Some(Ok(bytes)) => Ok(bytes[..bytes.len().min(limit)].to_vec()),
                Some(Err(status)) => Err(format!("{url}\u{a0}: le serveur répond {status}")),
                None => Err(format!("{url}\u{a0}: pas de réponse")),
            }
        }
    }

    /// A JPEG whose size comes after 100 kB of metadata (a camera's), then its frame header.
    fn jpeg_after_metadata() -> Vec<u8> {
        let mut jpeg = vec![0xFF, 0xD8];
        for _ in 0..2 {
            // APP1 segments of 50 kB each (a segment's length is at most 64 kB).
            jpeg.extend([0xFF, 0xE1, 0xC3, 0x52]);
            jpeg.extend(std::iter::repeat_n(0u8, 0xC352 - 2));
        }
        // SOF0: precision 8, height 2988, width 5312, three components.
        jpeg.extend([0xFF, 0xC0, 0x00, 0x11, 0x08, 0x0B, 0xAC, 0x14, 0xC0, 0x03]);
        jpeg.extend([1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        jpeg.extend([0xFF, 0xD9]);
        jpeg
    }

    #[test]
    fn an_image_s_size_is_read_from_its_first_bytes() {
        let png = fs::read("public/images/evaluer-un-classifieur.png").unwrap();
        let files = Files(vec![
            ("http://cms/a.png", Ok(png)),
            ("http://cms/photo.jpg", Ok(jpeg_after_metadata())),
            (
                "http://cms/texte.jpg",
                Ok(b"<!doctype html><p>Pare-feu</p>".to_vec()),
            ),
            ("http://cms/absente.jpg", Err(404)),
        ]);
        assert_eq!(image_size(&files, "http://cms/a.png"), Ok((1200, 630)));
        // Its header beyond the first 64 kB: read further.
        assert_eq!(image_size(&files, "http://cms/photo.jpg"), Ok((5312, 2988)));
        let html = image_size(&files, "http://cms/texte.jpg").unwrap_err();
        assert!(html.contains("pas une image lisible"), "{html}");
        let gone = image_size(&files, "http://cms/absente.jpg").unwrap_err();
        assert!(gone.contains("404"), "{gone}");
    }
}

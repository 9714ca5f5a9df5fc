//! `veille-content import …`: a whole CMS site read through its public API and written as a
//! content directory in Veille's layout (`site.json`, `articles/<slug>.json`, the derived
//! files), which `veille-prerender --content DIR` builds. Native only.
//!
//! Each import is four stages, each testable alone: **fetch** ([`fetch`]: the CMS's API, page
//! by page), **compare** ([`state`]: what changed since the last import, from a light listing),
//! **map** (`cms::wordpress`, `cms::ghost`: the answers as Veille's model), **write**
//! ([`write`](mod@write): only the files that changed, each one whole; an import that fails before it
//! writes leaves the content as it was, one interrupted while it writes is finished by the
//! next). Why one stopped is an [`ImportError`], by kind.

mod error;
mod fetch;
mod http;
mod state;
mod write;

pub use error::ImportError;
pub use http::{image_size, refused, Answer, Get, Http};
pub use state::{compare, Changes, PUBLICATION_FILE, STATE_FILE};
pub use write::{write_derived, Derived};

use crate::cms::{ghost as g, media, wordpress};
use crate::model::content::{Article, ArticleSummary, Block, Catalog, Site};
use fetch::{GhostApi, WordPressApi};
use state::State;
use std::{
    collections::{BTreeMap, HashMap, HashSet},
    fs,
    io::Write,
    path::Path,
};
use write::{localize, site_for, write_dir};

/// What an import did, and the content it left.
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
    /// The content directory as it is now, read: a round renders from it rather than read the
    /// directory again.
    pub catalog: Catalog,
    /// The derived files (`index/`, `tags/`, `authors/`, `related/`) as written
    /// ([`write_derived`]).
    pub derived: Vec<Derived>,
}

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
    /// The hash of each API file as the last publication recorded it (`veille_build::publish`):
    /// a derived file that would be written with the same hash is not compared with the disk.
    pub published: Option<&'a std::collections::BTreeMap<String, String>>,
    /// Which of the articles already in the directory a round needs whole
    /// ([`Catalog::from_dir_keeping`]); the others are read without their text. `None`:
    /// every one, whole.
    pub whole: Option<&'a Whole<'a>>,
    /// The content directory as the last import left it, already read (a watcher keeps it
    /// from one round to the next): its articles are taken from it instead of read again.
    pub previous: Option<Catalog>,
}

/// Whether an article read from the content directory is needed whole, given the site.
pub type Whole<'a> = dyn Fn(&Site, &Article) -> bool + Sync + 'a;

/// Which posts an import reads.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// The whole listing, compared with the last import: what a first import, a watcher's first
    /// round and a timed round once an hour do; what sees every deletion nobody announced.
    Listing,
    /// The whole listing told from one page of the posts modified last, when that page can
    /// tell it ([`state::listing_from_recent`]), else read: what a watcher's timed round does
    /// between whole listings (one request rather than one per hundred posts).
    Recent,
    /// These posts alone, by the CMS's id (a notification named them): each read whole, or
    /// found gone when the CMS no longer publishes it. Every other post stays as the last import
    /// left it. The first import of a directory reads the whole listing all the same.
    Posts(&'a [String]),
}

/// The articles of the content directory whose slugs are in `keep`, as the last import wrote
/// them: moved out of its catalog, not copied (a copy of a large archive would double the
/// import's memory; figures in docs/scale.md). Taken from `previous` when given, else read
/// from `dir`. Those `whole` does not ask for are read without their text, and named in the
/// set: unless one of their images is still to be copied (`local_images`), which writes the
/// article again.
fn unchanged(
    dir: &Path,
    keep: &HashSet<&str>,
    (whole, previous): (Option<&Whole<'_>>, Option<Catalog>),
    local_images: bool,
) -> Result<(Vec<Article>, HashSet<String>), ImportError> {
    let to_copy =
        |summary: &ArticleSummary, body: &[Block]| local_images && media::to_copy(summary, body);
    let read_whole = |site: &Site, article: &Article| {
        keep.contains(article.summary.slug.as_str())
            && (whole.is_none_or(|whole| whole(site, article))
                || to_copy(&article.summary, &article.body))
    };
    let catalog = match previous {
        // Held from the last round, with the texts that round needed: those it withheld are
        // read again whole only if their images are to be copied now.
        Some(mut catalog) => {
            let copied: Vec<String> = catalog
                .bodies()
                .filter(|(s, _)| keep.contains(s.slug.as_str()))
                .filter(|(s, body)| !catalog.holds(&s.slug) && to_copy(s, body))
                .map(|(s, _)| s.slug.clone())
                .collect();
            catalog.hold(dir, &copied)?;
            catalog
        }
        None => Catalog::from_dir_keeping(dir, read_whole)?,
    };
    let (mut articles, mut withheld) = catalog.into_parts();
    articles.retain(|a| keep.contains(a.summary.slug.as_str()));
    withheld.retain(|slug| keep.contains(slug.as_str()));
    Ok((articles, withheld))
}

/// Imports the WordPress site at `url`.
pub fn wordpress(
    http: &dyn Get,
    url: &str,
    to: Destination<'_>,
    scope: Scope<'_>,
) -> Result<Imported, ImportError> {
    let Destination {
        dir,
        base_url,
        progress,
        local_images,
        published,
        whole,
        previous,
    } = to;
    let url = url.trim_end_matches('/');
    let mut api = WordPressApi::new(http, url);
    let info = api.info()?;
    // The first import reads every post whole; the next ones, the light listing (two fields),
    // then only the posts modified since, whole. What is no longer listed was deleted or
    // unpublished. With the posts a notification named, only those are read: one that does
    // not come back is no longer published.
    let state = State::read(dir, "wordpress", url);
    let (posts, known, kept, removed) = match &state {
        Some(state) => {
            let (changed, published): (Vec<_>, HashSet<String>) = match scope {
                Scope::Listing | Scope::Recent => {
                    let listed = wordpress_listing(&mut api, scope, state, progress)?;
                    let changes = state::compare(&state.modified, &listed);
                    let changed = api.posts(&changes.changed, progress)?;
                    (changed, listed.into_iter().map(|(id, _)| id).collect())
                }
                Scope::Posts(ids) => {
                    let changed = api.posts(ids, progress)?;
                    let back: HashSet<String> = changed.iter().map(|p| p.id.to_string()).collect();
                    let published = state
                        .modified
                        .keys()
                        .filter(|id| back.contains(*id) || !ids.contains(id))
                        .cloned()
                        .chain(back.iter().cloned())
                        .collect();
                    (changed, published)
                }
            };
            let read_now: HashSet<u64> = changed.iter().map(|p| p.id).collect();
            let (stay, gone): (Vec<_>, Vec<_>) = state
                .posts
                .iter()
                .cloned()
                .partition(|k| published.contains(&k.id.to_string()));
            let keep: HashSet<&str> = stay
                .iter()
                .filter(|k| !read_now.contains(&k.id))
                .map(|k| k.slug.as_str())
                .collect();
            let kept = unchanged(dir, &keep, (whole, previous), local_images)?;
            (changed, stay, kept, gone.len())
        }
        None => (api.all_posts(progress)?, Vec::new(), Default::default(), 0),
    };
    // Map.
    let mapper = wordpress::Mapper::with_known(&info.home, &known, &posts);
    let updated = posts.len();
    let mut articles: Vec<_> = posts.iter().map(|p| mapper.article(p)).collect();
    let mut fresh: HashSet<String> = articles.iter().map(|a| a.summary.slug.clone()).collect();
    let (kept, withheld) = kept;
    articles.extend(kept);
    // The terms themselves, for their descriptions; only those the articles use become themes.
    let mut terms = api.terms(progress)?;
    // Every article's images, kept ones included: an image already served by the site is
    // passed by, and a site imported before with `--images cms` gets its copies.
    fresh.extend(localize(http, dir, &mut articles, local_images, progress)?);
    let used: HashSet<&str> = articles
        .iter()
        .flat_map(|a| a.summary.tags.iter().map(String::as_str))
        .collect();
    terms.retain(|t| wordpress::tag_slug(t).is_some_and(|s| used.contains(s.as_str())));
    let slugs: HashSet<&str> = articles.iter().map(|a| a.summary.slug.as_str()).collect();
    let posts_now: Vec<wordpress::Known> = mapper
        .known()
        .into_iter()
        .filter(|k| slugs.contains(k.slug.as_str()))
        .collect();
    let mut modified = state.map(|s| s.modified).unwrap_or_default();
    modified.extend(
        posts
            .iter()
            .map(|p| (p.id.to_string(), p.modified_gmt.clone())),
    );
    let ids_now: HashSet<String> = posts_now.iter().map(|k| k.id.to_string()).collect();
    modified.retain(|id, _| ids_now.contains(id));
    let state = State {
        source: "wordpress".into(),
        url: url.to_string(),
        modified,
        posts: posts_now,
        slugs: BTreeMap::new(),
    };
    let site = site_for(
        dir,
        &crate::cms::tree::text_of(&info.name),
        &crate::cms::tree::text_of(&info.description),
        base_url,
        &info.home,
        wordpress::tags(&terms),
    );
    // Write.
    write_dir(
        site,
        (articles, withheld),
        &fresh,
        &state,
        (dir, published),
        (updated, removed, api.requests),
    )
}

/// WordPress' light listing, `(id, modified_gmt)` of each published post; for a timed round
/// ([`Scope::Recent`]), told from the posts modified last when they can tell it.
fn wordpress_listing(
    api: &mut WordPressApi<'_>,
    scope: Scope<'_>,
    state: &State,
    progress: &mut dyn Write,
) -> Result<fetch::Light, ImportError> {
    if let Scope::Recent = scope {
        let (page, total) = api.recent()?;
        let size = fetch::PER_PAGE as usize;
        if let Some(listed) = state::listing_from_recent(&state.modified, &page, total, size) {
            return Ok(listed);
        }
    }
    api.listing(progress)
}

/// Ghost's light listing, `(id, slug, updated_at)` of each published post; for a timed round
/// ([`Scope::Recent`]), told from the posts updated last when they can tell it, the slugs of
/// the others from the last import.
fn ghost_listing(
    api: &mut GhostApi<'_>,
    scope: Scope<'_>,
    state: Option<&State>,
    progress: &mut dyn Write,
) -> Result<fetch::LightGhost, ImportError> {
    if let (Scope::Recent, Some(state)) = (scope, state) {
        let (page, total) = api.recent()?;
        let pairs: Vec<(String, String)> = page
            .iter()
            .map(|(id, _, at)| (id.clone(), at.clone()))
            .collect();
        let size = fetch::PER_PAGE as usize;
        if let Some(listing) =
            state::listing_from_recent(&state.modified, &pairs, Some(total), size)
        {
            let mut slugs: HashMap<&str, &str> = state
                .slugs
                .iter()
                .map(|(id, slug)| (id.as_str(), slug.as_str()))
                .collect();
            slugs.extend(
                page.iter()
                    .map(|(id, slug, _)| (id.as_str(), slug.as_str())),
            );
            let listed: Option<Vec<_>> = listing
                .into_iter()
                .map(|(id, at)| Some((id.clone(), slugs.get(id.as_str())?.to_string(), at)))
                .collect();
            if let Some(listed) = listed {
                return Ok(listed);
            }
        }
    }
    api.listing(progress)
}

/// Imports the Ghost site at `url` (its Content API, with the integration's public `key`), as
/// [`wordpress()`] does.
pub fn ghost(
    http: &dyn Get,
    url: &str,
    key: &str,
    to: Destination<'_>,
    scope: Scope<'_>,
) -> Result<Imported, ImportError> {
    let url = url.trim_end_matches('/');
    let mut api = GhostApi::new(http, url, key);
    let settings = api.settings()?;
    let state = State::read(to.dir, "ghost", url);
    // The posts a notification named, read alone, when the last import recorded every post's
    // slug; else every published post, light (id, slug, last update): the slugs come from the
    // whole site, and a later import reads whole only the posts updated since.
    let named = match (scope, &state) {
        (Scope::Posts(ids), Some(state)) if state.slugs.len() == state.modified.len() => {
            Some((ids, state))
        }
        _ => None,
    };
    // Each post's id, Ghost slug and last update; and the posts read whole already.
    type Listed = Vec<(String, String, String)>;
    let (listed, read): (Listed, Option<Vec<g::Post>>) = match named {
        Some((ids, state)) => {
            let posts = api.posts(ids, to.progress)?;
            let mut now: BTreeMap<&str, (String, String)> = state
                .modified
                .iter()
                .filter(|(id, _)| !ids.contains(id))
                .filter_map(|(id, at)| {
                    Some((id.as_str(), (state.slugs.get(id)?.clone(), at.clone())))
                })
                .collect();
            for post in &posts {
                let at = post.updated_at.clone().unwrap_or_default();
                now.insert(&post.id, (post.slug.clone(), at));
            }
            let listed = now
                .into_iter()
                .map(|(id, (slug, at))| (id.to_string(), slug, at))
                .collect();
            (listed, Some(posts))
        }
        None => (
            ghost_listing(&mut api, scope, state.as_ref(), to.progress)?,
            None,
        ),
    };
    let pairs: Vec<(String, String)> = listed
        .iter()
        .map(|(id, slug, _)| (id.clone(), slug.clone()))
        .collect();
    let modified: Vec<(String, String)> = listed
        .iter()
        .map(|(id, _, updated)| (id.clone(), updated.clone()))
        .collect();
    let mapper = g::Mapper::of_site(&settings.settings.url, &pairs);
    let (posts, kept, removed): (Vec<g::Post>, (Vec<_>, _), usize) = match &state {
        Some(state) => {
            let changes = state::compare(&state.modified, &modified);
            let posts = match read {
                Some(posts) => posts,
                None => api.posts(&changes.changed, to.progress)?,
            };
            let read_now: HashSet<&str> = posts.iter().map(|p| p.id.as_str()).collect();
            let keep: HashSet<&str> = changes
                .unchanged
                .iter()
                .filter(|id| !read_now.contains(id.as_str()))
                .filter_map(|id| mapper.slug_of(id))
                .collect();
            let kept = unchanged(to.dir, &keep, (to.whole, to.previous), to.local_images)?;
            (posts, kept, changes.gone.len())
        }
        None => (api.all_posts(to.progress)?, Default::default(), 0),
    };
    // Map.
    let updated = posts.len();
    let mut articles: Vec<_> = posts.iter().map(|p| mapper.article(p)).collect();
    // An image of the text whose size Ghost wrote: Ghost's copies of it, in every format
    // ([`g::sized`]), as a cover's below (a cover and its copy in the text are one file). Done
    // here, not in the mapping the browser shares: the full app's wasm would carry it.
    for block in articles.iter_mut().flat_map(|a| a.body.iter_mut()) {
        if let Block::Image { image, .. } = block {
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
        match api.image_size(&cover.src) {
            Ok((width, height)) => g::sized(cover, width, height),
            Err(e) => {
                let _ = writeln!(
                    to.progress,
                    "image de couverture sans taille, montrée telle quelle\u{a0}: {e}"
                );
            }
        }
    }
    let mut fresh: HashSet<String> = articles.iter().map(|a| a.summary.slug.clone()).collect();
    let (kept, withheld) = kept;
    articles.extend(kept);
    fresh.extend(localize(
        http,
        to.dir,
        &mut articles,
        to.local_images,
        to.progress,
    )?);
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
    let themes = crate::cms::themes(
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
        modified: modified.into_iter().collect(),
        posts: Vec::new(),
        slugs: pairs.into_iter().collect(),
    };
    // Write.
    write_dir(
        site,
        (articles, withheld),
        &fresh,
        &state,
        (to.dir, to.published),
        (updated, removed, api.requests),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A CMS that answers every request alike: `Err` for no answer at all.
    struct Always(Result<(u16, &'static str), &'static str>);

    impl Get for Always {
        fn get(&self, _url: &str, _headers: &[&str]) -> Result<Answer, ImportError> {
            self.0
                .map(|(status, body)| Answer {
                    status,
                    body: body.to_string(),
                    headers: Vec::new(),
                })
                .map_err(|why| ImportError::Unreachable(why.to_string()))
        }
        fn head_bytes(&self, url: &str, _limit: usize) -> Result<Vec<u8>, ImportError> {
            Err(ImportError::Unreachable(format!(
                "{url}\u{a0}: pas de réponse"
            )))
        }
    }

    /// Each way a CMS fails, by kind, and whether a later import may pass; the directory is
    /// never touched.
    #[test]
    fn a_failed_import_says_what_kind_of_failure_it_was() {
        let dir = std::env::temp_dir().join(format!("veille-import-kinds-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let import = |cms: &str, http: &Always| {
            let mut progress = Vec::new();
            let to = Destination {
                dir: &dir,
                base_url: None,
                progress: &mut progress,
                local_images: false,
                published: None,
                whole: None,
                previous: None,
            };
            match cms {
                "ghost" => ghost(http, "http://cms.example", "clé", to, Scope::Listing),
                _ => wordpress(http, "http://cms.example", to, Scope::Listing),
            }
            .map(|_| ())
        };
        for cms in ["wordpress", "ghost"] {
            let down = import(
                cms,
                &Always(Err("http://cms.example\u{a0}: pas de réponse")),
            );
            assert!(
                matches!(down, Err(ImportError::Unreachable(_))),
                "{cms}: {down:?}"
            );
            let busy = import(cms, &Always(Ok((503, "{}")))).unwrap_err();
            assert!(
                matches!(busy, ImportError::Refused { status: 503, .. }),
                "{cms}: {busy:?}"
            );
            assert!(busy.is_retryable());
            let html =
                import(cms, &Always(Ok((200, "<!doctype html><p>Pare-feu</p>")))).unwrap_err();
            assert!(
                matches!(html, ImportError::Unreadable(_)),
                "{cms}: {html:?}"
            );
            assert!(!html.is_retryable());
            assert!(html.to_string().contains("pas du JSON"), "{html}");
        }
        let key = import("ghost", &Always(Ok((401, "{}")))).unwrap_err();
        assert!(matches!(key, ImportError::Refused { status: 401, .. }) && !key.is_retryable());
        assert!(!dir.exists());
    }
}

//! Keeping a built site current with its CMS (native): `veille-content sync` runs one round,
//! `veille-content watch` runs rounds until stopped (on a timer, and when the CMS says
//! something changed: [`webhook`]).
//!
//! A round: the incremental import into the content directory (`cms::import`); the derived
//! API files; the content directory mirrored into the site's own API (`dist/api/`, when the site
//! serves one); the pages written again with [`prerender::publish`] (only the files whose bytes
//! changed, each renamed into place whole, articles before the lists that link to them, then
//! the pages that are gone removed); what the search page adds to its index and leaves out of
//! it (`search::Recent`); the deploy hook, handed the files written and removed.
//! Nothing needs trunk, Rust or Node: the built site in `dist/` is the template. A round reads
//! the archive's summaries, and whole only the articles it renders or the search lacks; the
//! watcher keeps what it read from one round to the next ([`Memory`]).
//!
//! Safe to stop at any moment: every file is whole before or after, and the round is done
//! again from the start by the next one until it has run to its end ([`MARKER`]); a CMS down
//! or answering garbage leaves the content and the site as they were.

pub mod schedule;
pub mod webhook;

use crate::prerender::{self, BuildError};
use schedule::{Cause, Schedule};
use sha2::{Digest, Sha256};
use std::{
    collections::{BTreeMap, BTreeSet, HashSet},
    fmt, fs,
    path::{Path, PathBuf},
    time::{Duration, Instant},
};
use veille::{
    cms::import::{self, Destination, Get, ImportError, Imported, Scope},
    content::{Archive, Article, Catalog, LoadError, Site, Source},
    model::files::{Doing, FileError},
    output::{self, files_under, short_hash, Writes},
};
use webhook::Notice;

/// The file of the content directory that records the last round that ran to its end: the
/// content it published, and what a deploy hook that failed has still to send. Never copied
/// into the site; the import leaves it alone.
pub const MARKER: &str = import::PUBLICATION_FILE;

/// The CMS a site is imported from.
#[derive(Debug, Clone)]
pub enum Cms {
    WordPress { url: String },
    Ghost { url: String, key: String },
}

/// How a round imports and deploys.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The public address of the site (the import's `--base-url`).
    pub base_url: Option<String>,
    /// The images linked on the CMS rather than copied (`--images cms`).
    pub cms_images: bool,
    /// A shell command run after each round that wrote or removed files (`--deploy`).
    pub deploy: Option<String>,
}

/// What a round did.
#[derive(Debug, Default)]
pub struct Round {
    /// Articles in the content directory now.
    pub articles: usize,
    /// Posts read again (new or modified), and articles gone.
    pub updated: usize,
    pub removed: usize,
    /// Requests made to the CMS: a few for a notified round, whatever the archive's size; the
    /// whole listing's pages more for a timed one.
    pub requests: usize,
    /// Paths under the site's folder, `/`-separated.
    pub written: Vec<String>,
    pub deleted: Vec<String>,
    /// The round found the site already current (nothing imported, and the last round done).
    pub current: bool,
    pub seconds: f64,
}

impl Round {
    /// The line the log gets for this round, in French.
    pub fn line(&self) -> String {
        let cost = format!(
            "{}, {}\u{a0}requête{} au CMS",
            seconds(self.seconds),
            self.requests,
            if self.requests > 1 { "s" } else { "" }
        );
        if self.current {
            return format!(
                "à jour\u{a0}: {} articles, rien de nouveau ({cost})",
                veille::french::number(self.articles as u64),
            );
        }
        format!(
            "publié\u{a0}: {} lus, {} retirés\u{a0}; {} fichiers écrits, {} supprimés\u{a0}; {} articles en ligne ({cost})",
            self.updated,
            self.removed,
            self.written.len(),
            self.deleted.len(),
            veille::french::number(self.articles as u64),
        )
    }
}

/// `1,25 s`.
fn seconds(s: f64) -> String {
    format!("{s:.2}\u{a0}s").replace('.', ",")
}

/// Why a round stopped, by kind. Whatever the kind, the site is as the last round left it.
#[derive(Debug)]
pub enum PublishError {
    /// The import: the CMS down, refusing, or answering what is not its API.
    Import(ImportError),
    /// The content directory or the site's folder could not be read or written.
    Site(BuildError),
    /// The deploy hook failed: its files are kept and handed to it again next round.
    Deploy(String),
    /// `--listen ADDRESS`: no listening there (taken, or not this machine's).
    Listen {
        address: String,
        kind: std::io::ErrorKind,
        code: Option<i32>,
    },
}

impl PublishError {
    /// Whether the same round may succeed later without anyone changing anything.
    pub fn is_retryable(&self) -> bool {
        match self {
            PublishError::Import(error) => error.is_retryable(),
            PublishError::Site(_) | PublishError::Listen { .. } => false,
            PublishError::Deploy(_) => true,
        }
    }
}

impl fmt::Display for PublishError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PublishError::Import(error) => write!(f, "import\u{a0}: {error}"),
            PublishError::Site(message) => write!(f, "site\u{a0}: {message}"),
            PublishError::Deploy(message) => write!(f, "déploiement\u{a0}: {message}"),
            PublishError::Listen {
                address,
                kind,
                code,
            } => write!(
                f,
                "--listen {address}\u{a0}: impossible d’écouter ({})",
                veille::model::files::reason(*kind, *code)
            ),
        }
    }
}

impl std::error::Error for PublishError {}

veille::model::wrap_errors!(PublishError {
    BuildError => Site,
    FileError => Site,
    LoadError => Site,
});

/// What [`MARKER`] holds.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct Marker {
    /// The fingerprint of the content the last round published whole ([`fingerprint`]).
    contenu: String,
    /// Files written and removed that the deploy hook has not yet been handed: recorded with
    /// the publication that wrote them, in the same write, so that a round stopped before its
    /// hook ran (or whose hook failed) hands them on the next.
    #[serde(default)]
    a_deployer: BTreeSet<String>,
    #[serde(default)]
    a_supprimer: BTreeSet<String>,
    /// When the news sitemap next changes on its own (an article leaves the two days it lists),
    /// in seconds since 1970: a round that finds nothing new publishes then all the same.
    nouvelles_jusqu_a: Option<i64>,
    /// The site's data as its pages were last rendered from it: each file of the API
    /// (`site.json`, `articles/…`, the lists), by name, with a hash of its bytes.
    #[serde(default)]
    api: BTreeMap<String, String>,
    /// The site's folder whose pages [`Marker::api`] describes: another folder's pages are
    /// rendered whole.
    #[serde(default)]
    site: Option<String>,
}

impl Marker {
    fn read(dir: &Path) -> Marker {
        fs::read_to_string(dir.join(MARKER))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    fn write(&self, dir: &Path) -> Result<(), FileError> {
        output::replace(&dir.join(MARKER), output::json(self).as_bytes())
    }
}

/// What the import wrote that a page can show: its state (each post's last modification)
/// and the site's settings. The same bytes, the same site.
fn fingerprint(dir: &Path) -> String {
    let mut hash = Sha256::new();
    for name in [import::STATE_FILE, "site.json"] {
        hash.update(fs::read(dir.join(name)).unwrap_or_default());
        hash.update([0]);
    }
    format!("{:x}", hash.finalize())
}

/// What a watcher keeps from one round to the next: the content directory as the last round
/// left it, read (summaries, images, the texts the search page needs), so that the next round
/// does not read the whole archive again. Kept only while nothing else changes the directory
/// or the search index; a round that fails forgets it.
#[derive(Default)]
pub struct Memory {
    held: Option<Held>,
}

struct Held {
    /// [`fingerprint`] of the content directory, and the search index's hash, when it was kept.
    content: String,
    index: String,
    catalog: Catalog,
}

/// One round: the CMS imported into `dir` (the posts of `scope`), the site in `dist` brought
/// up to date. `memory`: what the last round of the same process kept.
pub fn round(
    http: &dyn Get,
    cms: &Cms,
    (dir, dist): (&Path, &Path),
    options: &Options,
    scope: Scope<'_>,
    memory: &mut Memory,
) -> Result<Round, PublishError> {
    let started = Instant::now();
    let mut progress = std::io::sink();
    let before = Marker::read(dir);
    let (indexed, index) = search_index(dist);
    let whole = needed_whole(indexed.as_ref());
    let previous = memory
        .held
        .take()
        .filter(|held| held.content == fingerprint(dir) && held.index == index)
        .map(|held| held.catalog);
    let to = Destination {
        dir,
        base_url: options.base_url.as_deref(),
        progress: &mut progress,
        local_images: !options.cms_images,
        published: Some(&before.api),
        whole: Some(&whole),
        previous,
    };
    let Imported {
        articles,
        updated,
        removed,
        requests,
        catalog,
        derived,
        ..
    } = match cms {
        Cms::WordPress { url } => import::wordpress(http, url, to, scope),
        Cms::Ghost { url, key } => import::ghost(http, url, key, to, scope),
    }
    .map_err(PublishError::Import)?;
    let content = fingerprint(dir);
    let mut round = Round {
        articles,
        updated,
        removed,
        requests,
        ..Round::default()
    };
    let news_aged = before
        .nouvelles_jusqu_a
        .is_some_and(|until| webhook::now_ms() as i64 / 1000 >= until);
    if before.contenu == content
        && before.a_deployer.is_empty()
        && before.a_supprimer.is_empty()
        && !news_aged
    {
        memory.held = Some(Held {
            content,
            index,
            catalog,
        });
        round.current = true;
        round.seconds = started.elapsed().as_secs_f64();
        return Ok(round);
    }
    let (written, deleted, mut catalog) =
        publish_catalog(dir, dist, catalog, derived, indexed.as_ref())?;
    // Kept for the next round, the texts it read for its pages let go again.
    catalog.withhold(&whole);
    let kept = Held {
        content: content.clone(),
        index,
        catalog,
    };
    // Read again: the publication recorded the data it rendered, and what the hook has to get
    // (what an earlier round left included).
    let mut marker = Marker::read(dir);
    marker.contenu = content;
    let deployed = match &options.deploy {
        Some(command) if !(marker.a_deployer.is_empty() && marker.a_supprimer.is_empty()) => {
            deploy(command, dist, &marker.a_deployer, &marker.a_supprimer)
        }
        _ => Ok(()),
    };
    if deployed.is_ok() {
        marker.a_deployer.clear();
        marker.a_supprimer.clear();
    }
    marker.write(dir)?;
    memory.held = Some(kept);
    deployed?;
    round.written = written;
    round.deleted = deleted;
    round.seconds = started.elapsed().as_secs_f64();
    Ok(round)
}

/// The site in `dist` brought up to date with the content directory `dir`: the files written
/// and removed, as paths under `dist`. The derived API files first (into `dir`), then the
/// site's API mirrored (articles, then lists), the images' copies, the pages, and last what is
/// gone, once nothing links to it.
///
/// What a page shows is its API file's data and the site's settings: an article's page, its
/// article and its « À lire aussi » (`articles/<slug>.json`, `related/<slug>.json`); a list's
/// page, its page of the list (`index/<n>.json`, `tags/<slug>/<n>.json`,
/// `authors/<slug>/<n>.json`). So the pages rendered again are those whose API file changed
/// since the last publication ([`Marker::api`]); every page when the settings (`site.json`)
/// changed, or when nothing was recorded.
pub fn publish(dir: &Path, dist: &Path) -> Result<(Vec<String>, Vec<String>), BuildError> {
    let (indexed, _) = search_index(dist);
    let catalog = Catalog::from_dir_keeping(dir, needed_whole(indexed.as_ref()))?;
    let derived = import::write_derived(&catalog, dir, Some(&Marker::read(dir).api))?;
    let (written, deleted, _) = publish_catalog(dir, dist, catalog, derived, indexed.as_ref())?;
    Ok((written, deleted))
}

/// After a whole build of the site in `dist` from the content directory `dir`
/// (`veille-prerender --content DIR`, `catalog` what it read), records that its pages show this
/// content, as a round records what it published: the next round renders only what changed
/// since, rather than every page (at 100,000 articles, minutes and the whole archive's texts).
pub fn record_build(dir: &Path, dist: &Path, catalog: &Catalog) -> Result<(), BuildError> {
    let read = |name: String| {
        let path = dir.join(&name);
        let bytes = fs::read(&path).map_err(|e| FileError::io(&path, Doing::Read, &e))?;
        Ok::<_, FileError>((name, short_hash(&bytes)))
    };
    let mut files = vec!["site.json".to_string()];
    files.extend(files_under(dir, &["articles"]));
    let mut api = BTreeMap::new();
    for file in veille::parallel::map(files, read) {
        let (name, hash) = file?;
        api.insert(name, hash);
    }
    // The lists as the pages show them, made from the catalog (those on disk may be older).
    let derived = veille::parallel::map(catalog.derived_files(), |file| {
        let (name, text) = catalog.derived_file(file)?;
        Some((name, short_hash(text.as_bytes())))
    });
    api.extend(derived.into_iter().flatten());
    let mut marker = Marker::read(dir);
    marker.api = api;
    marker.site = Some(site_folder(dist));
    Ok(marker.write(dir)?)
}

/// `dist` as [`Marker::site`] names it.
fn site_folder(dist: &Path) -> String {
    let folder = dist.canonicalize().unwrap_or_else(|_| dist.to_path_buf());
    folder.to_string_lossy().into_owned()
}

/// The search index's fingerprint of each article it holds ([`veille::search::INDEXED_FILE`]),
/// when the site has one; and a hash of that file (empty without it), which tells a watcher
/// whether the index was built again since its last round.
fn search_index(dist: &Path) -> (Option<BTreeMap<String, String>>, String) {
    match fs::read(dist.join(veille::search::INDEXED_FILE)) {
        Ok(bytes) => (serde_json::from_slice(&bytes).ok(), short_hash(&bytes)),
        Err(_) => (None, String::new()),
    }
}

/// Which articles a round needs whole before it knows what changed: those the search index
/// (`indexed`) does not hold as they are, whose text the search page is handed. The pages to
/// render are read whole later ([`Catalog::hold`]); the rest of a round needs summaries only.
fn needed_whole(
    indexed: Option<&BTreeMap<String, String>>,
) -> impl Fn(&Site, &Article) -> bool + Sync + '_ {
    move |site, article| {
        indexed.is_some_and(|indexed| !veille::search::holds(indexed, site, article))
    }
}

/// [`publish`], with the content directory already read (`catalog`, the articles
/// [`needed_whole`] whole) and its derived files already written (`derived`): what an import
/// that just ran has at hand. `indexed`: the search index's fingerprints, as `catalog` was read
/// with them. The catalog is handed back, with the texts of the pages it rendered.
pub fn publish_catalog(
    dir: &Path,
    dist: &Path,
    mut catalog: Catalog,
    derived: Vec<import::Derived>,
    indexed: Option<&BTreeMap<String, String>>,
) -> Result<(Vec<String>, Vec<String>, Catalog), BuildError> {
    let mut marker = Marker::read(dir);
    // The data every page is rendered from, as the API serves it: each file's hash, and the
    // bytes of those that changed since the last publication (only those: the archive's
    // bytes are not held whole).
    let read = |name: &str| {
        let path = dir.join(name);
        fs::read(&path).map_err(|e| FileError::io(&path, Doing::Read, &e))
    };
    let site = read("site.json")?;
    let recorded = !marker.api.is_empty()
        && marker.api.get("site.json") == Some(&short_hash(&site))
        && marker.site == Some(site_folder(dist));
    let mut hashes: BTreeMap<String, String> = BTreeMap::new();
    let mut data: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let changed_since = |name: &str, hash: &str| {
        !recorded || marker.api.get(name).map(String::as_str) != Some(hash)
    };
    let mut add = |name: String, hash: String, bytes: Vec<u8>| {
        if changed_since(&name, &hash) {
            data.insert(name.clone(), bytes);
        }
        hashes.insert(name, hash);
    };
    add("site.json".to_string(), short_hash(&site), site);
    // Every article file read and hashed on every core, its bytes kept only if they changed.
    let articles = veille::parallel::map(files_under(dir, &["articles"]), |name| {
        let bytes = read(&name)?;
        let hash = short_hash(&bytes);
        let bytes = if changed_since(&name, &hash) {
            bytes
        } else {
            Vec::new()
        };
        Ok::<_, FileError>((name, hash, bytes))
    });
    for article in articles {
        let (name, hash, bytes) = article?;
        add(name, hash, bytes);
    }
    for file in derived {
        let bytes = match file.text {
            Some(text) => text.into_bytes(),
            // Unchanged since the last publication, and on disk: needed only to publish all.
            None if changed_since(&file.name, &file.hash) => read(&file.name)?,
            None => Vec::new(),
        };
        add(file.name, file.hash, bytes);
    }
    let changed: BTreeSet<&String> = data
        .keys()
        .chain(marker.api.keys().filter(|name| !hashes.contains_key(*name)))
        .collect();
    let only: Option<HashSet<String>> =
        recorded.then(|| changed.iter().filter_map(|name| route_of(name)).collect());
    // The articles whose pages are rendered, read whole: every one when every page is.
    match &only {
        None if !catalog.is_whole() => catalog = Catalog::from_dir(dir)?,
        None => {}
        Some(routes) => {
            let article = veille::routes::article("");
            let slugs: Vec<String> = routes
                .iter()
                .filter_map(|route| route.strip_prefix(&article))
                .map(str::to_string)
                .collect();
            catalog.hold(dir, &slugs)?;
        }
    }
    let catalog = std::sync::Arc::new(catalog);

    let mut written = Vec::new();
    let mut deleted = Vec::new();
    // The site's own API, when it serves one (`VEILLE_CONTENT=… ./dev.sh build`): the files
    // that changed (every one compared, the first time).
    let api = dist.join("api");
    let serves_api = api.join("site.json").is_file();
    if serves_api {
        // Articles first, then the lists that name them.
        let (articles, lists): (Vec<&String>, Vec<&String>) = changed
            .iter()
            .copied()
            .filter(|name| data.contains_key(*name))
            .partition(|name| name.starts_with("articles/"));
        for name in articles.into_iter().chain(lists) {
            if output::put(&api, name, &data[name], Writes::Changed)?.is_some() {
                written.push(format!("api/{name}"));
            }
        }
    }
    for file in prerender::copy_media(dir, dist)? {
        written.push(relative(dist, &file));
    }
    let source = Source::Archive(Archive(catalog.clone()));
    let report = prerender::publish(dist, &catalog, &source, only.as_ref())?;
    written.extend(report.files.iter().map(|f| relative(dist, f)));
    // The search: what changed since its index was built, for the search page to add to the
    // index's answers and to leave out of them (`search::Recent`).
    if let Some(indexed) = indexed {
        let recent = output::json(&veille::search::recent(&catalog, indexed));
        let file = veille::search::RECENT_FILE;
        if output::put(dist, file, recent.as_bytes(), Writes::Changed)?.is_some() {
            written.push(file.to_string());
        }
    }
    deleted.extend(report.removed.iter().map(|f| relative(dist, f)));
    if serves_api {
        for old in files_under(&api, &[]) {
            if !hashes.contains_key(&old) {
                remove(&api, &old)?;
                deleted.push(format!("api/{old}"));
            }
        }
    }
    marker.api = hashes;
    marker.site = Some(site_folder(dist));
    // A file both written and removed since the hook last ran is whatever the last said.
    for file in &written {
        marker.a_supprimer.remove(file);
        marker.a_deployer.insert(file.clone());
    }
    for file in &deleted {
        marker.a_deployer.remove(file);
        marker.a_supprimer.insert(file.clone());
    }
    marker.nouvelles_jusqu_a = crate::feeds::news_changes_at(&catalog, prerender::build_time());
    marker.write(dir)?;
    drop(source);
    // The pages rendered, nothing else holds the catalog.
    let catalog = std::sync::Arc::try_unwrap(catalog).unwrap_or_else(|shared| (*shared).clone());
    Ok((written, deleted, catalog))
}

/// The route whose page shows the data of the API file `name`, if one does.
fn route_of(name: &str) -> Option<String> {
    use veille::routes;
    let name = name.strip_suffix(".json")?;
    let page = |rest: &str| -> Option<(String, u32)> {
        let (slug, n) = rest.rsplit_once('/')?;
        Some((slug.to_string(), n.parse().ok()?))
    };
    match name.split_once('/')? {
        ("articles" | "related", slug) => Some(routes::article(slug)),
        ("index", n) => Some(routes::page_href(routes::HOME, n.parse().ok()?)),
        ("tags", rest) => page(rest).map(|(slug, n)| routes::page_href(&routes::tag(&slug), n)),
        ("authors", rest) => {
            page(rest).map(|(slug, n)| routes::page_href(&routes::author(&slug), n))
        }
        _ => None,
    }
}

/// Runs the deploy hook: `sh -c command`, with `VEILLE_SITE` (the site's folder),
/// `VEILLE_ECRITS` and `VEILLE_SUPPRIMES` (files listing the paths written and removed, one a
/// line, relative to the site's folder: what `rsync --files-from` reads).
fn deploy(
    command: &str,
    dist: &Path,
    written: &BTreeSet<String>,
    deleted: &BTreeSet<String>,
) -> Result<(), PublishError> {
    let lists = std::env::temp_dir().join(format!("veille-deploiement-{}", std::process::id()));
    let failed = |error: FileError| PublishError::Deploy(error.to_string());
    fs::create_dir_all(&lists).map_err(|e| failed(FileError::io(&lists, Doing::Create, &e)))?;
    let list = |name: &str, files: &BTreeSet<String>| {
        let path = lists.join(name);
        let text: String = files.iter().map(|f| format!("{f}\n")).collect();
        fs::write(&path, text).map_err(|e| failed(FileError::io(&path, Doing::Write, &e)))?;
        Ok::<_, PublishError>(path)
    };
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(command)
        .env("VEILLE_SITE", dist)
        .env("VEILLE_ECRITS", list("ecrits.txt", written)?)
        .env("VEILLE_SUPPRIMES", list("supprimes.txt", deleted)?)
        .status()
        .map_err(|e| {
            PublishError::Deploy(format!(
                "« {command} »\u{a0}: impossible de lancer sh ({})",
                veille::model::files::reason(e.kind(), e.raw_os_error())
            ))
        })?;
    let _ = fs::remove_dir_all(&lists);
    if status.success() {
        Ok(())
    } else {
        Err(PublishError::Deploy(format!(
            "« {command} » a échoué ({status})\u{a0}: ses {} fichiers lui seront repassés au prochain tour",
            written.len() + deleted.len()
        )))
    }
}

/// Removes `root/name`, and its folder when it held nothing else.
fn remove(root: &Path, name: &str) -> Result<(), FileError> {
    let path = root.join(name);
    fs::remove_file(&path).map_err(FileError::at(&path, Doing::Remove))?;
    if let Some(folder) = path.parent().filter(|f| *f != root) {
        let _ = fs::remove_dir(folder);
    }
    Ok(())
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// How [`watch`] runs.
#[derive(Debug, Clone)]
pub struct Watch {
    /// The time between two rounds (`--poll`): what catches a lost notification.
    pub poll: Duration,
    /// Where to listen for notifications, with the secret that signs them (`--listen`,
    /// `--secret`).
    pub listen: Option<(String, String)>,
    /// A file rewritten after each round with the watcher's health (`--health`), as JSON.
    pub health: Option<PathBuf>,
}

/// What the watcher says of itself (`GET /sante`, `--health FILE`).
#[derive(Debug, Default, serde::Serialize)]
struct Health {
    /// `ok`, or `en erreur` while rounds fail.
    etat: &'static str,
    tours: u64,
    echecs_de_suite: u32,
    articles: usize,
    /// Seconds since 1970 (UTC) of the last round, and of the last that succeeded.
    dernier_tour: u64,
    dernier_succes: Option<u64>,
    derniere_erreur: Option<String>,
    derniere_publication: Option<String>,
}

/// Runs rounds until the process is stopped: one at once (what happened while the watcher was
/// down), then one each `poll` (from one start to the next), and one as soon as a signed
/// notification comes (several close together make one round); what each reads is
/// [`Schedule`]'s choice. A failed round is said in the log and tried again sooner, with
/// [`backoff`]; the site stays as the last good round left it.
pub fn watch(
    http: &dyn Get,
    cms: &Cms,
    dir: &Path,
    dist: &Path,
    options: &Options,
    how: &Watch,
    log: fn(&str),
) -> Result<(), PublishError> {
    use std::sync::{mpsc, Arc, Mutex};
    let health_text = Arc::new(Mutex::new(String::from("{\"etat\":\"démarrage\"}")));
    let (notify, notified) = mpsc::channel::<webhook::Notice>();
    if let Some((address, secret)) = &how.listen {
        let bound = webhook::listen(
            address,
            secret.clone(),
            health_text.clone(),
            notify.clone(),
            log,
        )
        .map_err(|e| PublishError::Listen {
            address: address.clone(),
            kind: e.kind(),
            code: e.raw_os_error(),
        })?;
        log(&format!(
            "à l’écoute des notifications sur http://{bound}/ (ghost, wordpress, sante)"
        ));
    }
    let mut health = Health::default();
    let mut schedule = Schedule::new(how.poll, Instant::now());
    let mut cause = Cause::Start;
    let mut reason = String::from("démarrage");
    let mut memory = Memory::default();
    loop {
        health.tours += 1;
        health.dernier_tour = webhook::now_ms() / 1000;
        let started = Instant::now();
        let scope = schedule.scope(&cause, started);
        let result = round(http, cms, (dir, dist), options, scope, &mut memory);
        schedule.done(&cause, scope, started, result.is_ok(), Instant::now());
        health.echecs_de_suite = schedule.failures();
        match result {
            Ok(done) => {
                log(&format!("{reason}\u{a0}— {}", done.line()));
                health.articles = done.articles;
                health.dernier_succes = Some(health.dernier_tour);
                health.derniere_erreur = None;
                if !done.current {
                    health.derniere_publication = Some(done.line());
                }
            }
            Err(error) => {
                let again = if error.is_retryable() {
                    "nouvel essai bientôt"
                } else {
                    "nouvel essai au prochain tour ou à la prochaine notification"
                };
                log(&format!("{reason}\u{a0}— échec\u{a0}: {error} ({again})"));
                health.derniere_erreur = Some(error.to_string());
            }
        }
        health.etat = if health.echecs_de_suite == 0 {
            "ok"
        } else {
            "en erreur"
        };
        let text = output::json(&health);
        if let Ok(mut shared) = health_text.lock() {
            shared.clone_from(&text);
        }
        if let Some(file) = &how.health {
            output::replace(file, text.as_bytes())?;
        }
        // `notify` stays alive here: without a listener, the wait is the timer alone. A due
        // timed round runs before the notifications that wait; they come next.
        let wait = schedule.wait(Instant::now());
        (reason, cause) = match (!wait.is_zero())
            .then(|| notified.recv_timeout(wait).ok())
            .flatten()
        {
            Some(first) => {
                // Notifications close together (Ghost sends one per event) make one round.
                let mut notices = vec![first];
                while let Ok(next) = notified.recv_timeout(Duration::from_millis(150)) {
                    notices.push(next);
                }
                let mut said: Vec<&str> = notices.iter().map(|n| n.said.as_str()).collect();
                said.dedup();
                let named = Notice::merge(&notices);
                (
                    format!("notifié ({})", said.join(", ")),
                    Cause::Notified(named),
                )
            }
            None => ("tour régulier".to_string(), Cause::Timer),
        };
    }
}

/// How long to wait before the next round after `failures` failed ones in a row: the polling
/// interval, shortened while the CMS is out of reach (5 s, 10 s, 20 s… at most the interval).
pub fn backoff(failures: u32, poll: Duration) -> Duration {
    if failures == 0 {
        return poll;
    }
    let step = Duration::from_secs(5).saturating_mul(1 << failures.min(10).saturating_sub(1));
    step.min(poll)
}

/// Why a command of the native tools failed (`veille-content`, `veille-prerender`), for the
/// last line it writes on stderr, by the stage that failed; in French.
#[derive(Debug)]
pub enum ToolError {
    /// The command line: what is wrong with it, with the usage when it helps.
    Usage(String),
    Build(BuildError),
    Import(ImportError),
    Publish(PublishError),
    /// Veille's own bundled content does not pass its checks (a bug of this build).
    Bundled(veille::content::ContentError),
    /// A benchmark's own input: a photograph that cannot be decoded or cut.
    Bench(String),
}

impl fmt::Display for ToolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ToolError::Usage(message) | ToolError::Bench(message) => f.write_str(message),
            ToolError::Build(error) => error.fmt(f),
            ToolError::Import(error) => error.fmt(f),
            ToolError::Publish(error) => error.fmt(f),
            ToolError::Bundled(error) => {
                write!(f, "contenu embarqué\u{a0}: {}", error.for_editors())
            }
        }
    }
}

impl std::error::Error for ToolError {}

veille::model::wrap_errors!(ToolError {
    BuildError => Build,
    FileError => Build,
    LoadError => Build,
    ImportError => Import,
    PublishError => Publish,
});

/// A command line refused, said as it is written (a usage, or what an option wants).
impl From<&'static str> for ToolError {
    fn from(message: &'static str) -> Self {
        ToolError::Usage(message.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_round_says_what_it_did_in_french() {
        let round = Round {
            articles: 10_000,
            updated: 1,
            written: vec!["a".into(); 25],
            seconds: 1.254,
            requests: 4,
            ..Round::default()
        };
        assert_eq!(
            round.line(),
            "publié\u{a0}: 1 lus, 0 retirés\u{a0}; 25 fichiers écrits, 0 supprimés\u{a0}; 10\u{202f}000 articles en ligne (1,25\u{a0}s, 4\u{a0}requêtes au CMS)"
        );
        let current = Round {
            current: true,
            articles: 3,
            ..Round::default()
        };
        assert!(current.line().starts_with("à jour\u{a0}: 3 articles"));
    }

    #[test]
    fn each_api_file_names_the_page_that_shows_it() {
        for (file, route) in [
            ("articles/ia-et-sante.json", Some("/article/ia-et-sante")),
            ("related/ia-et-sante.json", Some("/article/ia-et-sante")),
            ("index/0.json", Some("/")),
            ("index/1.json", Some("/page/1")),
            ("index/3.json", Some("/page/3")),
            ("tags/sante/0.json", Some("/tag/sante")),
            ("tags/sante/2.json", Some("/tag/sante/page/2")),
            ("authors/claire/4.json", Some("/auteur/claire/page/4")),
            ("site.json", None),
            ("tags/sante/x.json", None),
        ] {
            assert_eq!(route_of(file).as_deref(), route, "{file}");
        }
    }

    #[test]
    fn failures_shorten_the_wait_then_grow_it_back_to_the_interval() {
        let poll = Duration::from_secs(30);
        assert_eq!(backoff(0, poll), poll);
        assert_eq!(backoff(1, poll), Duration::from_secs(5));
        assert_eq!(backoff(2, poll), Duration::from_secs(10));
        assert_eq!(backoff(3, poll), Duration::from_secs(20));
        assert_eq!(backoff(4, poll), poll);
        assert_eq!(backoff(40, poll), poll);
    }

    #[test]
    fn only_the_cms_out_of_reach_or_a_failed_deploy_is_worth_a_retry() {
        assert!(PublishError::Import(ImportError::Unreachable("x".into())).is_retryable());
        assert!(PublishError::Deploy("x".into()).is_retryable());
        assert!(!PublishError::Site(BuildError::Template("x".into())).is_retryable());
        assert!(!PublishError::Import(ImportError::Invalid("x".into())).is_retryable());
    }
}

//! The prerender step (native, with the app built `ssr`): renders every route of the site with
//! the app's own components into static HTML files under `dist/`, around trunk's `index.html`,
//! with the data the app needs to hydrate them without fetching anything again.
//!
//! Each page is trunk's page with, in `<head>`: the route marker ([`ROUTE_META`]), the
//! serialized resources (`__RESOLVED_RESOURCES`), leptos_meta's `<!--HEAD-->` marker and the
//! route's title, metas, canonical and JSON-LD; and in `<body>` the rendered app, exactly as the
//! wasm expects to find it.

mod error;
mod markup;
mod policy;
mod scripts;

pub use error::BuildError;

use crate::feeds;
use futures::{
    executor::{LocalPool, LocalSpawner},
    stream,
    task::LocalSpawnExt,
    StreamExt,
};
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use policy::{hash, policy_meta, policy_of, strip_policy, Hashes};
pub use policy::{with_policy, Policy};
use std::{
    cell::RefCell,
    collections::HashSet,
    fs,
    future::Future,
    path::{Path, PathBuf},
    sync::Arc,
};
use veille::{
    content::{Catalog, Source, API_META},
    escape,
    hydration::{
        APP_META, ISLANDS_META, NAVIGATION_LOADER, RENDERED_API_META, RENDERED_WITH_META,
        ROUTE_META,
    },
    model::files::{Doing, FileError},
    newsletter::{self, Provider},
    parallel,
    routes::{self, Route},
    App,
};

// Each render thread runs the tasks Leptos spawns on its own single-threaded pool: a page's
// resources resolve on the thread that renders it, without waking another thread per task
// (with a shared thread pool, most of the time went to switching threads).
thread_local! {
    static POOL: RefCell<LocalPool> = RefCell::new(LocalPool::new());
    static SPAWNER: RefCell<LocalSpawner> = POOL.with(|pool| RefCell::new(pool.borrow().spawner()));
}

/// This thread's pool replaced by an empty one, once a page is rendered: the tasks its render
/// left pending (the home page leaves some) hold the page's source, the whole catalog, until
/// the thread renders again. A watcher renders on its own thread too, and keeps its catalog
/// for the next round: held twice, it was copied whole at each round (tests/prerender.rs).
fn new_pool() {
    let pool = LocalPool::new();
    SPAWNER.with(|spawner| *spawner.borrow_mut() = pool.spawner());
    POOL.with(|old| drop(old.replace(pool)));
}

struct ThreadPools;

impl any_spawner::CustomExecutor for ThreadPools {
    fn spawn(&self, fut: any_spawner::PinnedFuture<()>) {
        SPAWNER.with(|s| {
            s.borrow()
                .spawn_local(fut)
                .expect("the render thread's pool is alive")
        });
    }
    fn spawn_local(&self, fut: any_spawner::PinnedLocalFuture<()>) {
        SPAWNER.with(|s| {
            s.borrow()
                .spawn_local(fut)
                .expect("the render thread's pool is alive")
        });
    }
    fn poll_local(&self) {
        POOL.with(|pool| {
            if let Ok(mut pool) = pool.try_borrow_mut() {
                pool.run_until_stalled();
            }
        });
    }
}

/// Makes Leptos spawn its tasks on the render threads' pools; set once per process.
fn init_executor() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Fails only when another executor is already set, which then serves.
        let _ = any_spawner::Executor::init_custom_executor(ThreadPools);
    });
}

/// Runs `fut` to completion on this thread's pool, with the tasks it spawns.
fn block_on<T>(fut: impl Future<Output = T>) -> T {
    POOL.with(|pool| pool.borrow_mut().run_until(fut))
}

/// trunk's `index.html`, with the places where each page's parts go.
#[derive(Debug, Clone)]
pub struct Template {
    /// Up to `</head>`, without trunk's `<title>`.
    head: String,
    /// The same without trunk's preload of the wasm, for the prerendered pages: they paint from
    /// their HTML, and the wasm fetched at the highest priority would compete on a phone's link
    /// with what paints them (docs/performance.md, « When the page's scripts start »). The
    /// loader still fetches the wasm at once; `404.html`, which renders only once it has run,
    /// keeps the preload.
    page_head: String,
    /// Where in `head` the Content-Security-Policy `<meta>` goes: right after the charset,
    /// before any script.
    policy_at: usize,
    /// From `</head>` to the end of the `<body …>` tag.
    body_open: String,
    /// From `</body>` to the end.
    tail: String,
    /// The hashes of the inline scripts and styles of `head` and of `tail`, computed once: the
    /// inlined CSS is the same on every page. `body_open` is read with
    /// leptos_meta's tags, which it follows.
    head_hashes: Hashes,
    tail_hashes: Hashes,
    /// The head of a page of islands, with its hashes ([`Template::with_islands`]); `None`:
    /// every page is the full app's to hydrate.
    islands_head: Option<(String, Hashes)>,
    /// The runtime configuration written in the page.
    pub newsletter: Provider,
    /// The newsletter `<meta>` as written, recorded in each page.
    pub newsletter_spec: String,
    /// What every page's Content-Security-Policy allows from the configuration (the hashes
    /// are added page by page).
    pub policy: Policy,
    pub content_api: String,
    /// What the content API is (`veille`, `wordpress`, `ghost`): [`veille::content::KIND_META`].
    pub content_kind: String,
}

impl Template {
    /// Reads trunk's output, minified or not.
    pub fn parse(html: &str) -> Result<Template, BuildError> {
        let lacks = |what: &str| BuildError::Template(format!("index.html\u{a0}: {what}"));
        let head_end = html
            .find("</head>")
            .ok_or_else(|| lacks("pas de </head> (est-ce bien la sortie de trunk\u{a0}?)"))?;
        let body_start = html[head_end..]
            .find("<body")
            .map(|i| head_end + i)
            .ok_or_else(|| lacks("pas de <body>"))?;
        let body_open_end = html[body_start..]
            .find('>')
            .map(|i| body_start + i + 1)
            .ok_or_else(|| lacks("<body> non fermé"))?;
        let body_end = html
            .rfind("</body>")
            .filter(|&i| i >= body_open_end)
            .ok_or_else(|| lacks("pas de </body>"))?;
        if html.contains(&format!("name={ROUTE_META}"))
            || html.contains(&format!("name=\"{ROUTE_META}\""))
        {
            return Err(lacks("déjà une page prérendue, pas le modèle de trunk"));
        }
        let mut head = html[..head_end].to_string();
        // leptos_meta writes each route's own title.
        if let (Some(start), Some(end)) = (head.find("<title>"), head.find("</title>")) {
            head.replace_range(start..end + "</title>".len(), "");
        }
        // spa.html, read again on a second run, carries its own policy: each page gets its own.
        strip_policy(&mut head);
        let meta = |name| markup::meta_content(html, name);
        let newsletter = Provider::from_config(
            meta(newsletter::PROVIDER_META).as_deref(),
            meta(newsletter::TIMEOUT_META).as_deref(),
        );
        let content_api = meta(API_META).unwrap_or_default();
        let content_kind = meta(veille::content::KIND_META).unwrap_or_default();
        let api_origin = policy::origin_of(&content_api);
        let signup_origin = newsletter
            .request("", "")
            .and_then(|request| policy::origin_of(&request.url));
        let policy = Policy {
            connect: api_origin.iter().chain(&signup_origin).cloned().collect(),
            images: api_origin.iter().cloned().collect(),
            form_action: newsletter
                .form_target()
                .and_then(|target| policy::origin_of(&target.action)),
            ..Policy::default()
        };
        let policy_at = head
            .find("<meta charset")
            .and_then(|i| head[i..].find('>').map(|j| i + j + 1))
            .unwrap_or(head.len());
        let body_open = html[head_end..body_open_end].to_string();
        let tail = html[body_end..].to_string();
        Ok(Template {
            head_hashes: Hashes::of(&head),
            islands_head: None,
            tail_hashes: Hashes::of(&tail),
            // After the policy's place only, so that the place stays where it is.
            page_head: format!(
                "{}{}",
                &head[..policy_at],
                markup::without_wasm_preload(&head[policy_at..])
            ),
            head,
            policy_at,
            body_open,
            tail,
            newsletter,
            content_api,
            content_kind,
            newsletter_spec: meta(newsletter::PROVIDER_META).unwrap_or_default(),
            policy,
        })
    }

    /// The same template, whose route pages are pages of islands: trunk's head without the full
    /// app's loader, naming instead the islands' wasm (from `islands_html`, trunk's page of the
    /// `islands` build) and the full app for `navigation.js`, which loads the one or the other.
    /// So too on a site that reads its content at run time (a content API, a CMS read live):
    /// each prerendered page is the build's, and the full app is for the addresses the build
    /// had no page for (`404.html`: an article published since), for a page whose
    /// configuration changed since the build ([`RENDERED_API_META`] records its content API),
    /// and for the search page of a site that asks its CMS what was published since
    /// ([`Template::searches_live`]).
    ///
    /// The navigation script is started by a small inline loader once the page has loaded
    /// ([`NAVIGATION_LOADER`]).
    pub fn with_islands(self, islands_html: &str) -> Result<Template, BuildError> {
        let islands = markup::trunk_loader(islands_html).ok_or_else(|| {
            BuildError::Template(
                "index.html des îlots\u{a0}: pas de chargeur de trunk (est-ce bien sa sortie\u{a0}?)"
                    .into(),
            )
        })?;
        self.with_islands_loader(islands)
    }

    /// [`Template::with_islands`], from the addresses of the islands' JavaScript and wasm.
    fn with_islands_loader(mut self, islands: markup::Loader) -> Result<Template, BuildError> {
        let app = markup::trunk_loader(&self.head).ok_or_else(|| {
            BuildError::Template(
                "index.html\u{a0}: pas de chargeur de trunk (est-ce bien sa sortie\u{a0}?)".into(),
            )
        })?;
        let (before, after) = self.head.split_at(self.policy_at);
        let head = format!(
            "{before}{}<meta name=\"{}\" content=\"{}\"><meta name=\"{}\" content=\"{}\"><meta name=\"{}\" content=\"{}\"><script type=\"module\">{}</script>",
            markup::without_trunk_loader(after),
            ISLANDS_META,
            escape::xml(&format!("{} {}", islands.js, islands.wasm)),
            APP_META,
            escape::xml(&format!("{} {}", app.js, app.wasm)),
            RENDERED_API_META,
            escape::xml(&self.content_api),
            NAVIGATION_LOADER,
        );
        self.islands_head = Some((head.clone(), Hashes::of(&head)));
        Ok(self)
    }

    /// Whether the route pages are pages of islands.
    pub fn has_islands(&self) -> bool {
        self.islands_head.is_some()
    }

    /// Whether the running site asks its CMS's own search for what was published after the
    /// build (WordPress read live: `Source::latest`). Its search page is then the full app's,
    /// which gives `search.js` that request; every other page stays a page of islands.
    pub fn searches_live(&self) -> bool {
        !self.content_api.is_empty() && self.content_kind == "wordpress"
    }

    /// Whether the page of `path` is a page of islands (`marker` empty: `404.html`, never).
    fn islands_for(&self, path: &str, marker: &str) -> Option<&(String, Hashes)> {
        let full_app = marker.is_empty()
            || (self.searches_live() && routes::canonical(path) == routes::SEARCH);
        self.islands_head.as_ref().filter(|_| !full_app)
    }
}

/// One route rendered to a whole HTML page. `marker` is the route marker's value: the path,
/// or empty for a page that must never be hydrated (`404.html`).
///
/// The page is written once, in order, into one buffer: trunk's head up to the charset, the
/// Content-Security-Policy, the rest of the head, the route marker, the resources' data,
/// leptos_meta's tags, the body. The policy hashes every inline script and style of the page
/// (the template's are hashed once); `tests/prerender.rs` checks it equals the policy
/// [`with_policy`] computes from the finished page.
pub fn render(template: &Template, source: &Source, path: &str, marker: &str) -> String {
    init_executor();
    // A page of islands is static but for its islands: rendered in islands mode (hydration
    // markers only inside them), with no resource data (nothing hydrates the page itself).
    let islands = template.islands_for(path, marker);
    let context = if islands.is_some() {
        hydration_context::SsrSharedContext::new_islands()
    } else {
        hydration_context::SsrSharedContext::new()
    };
    let owner = Owner::new_root(Some(Arc::new(context)));
    let page = owner.with(|| {
        provide_context(RequestUrl::new(path));
        if islands.is_some() {
            provide_context(veille::island::PageOfIslands);
        }
        // `404.html` (no marker: served for any address the build had no page for) says it is
        // looking until the app knows (pages/not_found.rs).
        if marker.is_empty() {
            provide_context(veille::pages::not_found::Looking);
        }
        let (meta, meta_output) = ServerMetaContext::new();
        provide_context(meta);
        let source = source.clone();
        let newsletter = template.newsletter.clone();
        let app = view! { <App source newsletter /> };
        let body = block_on(concat(app.to_html_stream_in_order(), 32 * 1024));
        // What the resources resolved to, for the app to read instead of fetching it again.
        let data = match Owner::current_shared_context().and_then(|c| c.pending_data()) {
            Some(data) if islands.is_none() => block_on(concat(data, 16 * 1024)),
            _ => String::new(),
        };
        // leptos_meta's title and tags, after its `<!--HEAD-->` marker. It is handed only the
        // end of the head (the app sets no `<Html>` attributes: `lang` is in index.html).
        let head_end = block_on(async move {
            let chunk = format!("<!--HEAD-->{}", template.body_open);
            let injected = meta_output.inject_meta_context(stream::iter([chunk])).await;
            concat(injected, 2048).await
        });

        let (head, mut hashes) = match islands {
            Some((head, hashes)) => (head, hashes.clone()),
            None if marker.is_empty() => (&template.head, template.head_hashes.clone()),
            None => (&template.page_head, template.head_hashes.clone()),
        };
        let data_script = if islands.is_some() {
            String::new()
        } else {
            hashes.scripts.push(hash(&data));
            format!("<script>{data}</script>")
        };
        hashes.extend(Hashes::of(&head_end));
        hashes.extend(Hashes::of(&body));
        hashes.extend(template.tail_hashes.clone());
        let policy = policy_meta(&template.policy, hashes);

        let (before, after) = head.split_at(template.policy_at);
        let marker = escape::xml(marker);
        let with = escape::xml(&template.newsletter_spec);
        let parts = [
            before,
            &policy,
            after,
            "<meta name=\"",
            ROUTE_META,
            "\" content=\"",
            &marker,
            "\"><meta name=\"",
            RENDERED_WITH_META,
            "\" content=\"",
            &with,
            "\">",
            &data_script,
            &head_end,
            &body,
            &template.tail,
        ];
        let mut page = String::with_capacity(parts.iter().map(|p| p.len()).sum());
        parts.iter().for_each(|part| page.push_str(part));
        page
    });
    owner.unset_with_forced_cleanup();
    new_pool();
    page
}

/// A stream of HTML chunks in one string.
async fn concat(chunks: impl futures::Stream<Item = String>, capacity: usize) -> String {
    let mut chunks = std::pin::pin!(chunks);
    let mut out = String::with_capacity(capacity);
    while let Some(chunk) = chunks.next().await {
        out.push_str(&chunk);
    }
    out
}

/// Names `api` (of `kind`, with `key` for Ghost) as the content API in trunk's page
/// (`index.html`, and the `spa.html` an earlier run kept), so that every page prerendered from
/// it reads that API once running: client-side navigation, and what the host serves through
/// `404.html`, come from the same content as the prerendered pages (or from the CMS they were
/// imported from, read live). The Content-Security-Policy, made from the same page, then names
/// its origin.
pub fn set_content_api(dist: &Path, api: &str, kind: &str, key: &str) -> Result<(), BuildError> {
    use veille::content::{KEY_META, KIND_META};
    for name in ["index.html", "spa.html"] {
        let path = dist.join(name);
        let Ok(mut html) = fs::read_to_string(&path) else {
            continue;
        };
        for (meta, value) in [(API_META, api), (KIND_META, kind), (KEY_META, key)] {
            html = markup::set_meta(&html, meta, value).ok_or_else(|| {
                BuildError::Template(format!(
                    "{}\u{a0}: pas de <meta name={meta}>",
                    path.display()
                ))
            })?;
        }
        fs::write(&path, html).map_err(FileError::at(&path, Doing::Write))?;
    }
    Ok(())
}

/// Writes into trunk's page (as [`set_content_api`] does) how far the build's search index
/// goes: the publication date of the newest article of `catalog`, the content the index is made
/// from, in [`veille::content::INDEXED_META`]. A site reading a CMS at run time asks the CMS's
/// own search for what was published after it. Nothing for an empty catalog.
pub fn set_content_indexed(dist: &Path, catalog: &Catalog) -> Result<(), BuildError> {
    use veille::content::INDEXED_META;
    let Some(newest) = catalog.summaries().first() else {
        return Ok(());
    };
    for name in ["index.html", "spa.html"] {
        let path = dist.join(name);
        let Ok(html) = fs::read_to_string(&path) else {
            continue;
        };
        let html = markup::set_meta(&html, INDEXED_META, &newest.published)
            .or_else(|| markup::add_meta(&html, INDEXED_META, &newest.published))
            .ok_or_else(|| {
                BuildError::Template(format!("{}\u{a0}: pas de </head>", path.display()))
            })?;
        fs::write(&path, html).map_err(FileError::at(&path, Doing::Write))?;
    }
    Ok(())
}

/// What a prerender wrote.
#[derive(Debug, Default)]
pub struct Report {
    pub pages: usize,
    /// The files written: every one, or with [`Writes::Changed`] those whose bytes changed.
    pub files: Vec<PathBuf>,
    /// The pages of routes the site no longer has, removed ([`publish`] only).
    pub removed: Vec<PathBuf>,
}

/// Where the pages of islands' JavaScript and wasm come from.
#[derive(Debug, Clone, Copy)]
pub enum Islands<'a> {
    /// No islands: every route page is the full app's to hydrate.
    None,
    /// trunk's output of the `islands` build, its files copied into `dist`.
    Build(&'a Path),
    /// As the site in `dist` was built: the addresses its home page names (already in `dist`).
    AsBuilt,
}

pub use veille::output::Writes;

/// Prerenders the whole site into `dist`: a page per route, `404.html`, the feed, the
/// sitemap(s) and `robots.txt`. trunk's `index.html` is kept as `spa.html` (the template, and
/// an empty shell for hosts that want one), so that the step can run again.
/// With `islands` (trunk's output of the `islands` build, whose JavaScript and wasm are copied
/// into `dist`), the route pages are pages of islands; without, the full app's to hydrate.
pub fn prerender(
    dist: &Path,
    catalog: &Catalog,
    source: &Source,
    islands: Option<&Path>,
) -> Result<Report, BuildError> {
    let islands = islands.map_or(Islands::None, Islands::Build);
    build(dist, catalog, source, islands, Writes::All, None)
}

/// The site in `dist`, built before (by [`prerender`]), brought up to date with `catalog`
/// while it is being served: the same pages rendered again, but only the files whose bytes
/// changed written, each renamed into place whole; the new pages written before the pages that
/// link to them; then the pages of routes that are gone removed, once nothing links to them. Needs no trunk: trunk's page and the islands' addresses are read from `dist`.
///
/// `only`: the paths of the routes whose content may have changed (the others are known to be
/// as they were, and are not rendered); `None`, every route.
pub fn publish(
    dist: &Path,
    catalog: &Catalog,
    source: &Source,
    only: Option<&HashSet<String>>,
) -> Result<Report, BuildError> {
    let list = dist.join(routes::LIST_FILE);
    let unlisted = |why: String| {
        BuildError::List(format!(
            "{}\u{a0}: {why} (le site doit avoir été construit une première fois)",
            list.display()
        ))
    };
    let before = fs::read_to_string(&list)
        .map_err(|e| unlisted(FileError::io(&list, Doing::Read, &e).to_string()))?;
    // What a round stopped mid-way (killed) left: copies never renamed into place.
    veille::output::sweep(dist)?;
    let mut report = build(
        dist,
        catalog,
        source,
        Islands::AsBuilt,
        Writes::Changed,
        only,
    )?;
    let now: HashSet<String> = routes::all(catalog).iter().map(|r| r.file()).collect();
    let listed = routes::files_listed(&before).map_err(|e| unlisted(format!("illisible ({e})")))?;
    for file in listed {
        if now.contains(&file) {
            continue;
        }
        let path = dist.join(&file);
        if veille::output::unsafe_name(&file).is_none() && path.is_file() {
            fs::remove_file(&path).map_err(FileError::at(&path, Doing::Remove))?;
            // Its folder, when the page was all it held (`article/<slug>/`).
            if let Some(folder) = path.parent().filter(|f| *f != dist) {
                let _ = fs::remove_dir(folder);
            }
            report.removed.push(path);
        }
    }
    Ok(report)
}

fn build(
    dist: &Path,
    catalog: &Catalog,
    source: &Source,
    islands: Islands<'_>,
    writes: Writes,
    only: Option<&HashSet<String>>,
) -> Result<Report, BuildError> {
    init_executor();
    let index = dist.join("index.html");
    let shell = dist.join("spa.html");
    let read = |p: &Path| fs::read_to_string(p).map_err(FileError::at(p, Doing::Read));
    let html = read(&index)?;
    let (mut template, mut shell_html) = match Template::parse(&html) {
        Ok(template) => (template, html),
        // Already prerendered: trunk's page was kept aside, its configuration perhaps edited
        // there since (docs/deploying.md says to edit spa.html and run the prerender again).
        Err(_) => {
            let kept = read(&shell)?;
            (Template::parse(&kept)?, kept)
        }
    };
    // Images the content names on other hosts (a CMS's uploads, imported): allowed by the
    // policy, origin by origin.
    for origin in image_origins(catalog) {
        if !template.policy.images.contains(&origin) {
            template.policy.images.push(origin);
        }
    }
    // The shell runs the app too (a host may serve it for any address): it gets a policy of
    // its own, rebuilt on every run from the configuration it holds now, like every page.
    let before = policy_of(&shell_html).map(str::to_string);
    strip_policy(&mut shell_html);
    let guarded = with_policy(shell_html, &template.policy);
    if before.is_some() && before.as_deref() != policy_of(&guarded) {
        eprintln!(
            "veille-prerender: la configuration de spa.html a changé depuis le dernier passage\u{a0}: \
             la politique de sécurité de chaque page est recalculée"
        );
    }
    let mut written: Vec<PathBuf> = Vec::new();
    written.extend(veille::output::put(
        dist,
        "spa.html",
        guarded.as_bytes(),
        writes,
    )?);

    // The prerender reads content from disk, never over HTTP: a site configured with a content
    // API is prerendered from a copy of it (`--content DIR`), or else from the bundled content,
    // which must then be said.
    if !template.content_api.is_empty() && *source == Source::Bundled {
        eprintln!(
            "veille-prerender: index.html names the content API {:?}, but the pages are \
             prerendered from the bundled content; pass --content DIR (a copy of that API) to \
             prerender them from it",
            template.content_api
        );
    }
    match islands {
        Islands::None => {}
        Islands::Build(dir) => {
            let islands_html = read(&dir.join("index.html"))?;
            template = template.with_islands(&islands_html)?;
            let loader = markup::trunk_loader(&islands_html).ok_or_else(|| {
                BuildError::Template("index.html des îlots\u{a0}: pas de chargeur de trunk".into())
            })?;
            for file in [&loader.js, &loader.wasm] {
                written.push(copy_asset(dir, dist, file)?);
            }
        }
        Islands::AsBuilt => {
            // The home page, a page of islands when the site has them, names their files.
            let home = read(&dist.join("index.html"))?;
            let named = markup::meta_content(&home, ISLANDS_META);
            if let Some((js, wasm)) = named.as_deref().and_then(|n| n.split_once(' ')) {
                let loader = markup::Loader {
                    js: js.to_string(),
                    wasm: wasm.to_string(),
                };
                template = template.with_islands_loader(loader)?;
            }
        }
    }
    let routes: Vec<Route> = routes::all(catalog);
    // Pages are independent: rendered on every core, each written as soon as it is rendered
    // (nothing accumulates in memory). The pages new to the site first: no page a reader can
    // reach links to one not yet written, even if the run stops half-way.
    let template = &template;
    let (new, known): (Vec<&Route>, Vec<&Route>) = routes
        .iter()
        .filter(|r| only.is_none_or(|only| only.contains(&r.path)))
        .partition(|r| !dist.join(r.file()).exists());
    for part in [new, known] {
        let pages = parallel::map(part, |route| -> Result<_, BuildError> {
            let page = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                render(template, source, &route.path, &route.path)
            }))
            .map_err(|_| BuildError::Render {
                path: route.path.clone(),
            })?;
            Ok(veille::output::put(
                dist,
                &route.file(),
                page.as_bytes(),
                writes,
            )?)
        });
        for page in pages {
            written.extend(page?);
        }
    }
    let mut report = Report {
        files: written,
        ..Report::default()
    };
    // What readers load of public/'s own scripts: their code, not their comments.
    for name in scripts::shrink(dist)? {
        report.files.push(dist.join(name));
    }
    let not_found = render(template, source, "/404", "");
    let mut files = vec![
        ("404.html".to_string(), not_found),
        ("feed.xml".to_string(), feeds::feed_xml(catalog)),
    ];
    files.extend(feeds::sitemaps(catalog.site(), &routes));
    files.push((
        feeds::NEWS_SITEMAP.into(),
        feeds::news_sitemap(catalog, build_time()),
    ));
    files.push(("robots.txt".into(), feeds::robots_txt(catalog.site())));
    files.push((routes::LIST_FILE.into(), routes::list_json(&routes)));
    for (name, text) in files {
        report
            .files
            .extend(veille::output::put(dist, &name, text.as_bytes(), writes)?);
    }
    report.pages = routes.len() + 1;
    Ok(report)
}

/// When the site is built, in seconds since 1970: `SOURCE_DATE_EPOCH` when set (a reproducible
/// build's convention), else now. The news sitemap lists the two days before it.
pub fn build_time() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        })
}

/// The origins of the images the content shows from other hosts (covers and body images), in
/// the order met; a path on the site is none.
fn image_origins(catalog: &Catalog) -> Vec<String> {
    let mut origins: Vec<String> = Vec::new();
    let mut add = |src: &str| {
        if let Some(origin) = policy::origin_of(src) {
            if !origins.contains(&origin) {
                origins.push(origin);
            }
        }
    };
    for (summary, body) in catalog.bodies() {
        if let Some(cover) = &summary.cover {
            add(&cover.src);
            if let Some(share) = &cover.share {
                add(share);
            }
        }
        for block in body {
            if let veille::content::Block::Image { image, .. } = block {
                add(&image.src);
            }
        }
    }
    origins
}

/// Copies the images' copies an import made (`content/media/`, `veille-content import …
/// --images local`) into `dist/media/`, where the pages name them; a file already there with
/// the same length is left as it is (the names say what the files hold). The files copied.
pub fn copy_media(content: &Path, dist: &Path) -> Result<Vec<PathBuf>, BuildError> {
    use veille::cms::media::DIR;
    let Ok(entries) = fs::read_dir(content.join(DIR)) else {
        return Ok(Vec::new());
    };
    let mut copied = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let from = entry.path();
        if !from.is_file() || name.ends_with(".json") {
            continue;
        }
        let to = dist.join(DIR).join(&name);
        let same = |a: &Path, b: &Path| {
            fs::metadata(a)
                .ok()
                .zip(fs::metadata(b).ok())
                .is_some_and(|(a, b)| a.len() == b.len())
        };
        if same(&from, &to) {
            continue;
        }
        let bytes = fs::read(&from).map_err(FileError::at(&from, Doing::Read))?;
        copied.push(veille::output::write_bytes(
            dist,
            &format!("{DIR}/{name}"),
            &bytes,
        )?);
    }
    Ok(copied)
}

/// Copies the file trunk's loader names as `address` (`/veille-….wasm`) from `from` into
/// `dist`, at the same address.
fn copy_asset(from: &Path, dist: &Path, address: &str) -> Result<PathBuf, BuildError> {
    let name = address.trim_start_matches('/');
    if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        return Err(BuildError::Template(format!(
            "{address:?}\u{a0}: pas un fichier de trunk"
        )));
    }
    let path = from.join(name);
    let bytes = fs::read(&path).map_err(FileError::at(&path, Doing::Read))?;
    Ok(veille::output::write_bytes(dist, name, &bytes)?)
}

#[cfg(test)]
mod tests {
    use super::image_origins;
    use veille::content::{bundled, Block, Catalog, Image};

    #[test]
    fn the_policy_allows_the_hosts_the_content_s_images_come_from() {
        let bundled = bundled().unwrap();
        // The sample's images are on the site itself: no other origin.
        assert_eq!(image_origins(bundled), Vec::<String>::new());
        let mut articles = bundled.articles().collect::<Vec<_>>();
        articles[0].summary.cover.as_mut().unwrap().src = "https://cms.example/up/a.jpg".into();
        articles[1].body.push(Block::Image {
            image: Image {
                src: "http://127.0.0.1:8081/wp-content/uploads/b.png".into(),
                alt: String::new(),
                credit: None,
                ..Image::default()
            },
            caption: None,
        });
        articles[2].summary.cover.as_mut().unwrap().src = "https://cms.example/up/c.jpg".into();
        let catalog = Catalog::new(bundled.site().clone(), articles).unwrap();
        let mut found = image_origins(&catalog);
        found.sort();
        assert_eq!(found, ["http://127.0.0.1:8081", "https://cms.example"]);
    }
}

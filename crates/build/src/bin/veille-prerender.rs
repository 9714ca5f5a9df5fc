//! The prerender step (native, with the app built `ssr`): writes a static HTML page for every
//! route into a trunk build, plus `404.html`, `feed.xml`, the sitemap and `robots.txt`.
//!
//! ```text
//! veille-prerender [--content DIR] [--api PATH [--kind veille|wordpress|ghost] [--key KEY]] [--islands DIR] [--json] [DIST]
//! ```
//!
//! `DIST` is trunk's output (default `dist`), built with the `hydrate` feature. The content is
//! the bundled content unless `--content` names a directory in the content API's layout
//! (`site.json`, `articles/*.json`), e.g. an export of the API the site is configured with; the
//! copies of its images an import made (`media/`) are copied to `DIST/media/`.
//! `--api PATH` names the content API the pages read once running (written into trunk's page
//! before the pages are made from it), e.g. `/api` where that directory is copied; `--kind`
//! says what API it is (Veille's own by default, or a WordPress or Ghost site's address, read
//! live), `--key` a Ghost Content API key.
//! It ends with a line saying what it wrote and how long it took; with `--json`, that line is
//! one JSON object instead, for scripts (`bench/bench-scale.mjs`):
//! `{"pages":…,"files":…,"dist":"…","seconds":…,"read_seconds":…}`.

use std::{path::PathBuf, process::ExitCode, time::Instant};
use veille::content::{bundled, Archive, Catalog, Source};
use veille_build::{prerender, publish::ToolError};

// Rendering thousands of pages on two threads is mostly small allocations, which mimalloc's
// per-thread heaps serve without the threads contending for one heap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("veille-prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

/// What `--json` prints, in this order: a struct rather than `json!`, whose map sorts its keys.
#[derive(serde::Serialize)]
struct Summary {
    pages: usize,
    files: usize,
    dist: String,
    seconds: f64,
    read_seconds: f64,
}

fn run() -> Result<(), ToolError> {
    let mut args = std::env::args().skip(1);
    let mut content: Option<PathBuf> = None;
    let mut dist = PathBuf::from("dist");
    let mut json = false;
    let mut api: Option<String> = None;
    let mut kind = String::from("veille");
    let mut islands: Option<PathBuf> = None;
    let mut key = String::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--content" => {
                content = Some(
                    args.next()
                        .ok_or("--content\u{a0}: il faut un dossier de contenu")?
                        .into(),
                )
            }
            "--json" => json = true,
            "--islands" => islands = Some(
                args.next()
                    .ok_or(
                        "--islands\u{a0}: il faut la sortie de trunk de la construction des îlots",
                    )?
                    .into(),
            ),
            "--api" => {
                api = Some(
                    args.next()
                        .ok_or("--api\u{a0}: il faut un chemin ou une adresse")?,
                )
            }
            "--kind" => {
                kind = args
                    .next()
                    .ok_or("--kind\u{a0}: veille, wordpress ou ghost")?
            }
            "--key" => {
                key = args
                    .next()
                    .ok_or("--key\u{a0}: il faut une clé de l’API de contenu de Ghost")?
            }
            "-h" | "--help" => {
                println!("usage: veille-prerender [--content DIR] [--api PATH [--kind veille|wordpress|ghost] [--key KEY]] [--islands DIR] [--json] [DIST]");
                return Ok(());
            }
            other if other.starts_with('-') => {
                return Err(ToolError::Usage(format!("option inconnue\u{a0}: {other}")))
            }
            other => dist = other.into(),
        }
    }
    if !["veille", "wordpress", "ghost"].contains(&kind.as_str()) {
        return Err(ToolError::Usage(format!(
            "--kind {kind:?}\u{a0}: veille, wordpress ou ghost"
        )));
    }
    if api.is_none() && (kind != "veille" || !key.is_empty()) {
        return Err("--kind et --key disent quelle API lire\u{a0}: il faut aussi --api".into());
    }
    if let Some(api) = &api {
        prerender::set_content_api(&dist, api, &kind, &key)?;
    }
    let started = Instant::now();
    let read_catalog;
    let (catalog, source): (&Catalog, Source) = match &content {
        Some(dir) => {
            // Read (and typeset) once.
            read_catalog = std::sync::Arc::new(Catalog::from_dir(dir)?);
            (
                &read_catalog,
                Source::Archive(Archive(read_catalog.clone())),
            )
        }
        None => (bundled().map_err(ToolError::Bundled)?, Source::Bundled),
    };
    if api.is_some() {
        prerender::set_content_indexed(&dist, catalog)?;
    }
    let read = started.elapsed();
    let mut report = prerender::prerender(&dist, catalog, &source, islands.as_deref())?;
    if let Some(dir) = &content {
        report.files.extend(prerender::copy_media(dir, &dist)?);
        veille_build::publish::record_build(dir, &dist, catalog)?;
    }
    let elapsed = started.elapsed();
    if json {
        let summary = Summary {
            pages: report.pages,
            files: report.files.len(),
            dist: dist.display().to_string(),
            seconds: elapsed.as_secs_f64(),
            read_seconds: read.as_secs_f64(),
        };
        // A plain struct: serialising it cannot fail.
        let line = serde_json::to_string(&summary).expect("a summary serialises");
        println!("{line}");
        return Ok(());
    }
    println!(
        "veille-prerender: {} pages, {} files in {} in {:.2} s (content read in {:.2} s)",
        report.pages,
        report.files.len(),
        dist.display(),
        elapsed.as_secs_f64(),
        read.as_secs_f64()
    );
    Ok(())
}

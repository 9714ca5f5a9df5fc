//! Content tooling (native, not part of the shipped site).
//!
//! ```text
//! veille-content api [DIR]                    write DIR's derived API files (default public/api)
//! veille-content synthetic N DIR [SEED]       write a synthetic archive of N articles into DIR
//! veille-content hugo N DIR [SEED]            the same archive as a Hugo site (benchmark only)
//! veille-content import wordpress URL DIR [--base-url URL] [--images cms|local]
//!                                             the WordPress site at URL as a content directory
//! veille-content import ghost URL KEY DIR [--base-url URL] [--images cms|local]
//!                                             the same from Ghost (KEY: its Content API key);
//!                                             images served by the site, AVIF and JPEG copies
//!                                             made once each (media/), or with `--images cms`
//!                                             linked on the CMS with its own sizes
//! veille-content sync wordpress URL DIR DIST [--base-url URL] [--images cms|local] [--deploy CMD]
//! veille-content sync ghost URL KEY DIR DIST  [the same options]
//!                                             one round: the import into DIR, then the built
//!                                             site DIST brought up to date (only what changed
//!                                             written, whole), then CMD handed the files
//!                                             written and removed (src/publish.rs)
//! veille-content watch … [--poll SECONDS] [--listen 127.0.0.1:PORT --secret S] [--health FILE]
//!                                             the same arguments: rounds until stopped, every
//!                                             SECONDS (default 60) and when the CMS notifies
//! veille-content search OUT.json [DIR]        the search index's records, for Pagefind
//! veille-content bench-images PHOTO N…        the cost of the import's image copies: N distinct
//!                                             photos cut from PHOTO, made, then imported again
//! ```
//!
//! The derived files are every page of the index (`index/N.json`) and of each tag
//! (`tags/<slug>/N.json`), computed from `site.json` and `articles/*.json`.

use std::{fs, path::Path, process::ExitCode};
use veille::{
    cms::import,
    content::{bundled, synthetic, Catalog},
    model::files::{Doing, FileError},
    output, search,
};
use veille_build::publish::ToolError;

// A watcher runs for days, its rounds on several threads: mimalloc's per-thread heaps give
// back what a round freed, where the system allocator's arenas kept it (docs/scale.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["api"] => write_api(Path::new("public/api")),
        ["api", dir] => write_api(Path::new(dir)),
        ["synthetic", n, dir] => synthetic(n, dir, "1"),
        ["synthetic", n, dir, seed] => synthetic(n, dir, seed),
        ["hugo", n, dir] => hugo(n, dir, "1"),
        ["import", rest @ ..] => import(rest),
        ["sync", rest @ ..] => publication(rest, false),
        ["watch", rest @ ..] => publication(rest, true),
        ["hugo", n, dir, seed] => hugo(n, dir, seed),
        ["search", out] => search_records(out, None),
        ["search", out, dir] => search_records(out, Some(dir)),
        ["bench-images", photo, counts @ ..] if !counts.is_empty() => bench_images(photo, counts),
        _ => Err(
            "usage: veille-content api [DIR] | synthetic N DIR [SEED] | hugo N DIR [SEED] | import … | sync … | watch … | search OUT.json [DIR] | bench-images PHOTO N…".into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("veille-content: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `import wordpress URL DIR` or `import ghost URL KEY DIR`, with `--base-url URL` and
/// `--images cms|local` anywhere after the kind.
fn import(args: &[&str]) -> Result<(), ToolError> {
    const USAGE: &str = "usage: veille-content import wordpress URL DIR | ghost URL KEY DIR [--base-url URL] [--images cms|local]";
    let mut base_url = None;
    // The site's own AVIF copies by default: the lighter pages (docs/cms.md, « Images sized for
    // the screen »: 24.5 kB against 53.4 kB for the test WordPress' photo article).
    let mut local_images = true;
    let mut words = Vec::new();
    let mut rest = args.iter();
    while let Some(&word) = rest.next() {
        match word {
            "--base-url" => base_url = Some(*rest.next().ok_or(USAGE)?),
            "--images" => {
                local_images = match *rest.next().ok_or(USAGE)? {
                    "local" => true,
                    "cms" => false,
                    other => {
                        return Err(ToolError::Usage(format!(
                            "--images {other}\u{a0}: « cms » (les tailles du CMS) ou « local » (des copies faites ici)"
                        )))
                    }
                }
            }
            _ => words.push(word),
        }
    }
    let http = import::Http::new();
    let mut stderr = std::io::stderr();
    let (url, dir) = match words.as_slice() {
        ["wordpress", url, dir] | ["ghost", url, _, dir] => (*url, *dir),
        _ => return Err(USAGE.into()),
    };
    let to = import::Destination {
        dir: Path::new(dir),
        base_url,
        progress: &mut stderr,
        local_images,
        published: None,
        whole: None,
        previous: None,
    };
    let done = match words.as_slice() {
        ["ghost", _, key, _] => import::ghost(&http, url, key, to, import::Scope::Listing),
        _ => import::wordpress(&http, url, to, import::Scope::Listing),
    };
    say_imported(dir, url, done)
}

/// `sync` (one round) or `watch` (rounds until stopped): the import's arguments, then the built
/// site's folder.
fn publication(args: &[&str], watching: bool) -> Result<(), ToolError> {
    use std::time::Duration;
    use veille_build::publish::{self, Cms, Options, Watch};
    const USAGE: &str = "usage: veille-content sync|watch wordpress URL DIR DIST | ghost URL KEY DIR DIST [--base-url URL] [--images cms|local] [--deploy CMD] [--poll SECONDS] [--listen 127.0.0.1:PORT --secret S] [--health FILE]";
    let mut options = Options::default();
    let mut how = Watch {
        poll: Duration::from_secs(60),
        listen: None,
        health: None,
    };
    let (mut listen, mut secret) = (None, None);
    let mut words = Vec::new();
    let mut rest = args.iter();
    while let Some(&word) = rest.next() {
        let mut value = || rest.next().copied().ok_or(USAGE);
        match word {
            "--base-url" => options.base_url = Some(value()?.to_string()),
            "--images" => options.cms_images = value()? == "cms",
            "--deploy" => options.deploy = Some(value()?.to_string()),
            "--poll" if watching => {
                let seconds: u64 = value()?
                    .parse()
                    .ok()
                    .filter(|s| *s > 0)
                    .ok_or("--poll\u{a0}: un nombre de secondes")?;
                how.poll = Duration::from_secs(seconds);
            }
            "--listen" if watching => listen = Some(value()?.to_string()),
            "--secret" if watching => secret = Some(value()?.to_string()),
            "--health" if watching => how.health = Some(value()?.into()),
            other if other.starts_with("--") => {
                return Err(ToolError::Usage(format!(
                    "{other}\u{a0}: option inconnue\n{USAGE}"
                )))
            }
            _ => words.push(word),
        }
    }
    how.listen = match (listen, secret) {
        (Some(address), Some(secret)) if !secret.is_empty() => Some((address, secret)),
        (Some(_), _) => {
            return Err(
                "--listen sans --secret\u{a0}: une notification non signée serait acceptée de n’importe qui".into(),
            )
        }
        (None, _) => None,
    };
    let (cms, dir, dist) = match words.as_slice() {
        ["wordpress", url, dir, dist] => (
            Cms::WordPress {
                url: url.to_string(),
            },
            *dir,
            *dist,
        ),
        ["ghost", url, key, dir, dist] => (
            Cms::Ghost {
                url: url.to_string(),
                key: key.to_string(),
            },
            *dir,
            *dist,
        ),
        _ => return Err(USAGE.into()),
    };
    let (dir, dist) = (Path::new(dir), Path::new(dist));
    if !dist.join("spa.html").is_file() {
        return Err(ToolError::Usage(format!(
            "{}\u{a0}: pas de site construit (spa.html manque)\u{a0}: construisez-le d’abord, par exemple VEILLE_CONTENT={} ./dev.sh build",
            dist.display(),
            dir.display()
        )));
    }
    let http = import::Http::new();
    if watching {
        publish::watch(&http, &cms, dir, dist, &options, &how, |line| {
            println!("veille-content watch\u{a0}: {line}")
        })?;
        return Ok(());
    }
    let round = publish::round(
        &http,
        &cms,
        (dir, dist),
        &options,
        import::Scope::Listing,
        &mut publish::Memory::default(),
    )?;
    println!("veille-content sync\u{a0}: {}", round.line());
    Ok(())
}

fn say_imported(
    dir: &str,
    url: &str,
    done: Result<import::Imported, import::ImportError>,
) -> Result<(), ToolError> {
    let done = done?;
    println!(
        "{dir}\u{a0}: {} articles et {} thèmes importés de {url} ({} lus, {} retirés, {} requêtes)",
        done.articles, done.tags, done.updated, done.removed, done.requests
    );
    Ok(())
}

fn write_api(dir: &Path) -> Result<(), ToolError> {
    let catalog = Catalog::from_dir(dir)?;
    write_derived(&catalog, dir)
}

fn write_derived(catalog: &Catalog, dir: &Path) -> Result<(), ToolError> {
    for sub in ["index", "tags", "authors", "related"] {
        let path = dir.join(sub);
        if path.exists() {
            fs::remove_dir_all(&path).map_err(FileError::at(&path, Doing::Remove))?;
        }
    }
    let files = catalog.derived_api_files();
    for (path, json) in &files {
        // Names made from slugs: never written outside `dir`.
        output::write(dir, path, json)?;
    }
    println!(
        "{}: {} derived files for {} articles",
        dir.display(),
        files.len(),
        catalog.summaries().len()
    );
    Ok(())
}

/// The search index's records (`veille::search`) of the bundled content, or of a content
/// directory, as one JSON array in `out`, for `tools/build/search-index.mjs`.
fn search_records(out: &str, dir: Option<&str>) -> Result<(), ToolError> {
    let owned;
    let catalog = match dir {
        Some(dir) => {
            owned = Catalog::from_dir(Path::new(dir))?;
            &owned
        }
        None => bundled().map_err(ToolError::Bundled)?,
    };
    let records = search::records(catalog);
    // Plain structs: serialising them cannot fail.
    let json = serde_json::to_string(&records).expect("records serialise");
    fs::write(out, json).map_err(FileError::at(Path::new(out), Doing::Write))?;
    println!("{out}: {} articles à indexer", records.len());
    Ok(())
}

fn numbers(n: &str, seed: &str) -> Result<(usize, u64), ToolError> {
    let n: usize = n
        .parse()
        .map_err(|_| ToolError::Usage(format!("{n}\u{a0}: pas un nombre d’articles")))?;
    let seed: u64 = seed
        .parse()
        .map_err(|_| ToolError::Usage(format!("{seed}\u{a0}: pas une graine (un entier)")))?;
    Ok((n, seed))
}

fn synthetic(n: &str, dir: &str, seed: &str) -> Result<(), ToolError> {
    let (n, seed) = numbers(n, seed)?;
    let dir = Path::new(dir);
    let catalog = synthetic::write(dir, n, seed)?;
    write_derived(&catalog, dir)
}

/// The synthetic archive as a Hugo site, for `./dev.sh bench-scale` to build with Hugo on the
/// same machine: the same articles (Markdown, four h2 sections), three tags each, pagination by
/// 12 on the home and tag pages, a table of contents, one feed of 50 entries, a sitemap. No
/// related articles (Hugo's take minutes at this size).
fn hugo(n: &str, dir: &str, seed: &str) -> Result<(), ToolError> {
    use veille::content::{Block, Inline};
    let (n, seed) = numbers(n, seed)?;
    let dir = Path::new(dir);
    let write = |path: &str, text: &str| {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(FileError::at(parent, Doing::Create))?;
        }
        fs::write(&path, text).map_err(FileError::at(&path, Doing::Write))
    };
    let (site, articles) = synthetic::archive(n, seed);
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
    write(
        "config.toml",
        &format!(
            "baseURL = \"{}/\"\nlanguageCode = \"fr\"\ntitle = {}\npaginate = {}\nrssLimit = 50\n\
             disableKinds = [\"section\"]\n[taxonomies]\ntag = \"tags\"\n\
             [outputs]\nhome = [\"HTML\", \"RSS\"]\ntaxonomy = [\"HTML\"]\nterm = [\"HTML\"]\n\
             [markup.tableOfContents]\nstartLevel = 2\nendLevel = 2\n",
            site.base_url,
            quoted(&site.name),
            site.page_size
        ),
    )?;
    write("layouts/_default/baseof.html", HUGO_BASE)?;
    write("layouts/_default/single.html", HUGO_SINGLE)?;
    write(
        "layouts/_default/list.html",
        &HUGO_LIST.replace("PAGES", ".Pages"),
    )?;
    write(
        "layouts/index.html",
        &HUGO_LIST.replace("PAGES", ".Site.RegularPages"),
    )?;
    let content = dir.join("content/articles");
    if content.exists() {
        fs::remove_dir_all(&content).map_err(FileError::at(&content, Doing::Remove))?;
    }
    for article in &articles {
        let s = &article.summary;
        let tags: Vec<String> = s.tags.iter().map(|t| quoted(t)).collect();
        let mut md = format!(
            "+++\ntitle = {}\ndate = {}\ntags = [{}]\nlead = {}\n+++\n",
            quoted(&s.title),
            quoted(&s.published),
            tags.join(", "),
            quoted(&s.lead)
        );
        for block in &article.body {
            match block {
                Block::Heading { text, .. } => md.push_str(&format!("\n## {text}\n")),
                Block::Paragraph { text } => {
                    let plain: String = text
                        .0
                        .iter()
                        .map(|run| match run {
                            Inline::Text(t) => t.as_str(),
                            _ => "",
                        })
                        .collect();
                    md.push_str(&format!("\n{plain}\n"));
                }
                _ => {}
            }
        }
        write(&format!("content/articles/{}.md", s.slug), &md)?;
    }
    println!("{}: a Hugo site of {n} articles", dir.display());
    Ok(())
}

const HUGO_BASE: &str = r#"<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title><link rel="canonical" href="{{ .Permalink }}"></head>
<body><header><a href="/">{{ .Site.Title }}</a><nav><ul>
{{ range $name, $pages := .Site.Taxonomies.tags }}<li><a href="{{ "tags/" | relURL }}{{ $name | urlize }}/">{{ $name }}</a></li>{{ end }}
</ul></nav></header><main>{{ block "main" . }}{{ end }}</main></body></html>
"#;

const HUGO_SINGLE: &str = r#"{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.lead }}</p>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
<ul>{{ range .Params.tags }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>
<nav>{{ .TableOfContents }}</nav>{{ .Content }}</article>{{ end }}
"#;

const HUGO_LIST: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1>{{ $paginator := .Paginate PAGES }}
{{ range $paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Params.lead }}</p>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></article>{{ end }}
{{ template "_internal/pagination.html" . }}{{ end }}
"#;

/// A CMS of `n` distinct photographs cut from one, each a 2,048-pixel JPEG as WordPress keeps
/// (its `2048x2048` size): a window of 80 % of the photo moved a little for each, every other
/// one mirrored, so that no two have the same bytes.
struct Photos(Vec<Vec<u8>>);

impl Photos {
    fn cut(photo: &image::DynamicImage, n: usize) -> Result<Photos, ToolError> {
        let (w, h) = (photo.width(), photo.height());
        let (cw, ch) = (w * 4 / 5, h * 4 / 5);
        let mut all = Vec::with_capacity(n);
        for i in 0..n as u32 {
            let (x, y) = ((i * 37) % (w - cw), (i * 23) % (h - ch));
            let mut cut = photo.crop_imm(x, y, cw, ch);
            if i % 2 == 1 {
                cut = cut.fliph();
            }
            let cut = cut.resize(2048, 2048, image::imageops::FilterType::Triangle);
            let mut jpeg = Vec::new();
            cut.to_rgb8()
                .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
                    &mut jpeg, 85,
                ))
                .map_err(|e| ToolError::Bench(format!("copie JPEG impossible ({e})")))?;
            all.push(jpeg);
        }
        Ok(Photos(all))
    }

    fn url(i: usize) -> String {
        format!("https://cms.invalid/wp-content/uploads/photo-{i}-2048x1152.jpg")
    }
}

impl import::Get for Photos {
    fn get(&self, url: &str, _headers: &[&str]) -> Result<import::Answer, import::ImportError> {
        Err(import::ImportError::Unreachable(format!(
            "{url}\u{a0}: adresse non prévue par le banc d’essai"
        )))
    }
    fn head_bytes(&self, url: &str, _limit: usize) -> Result<Vec<u8>, import::ImportError> {
        (0..self.0.len())
            .find(|&i| Photos::url(i) == url)
            .map(|i| self.0[i].clone())
            .ok_or_else(|| import::refused(url, 404))
    }
}

/// `bench-images PHOTO N…`: for each N, N articles whose covers are N distinct photos cut from
/// PHOTO, their copies made into a fresh folder, then the same import again (every copy kept):
/// wall time, milliseconds per image, bytes written. A figure, not a test: `./dev.sh
/// bench-images` prints it, docs/performance.md keeps it.
fn bench_images(photo: &str, counts: &[&str]) -> Result<(), ToolError> {
    use veille::{cms::media::Media, content::Image, french::number};
    let photo = image::open(photo)
        .map_err(|e| ToolError::Bench(format!("{photo}\u{a0}: photo illisible ({e})")))?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "copies AVIF et JPEG de photos de 2 048 px ({} × {} d’origine), {cores} cœurs",
        photo.width(),
        photo.height()
    );
    println!(
        "images | faites en | ms par image | octets écrits | par image | réimport (tout gardé)"
    );
    let model = bundled()
        .map_err(ToolError::Bundled)?
        .articles()
        .next()
        .ok_or_else(|| ToolError::Bench("le contenu intégré n’a pas d’article".into()))?;
    let mut last = None;
    for count in counts {
        let n: usize = count
            .parse()
            .map_err(|_| ToolError::Usage(format!("{count}\u{a0}: pas un nombre d’images")))?;
        let cms = Photos::cut(&photo, n)?;
        let articles = |n: usize| -> Vec<_> {
            (0..n)
                .map(|i| {
                    let mut article = model.clone();
                    article.summary.cover = Some(Image {
                        src: Photos::url(i),
                        alt: "Une photo".into(),
                        width: Some(2048),
                        height: Some(1152),
                        ..Image::default()
                    });
                    article.body.clear();
                    article
                })
                .collect()
        };
        let dir =
            std::env::temp_dir().join(format!("veille-bench-images-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let mut media = Media::open(&dir)?;
        media.localize(&cms, &mut articles(n), &mut std::io::stderr());
        media.save()?;
        let first = media.cost;
        let mut again = Media::open(&dir)?;
        let started = std::time::Instant::now();
        again.localize(&cms, &mut articles(n), &mut std::io::stderr());
        let reuse = started.elapsed();
        let _ = fs::remove_dir_all(&dir);
        if first.made != n || again.cost.reused != n {
            return Err(ToolError::Bench(format!(
                "{n} images\u{a0}: {first:?}, puis {:?} à la seconde importation",
                again.cost
            )));
        }
        println!(
            "{} | {} ms | {} | {} | {} | {} ms",
            number(n as u64),
            number(first.millis as u64),
            number((first.millis / n as u128) as u64),
            number(first.bytes),
            number(first.bytes / n as u64),
            number(reuse.as_millis() as u64),
        );
        last = Some((n, first));
    }
    // An archive of 10,000 photos takes hours on two cores: its figure is the largest run's
    // rate, said as an estimate.
    if let Some((n, cost)) = last.filter(|&(n, _)| (100..10_000).contains(&n)) {
        let per = cost.millis as f64 / n as f64;
        println!(
            "10 000 (estimé d’après {}) | {} min | {} | {} | {} | —",
            number(n as u64),
            number((per * 10_000.0 / 60_000.0).round() as u64),
            number(per.round() as u64),
            number(cost.bytes / n as u64 * 10_000),
            number(cost.bytes / n as u64),
        );
    }
    Ok(())
}

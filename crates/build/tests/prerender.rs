//! The prerender step, run natively on the bundled content into a temporary `dist/`: every file
//! is read back and parsed (HTML with an HTML parser, the feed and sitemap with an XML parser)
//! and checked against the content it was made from.
//!
//! Part of `./dev.sh test` (`cargo test --workspace`).

use quick_xml::{events::Event, Reader};
use scraper::{Html, Selector};
use std::{
    fs,
    path::{Path, PathBuf},
    sync::OnceLock,
};
use veille::{
    content::{bundled, Block, Source, HEAD},
    routes,
};
use veille_build::prerender;

/// A page shaped like trunk's minified output, with its runtime configuration.
const TEMPLATE: &str = "<!doctype html><html lang=fr><meta charset=utf-8><title>Veille IA</title>\
<meta name=veille-content-api><meta content=veille name=veille-content-kind><meta name=veille-content-key><meta content=8000 name=veille-content-timeout-ms>\
<meta name=veille-newsletter><meta content=10000 name=veille-newsletter-timeout-ms>\
<link href=/main-0123.css rel=stylesheet><link as=fetch crossorigin href=/veille-0123_bg.wasm rel=preload type=application/wasm>\
<script type=module>import init from\"/veille-0123.js\";await init();</script>\
</head><body></body></html>";

/// The workspace's root (the site's files: `public/`, `style/`), two folders up from this crate.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("veille-prerender-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// The site prerendered once for all the tests of this file.
fn dist() -> &'static Path {
    static DIST: OnceLock<PathBuf> = OnceLock::new();
    DIST.get_or_init(|| {
        let dir = scratch("site");
        fs::write(dir.join("index.html"), TEMPLATE).unwrap();
        prerender::prerender(&dir, bundled().unwrap(), &Source::Bundled, None).unwrap();
        dir
    })
}

fn page(path: &str) -> Html {
    let file = dist().join(routes::file_for(path));
    Html::parse_document(&fs::read_to_string(&file).unwrap_or_else(|e| panic!("{path}: {e}")))
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

/// The one element `css` matches; fails when there are none or several.
fn one<'a>(html: &'a Html, css: &str) -> scraper::ElementRef<'a> {
    let found = select(html, css);
    assert_eq!(found.len(), 1, "{css}: {} matches", found.len());
    found[0]
}

fn attr(html: &Html, css: &str, name: &str) -> String {
    one(html, css)
        .value()
        .attr(name)
        .unwrap_or_default()
        .to_string()
}

/// Each `(selector, value)` of a page's head: the element's `href` for a `<link>`, its `content`
/// for a `<meta>`.
fn assert_head(html: &Html, expected: &[(&str, &str)]) {
    for (css, want) in expected {
        let name = if css.starts_with("link") {
            "href"
        } else {
            "content"
        };
        assert_eq!(attr(html, css, name), *want, "{css}");
    }
}

/// Every address the sample's sitemap lists.
fn sitemap_locs() -> Vec<String> {
    xml_texts(
        &fs::read_to_string(dist().join("sitemap.xml")).unwrap(),
        "loc",
    )
}

fn text(element: scraper::ElementRef) -> String {
    element.text().collect()
}

/// Reads an XML file to the end; fails on the first well-formedness error. Returns the text of
/// every element named `name`.
fn xml_texts(xml: &str, name: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut inside = false;
    let mut found = Vec::new();
    let mut depth = 0i32;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                depth += 1;
                inside = e.name().as_ref() == name.as_bytes();
                if inside {
                    found.push(String::new());
                }
            }
            Ok(Event::End(_)) => {
                depth -= 1;
                inside = false;
            }
            Ok(Event::Text(t)) if inside => {
                let decoded = t.decode().unwrap();
                found.last_mut().unwrap().push_str(&decoded);
            }
            Ok(Event::GeneralRef(r)) if inside => {
                let entity = String::from_utf8_lossy(&r).to_string();
                let c = match entity.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unknown entity &{other};"),
                };
                found.last_mut().unwrap().push_str(c);
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.buffer_position()),
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
    found
}

#[test]
fn every_article_page_has_its_head_and_its_whole_text() {
    let catalog = bundled().unwrap();
    let site = catalog.site();
    for summary in catalog.summaries() {
        let slug = &summary.slug;
        // What the reader sees is the typeset article, as the app shows it.
        let article = futures::executor::block_on(Source::Bundled.article(slug)).unwrap();
        let html = page(&routes::article(slug));
        let url = format!("{}{}", site.base_url, routes::article(slug));

        assert_eq!(attr(&html, "html", "lang"), "fr");
        assert_eq!(
            text(one(&html, "title")),
            format!("{} — {}", article.summary.title, site.name)
        );
        let (title, lead) = (&article.summary.title, &article.summary.lead);
        assert_head(
            &html,
            &[
                ("link[rel=canonical]", &url),
                ("meta[name=description]", lead),
                ("meta[property='og:title']", title),
                ("meta[property='og:type']", "article"),
                ("meta[property='og:url']", &url),
                ("meta[property='og:locale']", "fr_FR"),
                ("meta[property='og:description']", lead),
            ],
        );
        if let Some(cover) = &article.summary.cover {
            // Share previews get the cover's PNG copy: a real 1200 × 630 PNG in public/.
            let share = cover
                .share
                .as_deref()
                .unwrap_or_else(|| panic!("{slug}: no PNG"));
            let image = attr(&html, "meta[property='og:image']", "content");
            assert_eq!(image, format!("{}{share}", site.base_url));
            assert_eq!(attr(&html, "meta[name='twitter:image']", "content"), image);
            let png = fs::read(
                workspace()
                    .join("public")
                    .join(share.trim_start_matches('/')),
            )
            .unwrap_or_else(|e| panic!("{slug}: {share}: {e}"));
            assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{share}: not a PNG");
            let be = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
            assert_eq!(&png[12..16], b"IHDR", "{share}");
            assert_eq!((be(16), be(20)), (1200, 630), "{share}");
            assert!(png.len() > 4_000, "{share}: {} B, blank?", png.len());
            assert_eq!(
                attr(&html, "meta[name='twitter:card']", "content"),
                "summary_large_image"
            );
        }

        let ld: serde_json::Value =
            serde_json::from_str(&text(one(&html, "script[type='application/ld+json']")))
                .unwrap_or_else(|e| panic!("{slug}: JSON-LD is not JSON: {e}"));
        assert_eq!(ld["@type"], "NewsArticle");
        assert_eq!(ld["headline"], article.summary.title.as_str());
        assert_eq!(ld["datePublished"], article.summary.published.as_str());
        let modified = article
            .summary
            .updated
            .as_ref()
            .unwrap_or(&article.summary.published);
        assert_eq!(ld["dateModified"], modified.as_str());
        assert_eq!(ld["mainEntityOfPage"], url.as_str());

        // The body, in the HTML: one h1, every paragraph and heading.
        assert_eq!(text(one(&html, "main h1")), article.summary.title);
        let main = text(one(&html, "main"));
        for block in &article.body {
            let expected = match block {
                Block::Paragraph { text } => text.plain(),
                Block::Heading { text, .. } => text.clone(),
                _ => continue,
            };
            assert!(main.contains(&expected), "{slug}: missing « {expected} »");
        }
        // The page is marked as this route's, for the app to take it over.
        assert_eq!(
            attr(&html, "meta[name='veille-route']", "content"),
            routes::article(slug)
        );
    }
}

#[test]
fn the_page_carries_the_data_it_was_rendered_with() {
    let catalog = bundled().unwrap();
    let slug = &catalog.summaries()[0].slug;
    let raw = fs::read_to_string(dist().join(routes::file_for(&routes::article(slug)))).unwrap();
    let html = Html::parse_document(&raw);
    let data = select(&html, "head script:not([type])")
        .into_iter()
        .map(text)
        .find(|s| s.contains("__RESOLVED_RESOURCES"))
        .expect("no serialized resources");
    assert!(
        data.contains(&format!("\\\"slug\\\":\\\"{slug}\\\"")),
        "the article is not in the data"
    );
    // The data comes before leptos_meta's marker, and the route's tags after it.
    let marker = raw.find("<!--HEAD-->").expect("no <!--HEAD--> marker");
    assert!(raw.find("__RESOLVED_RESOURCES").unwrap() < marker);
    assert!(raw.find("rel=\"canonical\"").unwrap() > marker);
    // trunk's title was replaced by the route's, not added to.
    assert_eq!(select(&html, "title").len(), 1);
}

#[test]
fn only_the_pages_that_render_once_the_app_runs_preload_its_wasm() {
    let preloads = |file: &str| {
        let html = Html::parse_document(&fs::read_to_string(dist().join(file)).unwrap());
        select(&html, "link[rel=preload][href$='.wasm']").len()
    };
    // Painted from their HTML: the wasm does not compete with what paints them.
    for file in ["index.html", "a-propos/index.html", "page/1/index.html"] {
        assert_eq!(preloads(file), 0, "{file}");
    }
    // Rendered by the app: the sooner its wasm, the sooner they show.
    for file in ["404.html", "spa.html"] {
        assert_eq!(preloads(file), 1, "{file}");
    }
}

#[test]
fn every_route_and_the_404_are_written() {
    let catalog = bundled().unwrap();
    let routes = routes::all(catalog);
    for route in &routes {
        let html = page(&route.path);
        let h1 = select(&html, "main h1").len();
        // The style guide shows whole pages as specimens, each with its title.
        if route.indexable {
            assert_eq!(h1, 1, "{}", route.path);
        } else {
            assert!(h1 >= 1, "{}", route.path);
        }
        assert_eq!(
            attr(&html, "meta[name='veille-route']", "content"),
            route.path
        );
    }
    // Each page of the home index shows its own articles: page 1, the oldest.
    let page1 = catalog.index_page(1).unwrap();
    assert_eq!(
        page1.items.last().map(|s| &s.slug),
        catalog.summaries().last().map(|s| &s.slug)
    );
    let html = page("/page/1");
    let titles: Vec<String> = select(&html, ".card__title")
        .into_iter()
        .map(text)
        .collect();
    let expected: Vec<String> = page1
        .items
        .iter()
        .map(|s| {
            futures::executor::block_on(Source::Bundled.article(&s.slug))
                .unwrap()
                .summary
                .title
        })
        .collect();
    assert_eq!(titles, expected);
    assert_eq!(
        attr(&html, "link[rel=canonical]", "href"),
        "https://veille-ia.example/page/1"
    );

    let not_found = Html::parse_document(&fs::read_to_string(dist().join("404.html")).unwrap());
    // Served for any address the build had no page for, a fresh article's among them: it says
    // it is looking, and « introuvable » only to a reader without JavaScript.
    assert_eq!(
        text(one(&not_found, "main h1")),
        veille::pages::not_found::LOOKING
    );
    assert!(text(one(&not_found, "title")).starts_with(veille::pages::not_found::LOOKING));
    let raw = fs::read_to_string(dist().join("404.html")).unwrap();
    let (before, noscript) = raw
        .split_once("<noscript>")
        .expect("404.html: no <noscript>");
    assert!(
        !before.contains("introuvable"),
        "404.html says « introuvable » before it knows"
    );
    assert!(noscript
        .split("</noscript>")
        .next()
        .unwrap()
        .contains("Page introuvable"));
    // If the app never comes, the page says so after a while, by its own CSS, which its policy
    // allows (tests/e2e/faults-pages.test.mjs shows it hidden, then shown).
    let late = text(one(&not_found, "p.not-found__late[role=status]"));
    assert!(
        late.starts_with(veille::pages::not_found::LATE.trim_end()),
        "{late}"
    );
    let style = one(&not_found, "body style").inner_html();
    assert!(style.contains(&format!(
        "{}s forwards",
        veille::pages::not_found::LATE_AFTER_S
    )));
    use base64::Engine;
    let digest = base64::engine::general_purpose::STANDARD
        .encode(<sha2::Sha256 as sha2::Digest>::digest(style.as_bytes()));
    assert!(
        raw.contains(&format!("'sha256-{digest}'")),
        "404.html's policy omits its style"
    );
    assert_eq!(attr(&not_found, "meta[name=robots]", "content"), "noindex");
    // Never taken over: the app renders whatever the address asks for.
    assert_eq!(attr(&not_found, "meta[name='veille-route']", "content"), "");
    // trunk's page kept as the app's shell, with a policy of its own.
    let template = prerender::Template::parse(TEMPLATE).unwrap();
    assert_eq!(
        fs::read_to_string(dist().join("spa.html")).unwrap(),
        prerender::with_policy(TEMPLATE.to_string(), &template.policy)
    );
}

#[test]
fn the_route_list_names_every_page_written_with_its_kind_and_file() {
    let catalog = bundled().unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dist().join(routes::LIST_FILE)).unwrap()).unwrap();
    let listed = json.as_array().unwrap();
    let expected = routes::all(catalog);
    assert_eq!(listed.len(), expected.len());
    for (entry, route) in listed.iter().zip(&expected) {
        assert_eq!(entry["path"], route.path.as_str());
        let file = entry["file"].as_str().unwrap();
        assert_eq!(file, routes::file_for(&route.path));
        // The file is there, and is that route's page.
        let html = Html::parse_document(&fs::read_to_string(dist().join(file)).unwrap());
        assert_eq!(
            attr(&html, "meta[name='veille-route']", "content"),
            route.path
        );
        assert_eq!(entry["indexable"], route.indexable);
        assert_eq!(entry["lastmod"].as_str(), route.lastmod.as_deref());
    }
    // One kind per router pattern, by name, as the end-to-end tests read them.
    let kind = |path: &str| {
        listed.iter().find(|e| e["path"] == path).unwrap()["kind"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(kind("/"), "home");
    assert_eq!(kind("/page/1"), "home-page");
    assert_eq!(kind("/a-propos"), "about");
    assert_eq!(kind("/recherche"), "search");
    assert_eq!(kind("/tag/sante"), "tag");
    assert_eq!(
        kind(&routes::article(&catalog.summaries()[0].slug)),
        "article"
    );
}

#[test]
fn each_page_s_policy_is_the_one_computed_from_the_finished_page() {
    // trunk's page with an inlined style, an inline script and configured origins: the policy
    // `render` writes as it assembles the page (the template's hashes computed once) must be
    // exactly the one `with_policy` computes by reading the whole finished page.
    let html = TEMPLATE
        .replace(
            "<link href=/main-0123.css rel=stylesheet>",
            "<style>:root{--a:1}</style><script>window.x=1</script>",
        )
        .replace(
            "<meta name=veille-newsletter>",
            "<meta name=veille-newsletter content=\"listmonk https://lettres.example/ ab12\">",
        )
        .replace(
            "<meta name=veille-content-api>",
            "<meta name=veille-content-api content=\"https://api.example/v1\">",
        )
        .replace("</body>", "<script>window.y=2</script></body>")
        // Between the head and the body (the parser puts it in the head): counted once.
        .replace("</head><body>", "</head><script>window.z=3</script><body>");
    let template = prerender::Template::parse(&html).unwrap();
    let catalog = bundled().unwrap();
    let mut paths: Vec<String> = routes::all(catalog).into_iter().map(|r| r.path).collect();
    paths.push("/nulle-part".into());
    for path in &paths {
        let page = prerender::render(&template, &Source::Bundled, path, path);
        let start = page
            .find("<meta http-equiv=\"Content-Security-Policy\"")
            .unwrap_or_else(|| panic!("{path}: no policy"));
        let end = start + page[start..].find('>').unwrap() + 1;
        let without = format!("{}{}", &page[..start], &page[end..]);
        assert_eq!(
            prerender::with_policy(without, &template.policy),
            page,
            "{path}"
        );
        let policy = &page[start..end];
        // The style, the template's three scripts and the data script are listed; and the
        // workshop's own layout, which its page adds (style/styleguide.css).
        let hashes = if path == routes::STYLEGUIDE { 6 } else { 5 };
        assert_eq!(
            policy.matches("'sha256-").count(),
            hashes,
            "{path}: {policy}"
        );
        assert!(policy.contains("https://api.example"), "{policy}");
    }
}

#[test]
fn the_navigation_marks_the_section_the_reader_is_in() {
    let slug = &bundled().unwrap().summaries()[0].slug;
    let article = routes::article(slug);
    for (path, expected) in [
        ("/", Some("/")),
        ("/tag/sante", Some("/tag/sante")),
        ("/a-propos", Some("/a-propos")),
        (article.as_str(), None),
    ] {
        let html = page(path);
        let current: Vec<String> = select(&html, "[aria-current]")
            .iter()
            .map(|a| {
                assert_eq!(a.value().attr("aria-current"), Some("page"), "{path}");
                assert_eq!(a.value().name(), "a", "{path}");
                a.value().attr("href").unwrap_or_default().to_string()
            })
            .collect();
        assert_eq!(
            current,
            Vec::from_iter(expected.map(String::from)),
            "{path}"
        );
    }
}

#[test]
fn the_feed_is_well_formed_and_lists_every_article() {
    let catalog = bundled().unwrap();
    let xml = fs::read_to_string(dist().join("feed.xml")).unwrap();
    let ids = xml_texts(&xml, "id");
    // The feed's own id, then one per entry, newest first.
    assert_eq!(ids[0], "https://veille-ia.example/");
    let expected: Vec<String> = catalog
        .summaries()
        .iter()
        .map(|s| format!("https://veille-ia.example/article/{}", s.slug))
        .collect();
    assert_eq!(ids[1..], expected[..]);
    let titles = xml_texts(&xml, "title");
    assert_eq!(titles[0], "Veille IA");
    assert_eq!(titles.len(), catalog.summaries().len() + 1);
    assert!(xml.contains("xml:lang=\"fr\""));
}

#[test]
fn the_sitemap_is_well_formed_and_lists_every_page() {
    let catalog = bundled().unwrap();
    let locs = sitemap_locs();
    for summary in catalog.summaries() {
        let url = format!(
            "https://veille-ia.example{}",
            routes::article(&summary.slug)
        );
        assert!(locs.contains(&url), "{url}");
    }
    for tag in &catalog.site().tags {
        assert!(locs.contains(&format!("https://veille-ia.example/tag/{}", tag.slug)));
    }
    assert!(locs.contains(&"https://veille-ia.example/a-propos".to_string()));
    assert!(!locs.iter().any(|l| l.contains("styleguide")));
    let robots = fs::read_to_string(dist().join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://veille-ia.example/sitemap.xml"));
}

#[test]
fn the_prerender_can_run_again_on_its_own_output() {
    let dir = scratch("again");
    fs::write(dir.join("index.html"), TEMPLATE).unwrap();
    prerender::prerender(&dir, bundled().unwrap(), &Source::Bundled, None).unwrap();
    let first = fs::read_to_string(dir.join("index.html")).unwrap();
    // index.html is now the home page: trunk's page is read from spa.html instead.
    prerender::prerender(&dir, bundled().unwrap(), &Source::Bundled, None).unwrap();
    assert_eq!(fs::read_to_string(dir.join("index.html")).unwrap(), first);
    // spa.html is trunk's page with its own policy (it runs the app for hosts that serve it);
    // the policy it carries is not taken into the pages as a second one.
    let template = prerender::Template::parse(TEMPLATE).unwrap();
    let shell = fs::read_to_string(dir.join("spa.html")).unwrap();
    assert_eq!(
        shell,
        prerender::with_policy(TEMPLATE.to_string(), &template.policy)
    );
    assert_eq!(
        first
            .matches("http-equiv=\"Content-Security-Policy\"")
            .count(),
        1
    );
    let _ = fs::remove_dir_all(dir);
}

/// The content of a page's Content-Security-Policy `<meta>`; fails unless it has exactly one.
fn policy_in(file: &Path) -> String {
    let html = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    attr(
        &Html::parse_document(&html),
        "meta[http-equiv=Content-Security-Policy]",
        "content",
    )
}

#[test]
fn a_configuration_edited_in_the_built_shell_reaches_every_policy_on_a_rerun() {
    // docs/deploying.md says: to change the configuration of a built site, edit dist/spa.html and run
    // the prerender again. The shell's own policy must follow, not only the pages'.
    let dir = scratch("edited");
    fs::write(dir.join("index.html"), TEMPLATE).unwrap();
    prerender::prerender(&dir, bundled().unwrap(), &Source::Bundled, None).unwrap();
    let shell = dir.join("spa.html");
    assert!(policy_in(&shell).ends_with("form-action 'self'"));
    let edited = fs::read_to_string(&shell).unwrap().replace(
        "<meta name=veille-newsletter>",
        "<meta name=veille-newsletter content=\"json https://inscription.example/lettre\">",
    );
    assert!(
        edited.contains("inscription.example"),
        "the template changed"
    );
    fs::write(&shell, edited).unwrap();
    prerender::prerender(&dir, bundled().unwrap(), &Source::Bundled, None).unwrap();
    for file in ["spa.html", "index.html", "404.html", "a-propos/index.html"] {
        let policy = policy_in(&dir.join(file));
        assert!(
            policy.contains("form-action 'self' https://inscription.example")
                && policy.contains("connect-src 'self' https://inscription.example"),
            "{file}: {policy}"
        );
    }
    // The shell's policy is the one computed from the shell itself, as on a first run.
    let kept = fs::read_to_string(&shell).unwrap();
    let template = prerender::Template::parse(&kept).unwrap();
    let start = kept.find("<meta http-equiv").unwrap();
    let end = start + kept[start..].find('>').unwrap() + 1;
    let bare = format!("{}{}", &kept[..start], &kept[end..]);
    assert_eq!(prerender::with_policy(bare, &template.policy), kept);
    let _ = fs::remove_dir_all(dir);
}

/// Every file under `dir`, as paths relative to it, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn hostile_slugs_are_refused_and_nothing_is_written_outside_the_output() {
    use veille::content::Catalog;
    // (what site.json's first tag or an article is given, the field the error must name)
    let original_site = fs::read_to_string(workspace().join("public/api/site.json")).unwrap();
    let original_article =
        fs::read_to_string(workspace().join("public/api/articles/evaluer-un-classifieur.json"))
            .unwrap();
    let (site, article) = (&original_site, &original_article);
    let long = "a".repeat(201);
    let hostile = [
        "..",
        "../dehors",
        "../../dehors",
        "/etc/dehors",
        "%2e%2e",
        "..\\\\dehors",
        "a\\u0000b",
        long.as_str(),
        "",
        "Majuscule",
    ];
    for slug in hostile {
        for target in ["tag", "article", "article tag"] {
            let root = scratch("hostile");
            let content = root.join("content");
            let out = root.join("sortie").join("dist");
            fs::create_dir_all(content.join("articles")).unwrap();
            fs::create_dir_all(&out).unwrap();
            fs::write(out.join("index.html"), TEMPLATE).unwrap();
            let (site, article, field) = match target {
                "tag" => (
                    site.replacen(
                        "\"slug\": \"securite\"",
                        &format!("\"slug\": \"{slug}\""),
                        1,
                    ),
                    article.to_string(),
                    "site.json › tags[0].slug",
                ),
                "article" => (
                    site.to_string(),
                    article.replacen(
                        "\"slug\": \"evaluer-un-classifieur\"",
                        &format!("\"slug\": \"{slug}\""),
                        1,
                    ),
                    "articles/x.json › slug",
                ),
                _ => (
                    site.to_string(),
                    article.replacen("\"tags\": [", &format!("\"tags\": [\"{slug}\", "), 1),
                    "articles/x.json › tags[0]",
                ),
            };
            assert!(
                slug == "securite" || site != original_site || article != original_article,
                "{target} {slug:?}: the fixture changed"
            );
            fs::write(content.join("site.json"), &site).unwrap();
            fs::write(content.join("articles/x.json"), &article).unwrap();
            let err = Catalog::from_dir(&content)
                .expect_err(&format!("{target} {slug:?}"))
                .to_string();
            assert!(
                err.contains(field) && err.contains("n’est pas valide"),
                "{target} {slug:?}: {err}"
            );
            // Nothing was written: the prerender never starts on refused content.
            assert_eq!(files_under(&out), ["index.html"], "{target} {slug:?}");
            assert_eq!(files_under(&root.join("sortie")), ["dist/index.html"]);
            let _ = fs::remove_dir_all(root);
        }
    }

    // Two tags, or two articles, with the same slug: refused, naming the slug.
    let twice = site.replacen("\"slug\": \"securite\"", "\"slug\": \"sante\"", 1);
    assert!(twice.matches("\"slug\": \"sante\"").count() == 2);
    let root = scratch("twice");
    fs::create_dir_all(root.join("articles")).unwrap();
    fs::write(root.join("site.json"), &twice).unwrap();
    let err = Catalog::from_dir(&root).unwrap_err().to_string();
    assert!(
        err.contains("site.json › tags[") && err.contains("même slug «\u{a0}sante\u{a0}»"),
        "{err}"
    );
    let one =
        fs::read_to_string(workspace().join("public/api/articles/ia-et-imagerie-medicale.json"))
            .unwrap();
    let a: veille::content::Article = serde_json::from_str(&one).unwrap();
    let site_value: veille::content::Site = serde_json::from_str(site).unwrap();
    let err = Catalog::new(site_value, vec![a.clone(), a]).unwrap_err();
    assert!(
        err.to_string()
            .contains("deux articles ont le même slug «\u{a0}ia-et-imagerie-medicale\u{a0}»"),
        "{err}"
    );

    // A content source checked upstream still cannot make the writer leave its folder: the
    // prerender of a valid archive into a folder whose `article` is a link elsewhere fails.
    let root = scratch("linked");
    let out = root.join("dist");
    let elsewhere = root.join("ailleurs");
    fs::create_dir_all(&out).unwrap();
    fs::create_dir_all(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, out.join("article")).unwrap();
    fs::write(out.join("index.html"), TEMPLATE).unwrap();
    let catalog = std::sync::Arc::new(Catalog::from_dir(&workspace().join("public/api")).unwrap());
    let err = prerender_archive(&out, &catalog).unwrap_err().to_string();
    assert!(err.contains("hors du dossier de sortie"), "{err}");
    assert!(
        fs::read_dir(&elsewhere).unwrap().next().is_none(),
        "something was created there"
    );
    let _ = fs::remove_dir_all(root);
}

/// The prerender of an archive read by a native tool, into `out`, without islands.
fn prerender_archive(
    out: &Path,
    catalog: &std::sync::Arc<veille::content::Catalog>,
) -> Result<prerender::Report, prerender::BuildError> {
    let source = Source::Archive(veille::content::Archive(catalog.clone()));
    prerender::prerender(out, catalog, &source, None)
}

#[test]
fn a_synthetic_archive_of_200_articles_builds_end_to_end() {
    use veille::content::{synthetic, Catalog};
    let dir = scratch("scale");
    let content = dir.join("content");
    let out = dir.join("dist");
    fs::create_dir_all(&out).unwrap();
    synthetic::write(&content, 200, 3).unwrap();
    // Read back from the files, as `veille-prerender --content` does.
    let catalog = std::sync::Arc::new(Catalog::from_dir(&content).unwrap());
    fs::write(out.join("index.html"), TEMPLATE).unwrap();
    let report = prerender_archive(&out, &catalog).unwrap();
    let routes = routes::all(&catalog);
    assert_eq!(report.pages, routes.len() + 1);
    let read = |path: &str| {
        let file = out.join(routes::file_for(path));
        Html::parse_document(&fs::read_to_string(&file).unwrap_or_else(|e| panic!("{path}: {e}")))
    };

    // The home pagination is a chain: « plus anciens » from page to page, every page a file,
    // together listing every article once, newest first.
    let mut seen = Vec::new();
    let mut path = "/".to_string();
    let mut pages = 0;
    loop {
        let html = read(&path);
        pages += 1;
        seen.extend(
            select(&html, "main .card__title a")
                .into_iter()
                .filter_map(|a| a.value().attr("href").map(str::to_string)),
        );
        match select(&html, ".pager__older").first() {
            Some(next) => path = next.value().attr("href").unwrap().to_string(),
            None => break,
        }
    }
    // The head shows the last two pages of twelve.
    assert_eq!(pages, 200usize.div_ceil(12) - 1);
    let expected: Vec<String> = catalog
        .summaries()
        .iter()
        .map(|s| routes::article(&s.slug))
        .collect();
    assert_eq!(seen, expected);

    // Each tag's pages chain the same way and list exactly its articles.
    for tag in &catalog.site().tags {
        let mut listed = 0;
        let mut path = routes::tag(&tag.slug);
        loop {
            let html = read(&path);
            listed += select(&html, "main .card").len();
            match select(&html, ".pager__older").first() {
                Some(next) => path = next.value().attr("href").unwrap().to_string(),
                None => break,
            }
        }
        let tagged = catalog
            .summaries()
            .iter()
            .filter(|s| s.tags.contains(&tag.slug))
            .count();
        assert_eq!(listed, tagged, "{}", tag.slug);
    }

    // Every article page exists; its related articles share at least one tag with it.
    for summary in catalog.summaries() {
        let html = read(&routes::article(&summary.slug));
        let related: Vec<String> = select(&html, ".related .card__title a")
            .into_iter()
            .filter_map(|a| {
                a.value()
                    .attr("href")
                    .map(|h| h.trim_start_matches("/article/").to_string())
            })
            .collect();
        assert_eq!(related.len(), 3, "{}", summary.slug);
        for other in related {
            let other = catalog
                .summaries()
                .iter()
                .find(|s| s.slug == other)
                .unwrap();
            assert!(
                other.tags.iter().any(|t| summary.tags.contains(t)),
                "{} and {} share no tag",
                summary.slug,
                other.slug
            );
        }
    }

    // The sitemap lists every article.
    let locs = xml_texts(&fs::read_to_string(out.join("sitemap.xml")).unwrap(), "loc");
    for s in catalog.summaries() {
        assert!(locs.contains(&format!("https://veille-ia.example/article/{}", s.slug)));
    }
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_build_from_a_content_directory_can_name_its_api_for_every_page() {
    let dir = scratch("api");
    fs::write(dir.join("index.html"), TEMPLATE).unwrap();
    prerender::set_content_api(&dir, "/api", "veille", "").unwrap();
    prerender::prerender(&dir, bundled().unwrap(), &Source::Bundled, None).unwrap();
    for file in ["index.html", "spa.html", "404.html", "a-propos/index.html"] {
        let html = Html::parse_document(&fs::read_to_string(dir.join(file)).unwrap());
        assert_eq!(
            attr(&html, "meta[name='veille-content-api']", "content"),
            "/api",
            "{file}"
        );
    }
    // On an already prerendered build, the kept template is edited and used: here, to read a
    // Ghost site live.
    prerender::set_content_api(&dir, "https://contenu.example/v1", "ghost", "0a1b2c").unwrap();
    prerender::prerender(&dir, bundled().unwrap(), &Source::Bundled, None).unwrap();
    let html = Html::parse_document(&fs::read_to_string(dir.join("index.html")).unwrap());
    for (meta, value) in [
        ("veille-content-api", "https://contenu.example/v1"),
        ("veille-content-kind", "ghost"),
        ("veille-content-key", "0a1b2c"),
    ] {
        assert_eq!(
            attr(&html, &format!("meta[name='{meta}']"), "content"),
            value
        );
    }
    // And the policy lets the pages ask that origin.
    assert!(attr(
        &html,
        "meta[http-equiv='Content-Security-Policy']",
        "content"
    )
    .contains("connect-src 'self' https://contenu.example"));
    // A page without the meta is refused, in French, rather than silently left as it is.
    let bare = scratch("api-bare");
    fs::write(
        bare.join("index.html"),
        "<!doctype html><head></head><body></body>",
    )
    .unwrap();
    let err = prerender::set_content_api(&bare, "/api", "veille", "")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("pas de <meta name=veille-content-api>"),
        "{err}"
    );
    let _ = fs::remove_dir_all(dir);
    let _ = fs::remove_dir_all(bare);
}

#[test]
fn a_site_reading_its_cms_live_knows_how_far_its_search_index_goes() {
    let dir = scratch("indexed");
    fs::write(dir.join("index.html"), TEMPLATE).unwrap();
    let catalog = bundled().unwrap();
    let newest = &catalog.summaries()[0].published;
    assert!(
        catalog.summaries().iter().all(|s| &s.published <= newest),
        "not the newest"
    );
    prerender::set_content_api(&dir, "https://wp.example", "wordpress", "").unwrap();
    prerender::set_content_indexed(&dir, catalog).unwrap();
    // Twice, as a second build does: one meta, the date of this build.
    prerender::set_content_indexed(&dir, catalog).unwrap();
    prerender::prerender(&dir, catalog, &Source::Bundled, None).unwrap();
    for file in ["index.html", "spa.html", "404.html", "recherche/index.html"] {
        let text = fs::read_to_string(dir.join(file)).unwrap();
        assert_eq!(text.matches("veille-content-indexed").count(), 1, "{file}");
        let html = Html::parse_document(&text);
        assert_eq!(
            attr(&html, "meta[name='veille-content-indexed']", "content"),
            newest.as_str(),
            "{file}"
        );
    }
    // A site whose pages read only what was built has no such meta.
    let plain = scratch("not-indexed");
    fs::write(plain.join("index.html"), TEMPLATE).unwrap();
    prerender::prerender(&plain, catalog, &Source::Bundled, None).unwrap();
    let home = fs::read_to_string(plain.join("index.html")).unwrap();
    assert!(!home.contains("veille-content-indexed"));
    let _ = fs::remove_dir_all(dir);
    let _ = fs::remove_dir_all(plain);
}

/// trunk's loader as it really is (0.22, minified), for the full app and for the islands.
fn with_loader(html: &str, name: &str) -> String {
    html.replace(
        "<link as=fetch crossorigin href=/veille-0123_bg.wasm rel=preload type=application/wasm>\
<script type=module>import init from\"/veille-0123.js\";await init();</script>",
        &format!(
            "<link rel=modulepreload href=/{name}.js><link as=fetch crossorigin href=/{name}_bg.wasm rel=preload type=application/wasm>\
<script type=module>import init,*as bindings from\"/{name}.js\";const wasm=await init({{module_or_path:`/{name}_bg.wasm`}});window.wasmBindings=bindings;dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\",{{detail:{{wasm}}}}));</script>"
        ),
    )
}

/// What trunk writes for the two builds (stand-ins for their JavaScript and wasm): the full
/// app's page in `dist`, the islands' page and files in `islands`.
fn trunk_outputs(dist: &Path, islands: &Path) {
    fs::create_dir_all(dist).unwrap();
    fs::write(
        dist.join("index.html"),
        with_loader(TEMPLATE, "veille-app1"),
    )
    .unwrap();
    fs::create_dir_all(islands).unwrap();
    fs::write(
        islands.join("index.html"),
        with_loader(TEMPLATE, "veille-ilots2"),
    )
    .unwrap();
    fs::write(
        islands.join("veille-ilots2.js"),
        "export default async () => {}",
    )
    .unwrap();
    fs::write(islands.join("veille-ilots2_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
}

/// A build of islands: trunk's output of the full app in `dir`, of the islands in `dir/îlots`.
fn islands_build(name: &str, api: Option<(&str, &str)>) -> (PathBuf, PathBuf) {
    let dir = scratch(name);
    let islands = dir.join("îlots");
    trunk_outputs(&dir, &islands);
    if let Some((api, kind)) = api {
        prerender::set_content_api(&dir, api, kind, "").unwrap();
    }
    prerender::prerender(&dir, bundled().unwrap(), &Source::Bundled, Some(&islands)).unwrap();
    (dir, islands)
}

#[test]
fn with_islands_the_route_pages_load_only_the_navigation_and_name_both_wasms() {
    let (dir, _) = islands_build("islands", None);
    let catalog = bundled().unwrap();
    // The islands' files are copied beside the app's.
    assert!(dir.join("veille-ilots2_bg.wasm").is_file());
    assert!(dir.join("veille-ilots2.js").is_file());
    for route in routes::all(catalog) {
        let raw = fs::read_to_string(dir.join(route.file())).unwrap();
        let html = Html::parse_document(&raw);
        let path = &route.path;
        assert_eq!(
            attr(&html, "meta[name='veille-islands']", "content"),
            "/veille-ilots2.js /veille-ilots2_bg.wasm",
            "{path}"
        );
        assert_eq!(
            attr(&html, "meta[name='veille-app']", "content"),
            "/veille-app1.js /veille-app1_bg.wasm",
            "{path}"
        );
        // One inline script, the navigation's loader, as a module (it never holds the
        // parser); nothing else runs: no trunk loader, no preload, no resource data.
        assert!(
            select(&html, "script:not([src]):not([type])").is_empty(),
            "{path}"
        );
        let loader = one(&html, "head script[type=module]:not([src])");
        assert_eq!(text(loader), veille::hydration::NAVIGATION_LOADER, "{path}");
        assert!(
            !raw.contains("import init"),
            "{path}: trunk's loader is still there"
        );
        assert!(
            !raw.contains("__RESOLVED_RESOURCES"),
            "{path}: resource data"
        );
        assert_eq!(
            select(&html, "link[rel=preload], link[rel=modulepreload]").len(),
            0,
            "{path}"
        );
        assert_eq!(
            select(&html, "script:not([type='application/ld+json'])").len(),
            1,
            "{path}"
        );
        // Its policy is still the one computed from the finished page.
        let start = raw
            .find("<meta http-equiv=\"Content-Security-Policy\"")
            .unwrap();
        let end = start + raw[start..].find('>').unwrap() + 1;
        let without = format!("{}{}", &raw[..start], &raw[end..]);
        let template =
            prerender::Template::parse(&fs::read_to_string(dir.join("spa.html")).unwrap()).unwrap();
        assert_eq!(
            prerender::with_policy(without, &template.policy),
            raw,
            "{path}"
        );
    }
    // An article's islands carry what they need, and the page's own text is outside them.
    let summary = &catalog.summaries()[0];
    let raw =
        fs::read_to_string(dir.join(routes::file_for(&routes::article(&summary.slug)))).unwrap();
    let html = Html::parse_document(&raw);
    // The share rows are no islands: navigation.js serves them from their attributes.
    assert!(select(&html, "leptos-island[data-component=partage]").is_empty());
    let shares = select(&html, ".share[data-url]");
    assert_eq!(shares.len(), 2);
    for share in shares {
        let data = |name| share.value().attr(name).unwrap_or_default();
        assert_eq!(
            data("data-url"),
            veille::seo::absolute(catalog.site(), &routes::article(&summary.slug))
        );
        assert_eq!(data("data-titre"), summary.title.as_str());
        assert_eq!(data("data-texte"), summary.lead.as_str());
        // The share sheet's button is there, hidden until navigation.js finds a sheet.
        let fragment = Html::parse_fragment(&share.html());
        assert!(one(&fragment, ".share__native").ancestors().any(|n| n
            .value()
            .as_element()
            .is_some_and(|e| e.name() == "li" && e.attr("hidden").is_some())));
    }
    // The full app's rows are its own: no attributes for a script, no sheet button before it runs.
    let full = page(&routes::article(&summary.slug));
    assert!(select(&full, ".share[data-url], .share__native").is_empty());
    let letter = one(&html, "leptos-island[data-component=lettre]");
    let props: serde_json::Value =
        serde_json::from_str(letter.value().attr("data-props").unwrap()).unwrap();
    assert_eq!(props["source"], summary.slug.as_str());
    assert_eq!(props["provider"], "Preview");
    assert_eq!(
        props["copy"]["title"],
        catalog.site().newsletter.title.as_str()
    );
    assert!(select(&html, "leptos-island .article__body, leptos-island h1").is_empty());
    // Rendered in islands mode, every route shows the same text as the full app's page.
    for route in routes::all(catalog) {
        let file = route.file();
        let islands = Html::parse_document(&fs::read_to_string(dir.join(&file)).unwrap());
        let full = Html::parse_document(&fs::read_to_string(dist().join(&file)).unwrap());
        assert_eq!(
            text(one(&islands, "body")),
            text(one(&full, "body")),
            "{file}"
        );
        assert!(text(one(&islands, "main")).len() > 100, "{file}");
    }
    // 404.html renders any address: the full app, as before.
    let not_found = fs::read_to_string(dir.join("404.html")).unwrap();
    assert!(not_found.contains("import init,*as bindings from\"/veille-app1.js\""));
    assert!(!not_found.contains("veille-islands"));
}

#[test]
fn a_site_that_reads_its_content_at_run_time_is_made_of_pages_of_islands_too() {
    // Veille's API, or a CMS read live: every prerendered page is the build's, a page of
    // islands that records the API it was made with; 404.html, for the addresses the build had
    // no page for, is the full app, which reads that API.
    for (kind, api) in [
        ("veille", "/api"),
        ("ghost", "https://ghost.example"),
        ("wordpress", "https://wp.example"),
    ] {
        let (dir, _) = islands_build(&format!("islands-{kind}"), Some((api, kind)));
        assert!(dir.join("veille-ilots2_bg.wasm").is_file(), "{kind}");
        for file in ["index.html", "a-propos/index.html", "page/1/index.html"] {
            let raw = fs::read_to_string(dir.join(file)).unwrap();
            let html = Html::parse_document(&raw);
            assert_eq!(
                attr(&html, "meta[name='veille-api-rendu']", "content"),
                api,
                "{kind} {file}"
            );
            assert_eq!(
                attr(&html, "meta[name='veille-content-api']", "content"),
                api
            );
            assert!(!raw.contains("import init"), "{kind} {file}: the full app");
            assert!(!raw.contains("__RESOLVED_RESOURCES"), "{kind} {file}");
        }
        let not_found = fs::read_to_string(dir.join("404.html")).unwrap();
        assert!(!not_found.contains("veille-islands"), "{kind}");
        assert!(not_found.contains("import init,*as bindings from\"/veille-app1.js\""));
        // The search page asks WordPress, read live, what came after the build's index: the
        // full app's, which gives search.js that request. Elsewhere, a page of islands.
        let search = fs::read_to_string(dir.join("recherche/index.html")).unwrap();
        assert_eq!(
            search.contains("import init,*as bindings from\"/veille-app1.js\""),
            kind == "wordpress",
            "{kind}"
        );
        assert_eq!(
            search.contains("veille-islands"),
            kind != "wordpress",
            "{kind}"
        );
    }
}

#[test]
fn every_article_page_offers_three_articles_to_read_next() {
    // The AI Act shares a tag with one other article only: the newest of all make up the three.
    let catalog = bundled().unwrap();
    for summary in catalog.summaries() {
        let html = page(&routes::article(&summary.slug));
        let links: Vec<String> = select(&html, ".related .card__title a")
            .into_iter()
            .map(|a| a.value().attr("href").unwrap_or_default().to_string())
            .collect();
        assert_eq!(links.len(), 3, "{}: {links:?}", summary.slug);
        assert!(
            !links.contains(&routes::article(&summary.slug)),
            "{}",
            summary.slug
        );
    }
}

#[test]
fn the_search_page_is_written_for_readers_not_for_search_engines() {
    let html = page(routes::SEARCH);
    assert_head(
        &html,
        &[
            ("meta[name=robots]", "noindex, follow"),
            ("link[rel=canonical]", "https://veille-ia.example/recherche"),
        ],
    );
    assert_eq!(text(one(&html, "main h1")), "Rechercher");
    // Without a script: what it needs, and a way on, to each tag's page.
    let status = text(one(&html, ".search__status[role=status]"));
    assert!(
        status.starts_with("La recherche a besoin de JavaScript"),
        "{status}"
    );
    let tags: Vec<&str> = select(&html, ".search__suggestions a")
        .into_iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    let expected: Vec<String> = bundled()
        .unwrap()
        .site()
        .tags
        .iter()
        .map(|t| routes::tag(&t.slug))
        .collect();
    assert_eq!(tags, expected);
    // The results list is empty; the filters are the script's to make (they need it).
    assert!(select(&html, ".search__results li").is_empty());
    assert!(select(&html, "input[type=radio]").is_empty());
    // Out of the sitemap.
    let locs = sitemap_locs();
    assert!(!locs.contains(&"https://veille-ia.example/recherche".to_string()));
}

#[test]
fn every_page_has_a_search_form_that_works_without_a_script() {
    for path in ["/", "/a-propos", routes::SEARCH, "/tag/sante"] {
        let html = page(path);
        let form = one(&html, "header form[role=search]");
        assert_eq!(form.value().attr("action"), Some(routes::SEARCH), "{path}");
        assert_eq!(form.value().attr("method"), Some("get"), "{path}");
        assert_eq!(
            form.value().attr("aria-label"),
            Some("Rechercher dans le site")
        );
        assert_eq!(
            attr(&html, "header input[type=search]", "name"),
            routes::search_param::QUERY
        );
        // A plain GET to the site's own page: its policy lets the form go there.
        let csp = attr(&html, "meta[http-equiv=Content-Security-Policy]", "content");
        assert!(csp.contains("form-action 'self'"), "{path}: {csp}");
    }
    let file = dist().join("404.html");
    let not_found = Html::parse_document(&fs::read_to_string(file).unwrap());
    assert_eq!(select(&not_found, "header form[role=search]").len(), 1);
}

#[test]
fn every_author_has_a_page_that_the_byline_links_to() {
    let catalog = bundled().unwrap();
    let locs = sitemap_locs();
    for summary in catalog.summaries() {
        let article = catalog.article(&summary.slug).unwrap();
        let author = article.author();
        let href = routes::author(&author.slug);
        // The byline names the author and links to their page.
        let html = page(&routes::article(&summary.slug));
        let byline = one(&html, ".byline a.byline__author");
        assert_eq!(byline.value().attr("href"), Some(href.as_str()));
        assert_eq!(text(byline), summary.author);
        // The article's JSON-LD names that page as its author's.
        let ld: serde_json::Value =
            serde_json::from_str(&text(one(&html, "script[type='application/ld+json']"))).unwrap();
        assert_eq!(
            ld["author"][0]["url"],
            format!("https://veille-ia.example{href}")
        );
        // The author's page: their name, their articles, its head, in the sitemap.
        let own = page(&href);
        assert_eq!(text(one(&own, "main h1")), author.name);
        let listed: Vec<&str> = select(&own, ".card__title a")
            .into_iter()
            .filter_map(|a| a.value().attr("href"))
            .collect();
        assert!(
            listed.contains(&routes::article(&summary.slug).as_str()),
            "{href}: {listed:?}"
        );
        assert_eq!(
            attr(&own, "link[rel=canonical]", "href"),
            format!("https://veille-ia.example{href}")
        );
        let person: serde_json::Value =
            serde_json::from_str(&text(one(&own, "script[type='application/ld+json']"))).unwrap();
        assert_eq!(person["@type"], "ProfilePage");
        assert_eq!(person["mainEntity"]["@type"], "Person");
        assert_eq!(person["mainEntity"]["name"], author.name.as_str());
        assert!(
            locs.contains(&format!("https://veille-ia.example{href}")),
            "{href}"
        );
    }
    // Newest first on each author's page.
    for author in catalog.authors() {
        let own = page(&routes::author(&author.slug));
        let dates: Vec<String> = select(&own, ".card time")
            .into_iter()
            .filter_map(|t| t.value().attr("datetime").map(str::to_string))
            .collect();
        let mut sorted = dates.clone();
        sorted.sort();
        sorted.reverse();
        assert_eq!(dates, sorted, "{}", author.slug);
    }
}

/// `articles` (the site's own otherwise) prerendered into a scratch folder of `name`: the page
/// of each path, read back.
fn prerendered(name: &str, articles: Vec<veille::content::Article>) -> impl Fn(&str) -> Html {
    use veille::content::Catalog;
    let site = bundled().unwrap().site().clone();
    let catalog = std::sync::Arc::new(Catalog::new(site, articles).unwrap());
    let out = scratch(name);
    fs::write(out.join("index.html"), TEMPLATE).unwrap();
    prerender_archive(&out, &catalog).unwrap();
    move |path: &str| {
        Html::parse_document(&fs::read_to_string(out.join(routes::file_for(path))).unwrap())
    }
}

#[test]
fn an_author_s_page_shows_the_bio_their_cms_gave_and_the_byline_goes_there() {
    use veille::content::AuthorProfile;
    let mut articles = bundled().unwrap().articles().collect::<Vec<_>>();
    let (slug, name) = (
        articles[0].summary.slug.clone(),
        articles[0].summary.author.clone(),
    );
    articles[0].author_profile = Some(AuthorProfile {
        slug: "plume-de-la-redaction".into(),
        bio: Some("Journaliste scientifique : IA et santé.".into()),
    });
    let read = prerendered("bio", articles);
    // The CMS's slug names the page, which the byline links to.
    let article = read(&routes::article(&slug));
    assert_eq!(
        attr(&article, ".byline a.byline__author", "href"),
        "/auteur/plume-de-la-redaction"
    );
    let own = read(&routes::author("plume-de-la-redaction"));
    assert_eq!(text(one(&own, "main h1")), name);
    // The bio, typeset like every text, as the page's intro and in its JSON-LD and description.
    let bio = "Journaliste scientifique\u{a0}: IA et santé.";
    assert_eq!(text(one(&own, "main .page__intro")), bio);
    assert_eq!(attr(&own, "meta[name=description]", "content"), bio);
    let person: serde_json::Value =
        serde_json::from_str(&text(one(&own, "script[type='application/ld+json']"))).unwrap();
    assert_eq!(person["mainEntity"]["description"], bio);
}

#[test]
fn the_host_headers_make_only_hashed_files_immutable() {
    // Pagefind's script, worker and entry file keep their names from one build to the next: a
    // host that cached them for a year would pair an old script with a new index.
    let headers = fs::read_to_string(workspace().join("public/_headers")).unwrap();
    let mut rule = "";
    for line in headers.lines().filter(|l| !l.trim_start().starts_with('#')) {
        if !line.starts_with(' ') && !line.trim().is_empty() {
            rule = line.trim();
        } else if line.contains("immutable") {
            assert!(
                ["/veille-*", "/main-*", "/media/*"].contains(&rule),
                "{rule} is marked immutable"
            );
        }
    }
    assert!(headers.contains("/pagefind/*\n  Cache-Control: public, max-age=0, must-revalidate"));
}

/// A photograph as a CMS gives it: its size, and the sizes the CMS made of it.
fn photo(name: &str) -> veille::content::Image {
    use veille::content::{Image, Resized};
    let at = |w: u32| format!("https://cms.example/up/{name}-{w}.jpg");
    Image {
        src: format!("https://cms.example/up/{name}-scaled.jpg"),
        alt: format!("Photo {name}"),
        width: Some(2560),
        height: Some(1440),
        sizes: [300, 768, 1024, 1536, 2048]
            .into_iter()
            .map(|w| Resized {
                src: at(w),
                width: w,
            })
            .collect(),
        ..Image::default()
    }
}

#[test]
fn photos_are_sized_for_the_screen_and_only_the_largest_paint_loads_at_once() {
    let mut articles = bundled().unwrap().articles().collect::<Vec<_>>();
    for (i, article) in articles.iter_mut().enumerate() {
        article.summary.cover = Some(photo(&format!("couverture-{i}")));
    }
    // In the body, the same photo also made in AVIF by its CMS.
    let mut lighter = photo("corps");
    lighter.formats = vec![veille::content::Format {
        mime: "image/avif".into(),
        sizes: [768, 1536]
            .map(|w| veille::content::Resized {
                src: format!("https://cms.example/up/corps-{w}.avif"),
                width: w,
            })
            .to_vec(),
    }];
    articles[0].body.push(Block::Image {
        image: lighter,
        caption: Some("Dans le corps".into()),
    });
    // An old post whose sizes were never made: the image as it is, never a broken one.
    articles[1].summary.cover = Some(veille::content::Image {
        src: "https://cms.example/up/ancienne.jpg".into(),
        alt: "Ancienne".into(),
        width: Some(640),
        height: Some(480),
        ..Default::default()
    });
    let (with_body, old_post) = (
        articles[0].summary.slug.clone(),
        articles[1].summary.slug.clone(),
    );
    let read = prerendered("photos", articles);
    let article = read(&routes::article(&with_body));
    // The cover: every width, the article column's sizes, its own size, fetched first.
    let cover = one(&article, ".article__cover img");
    let value = |e: scraper::ElementRef, name| e.value().attr(name).map(str::to_string);
    let stem = cover
        .value()
        .attr("src")
        .unwrap()
        .replace("-scaled.jpg", "");
    assert_eq!(
        value(cover, "srcset").unwrap(),
        [300, 768, 1024, 1536, 2048]
            .iter()
            .map(|w| format!("{stem}-{w}.jpg {w}w"))
            .chain([format!("{stem}-scaled.jpg 2560w")])
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert_eq!(
        value(cover, "sizes").as_deref(),
        Some(veille::images::Slot::Article.sizes())
    );
    assert_eq!(value(cover, "width").as_deref(), Some("2560"));
    assert_eq!(value(cover, "height").as_deref(), Some("1440"));
    assert_eq!(value(cover, "fetchpriority").as_deref(), Some("high"));
    assert_eq!(value(cover, "loading"), None);
    // The body's photo waits until it comes near, offered in AVIF first, at the same sizes.
    let figure = one(&article, ".figure picture > img");
    let source = one(&article, ".figure picture > source");
    assert_eq!(value(source, "type").as_deref(), Some("image/avif"));
    assert_eq!(
        value(source, "srcset").as_deref(),
        Some("https://cms.example/up/corps-768.avif 768w, https://cms.example/up/corps-1536.avif 1536w")
    );
    assert_eq!(
        value(source, "sizes").as_deref(),
        Some(veille::images::Slot::Article.sizes())
    );
    // An image with no other format: its <img> alone in its <picture>.
    assert!(select(&article, ".article__cover picture > source").is_empty());
    assert_eq!(select(&article, ".article__cover picture > img").len(), 1);
    assert_eq!(value(figure, "loading").as_deref(), Some("lazy"));
    assert_eq!(value(figure, "fetchpriority"), None);
    assert!(value(figure, "srcset")
        .unwrap()
        .contains("corps-768.jpg 768w"));
    assert_eq!(value(figure, "width").as_deref(), Some("2560"));
    // Share previews: the narrowest copy at least 1,200 px wide, with its size; large previews
    // allowed to search engines.
    assert_head(
        &article,
        &[
            ("meta[property='og:image']", &format!("{stem}-1536.jpg")),
            ("meta[property='og:image:width']", "1536"),
            ("meta[property='og:image:height']", "864"),
            ("meta[name=robots]", "max-image-preview:large"),
        ],
    );
    let ld: serde_json::Value =
        serde_json::from_str(&text(one(&article, "script[type='application/ld+json']"))).unwrap();
    assert_eq!(ld["image"][0], format!("{stem}-1536.jpg"));
    // The home: the lead story's cover first, in its slot; every card after it lazy.
    let home = read("/");
    let lead = one(&home, ".card--lead img");
    assert_eq!(value(lead, "fetchpriority").as_deref(), Some("high"));
    assert_eq!(
        value(lead, "sizes").as_deref(),
        Some(veille::images::Slot::Lead.sizes())
    );
    let cards = select(&home, ".article-list img");
    assert!(!cards.is_empty());
    for card in &cards {
        assert_eq!(value(*card, "loading").as_deref(), Some("lazy"));
        assert_eq!(value(*card, "fetchpriority"), None);
        if value(*card, "srcset").is_some() {
            assert_eq!(
                value(*card, "sizes").as_deref(),
                Some(veille::images::Slot::Card.sizes())
            );
        }
    }
    // A tag's page: its first card is on screen at once.
    let tag = &bundled().unwrap().site().tags[0].slug;
    let listing = read(&routes::tag(tag));
    let covers = select(&listing, ".article-list img");
    assert_eq!(value(covers[0], "fetchpriority").as_deref(), Some("high"));
    assert!(covers[1..]
        .iter()
        .all(|c| value(*c, "loading").as_deref() == Some("lazy")));
    // The old post: no srcset, its own size, and the image itself shared.
    let old = read(&routes::article(&old_post));
    let img = one(&old, ".article__cover img");
    assert_eq!(
        value(img, "src").as_deref(),
        Some("https://cms.example/up/ancienne.jpg")
    );
    assert_eq!(value(img, "srcset"), None);
    assert_eq!(value(img, "sizes"), None);
    assert_eq!(
        (value(img, "width"), value(img, "height")),
        (Some("640".into()), Some("480".into()))
    );
    assert_head(
        &old,
        &[
            (
                "meta[property='og:image']",
                "https://cms.example/up/ancienne.jpg",
            ),
            ("meta[property='og:image:width']", "640"),
        ],
    );
}

/// The names the scripts of `public/` share with the Rust that writes the pages, each taken from
/// its one definition in Rust: renamed there, it fails here until the script follows.
#[test]
fn the_scripts_spell_the_names_the_rust_defines() {
    use veille::{browser, content, hydration, island, newsletter};
    let navigation = include_str!("../../../public/navigation.js");
    let search = include_str!("../../../public/search.js");
    for (name, script, file) in [
        (hydration::ROUTE_META, navigation, "navigation.js"),
        (hydration::RENDERED_WITH_META, navigation, "navigation.js"),
        (hydration::RENDERED_API_META, navigation, "navigation.js"),
        (hydration::ISLANDS_META, navigation, "navigation.js"),
        (hydration::APP_META, navigation, "navigation.js"),
        (hydration::PAGE_EVENT, navigation, "navigation.js"),
        (hydration::PAGE_EVENT, search, "search.js"),
        (content::API_META, navigation, "navigation.js"),
        (newsletter::PROVIDER_META, navigation, "navigation.js"),
        (island::ALIVE, navigation, "navigation.js"),
        (browser::APP_STATE, navigation, "navigation.js"),
    ] {
        assert!(script.contains(&format!("\"{name}\"")), "{file}: {name}");
    }
    assert!(navigation.contains(&format!(
        "leptos-island[data-component=\"{}\"]",
        island::NEWSLETTER
    )));
    assert!(search.contains(&format!("window.{}", browser::LATEST_API)));
    // What changed since the search index was built: the build writes both files beside the
    // index, each round the second, the search page reads it and filters by article.
    let indexer = include_str!("../../../tools/build/search-index.mjs");
    let file = |path: &'static str| path.strip_prefix("pagefind/").unwrap();
    assert!(search.contains(&format!(
        "const ARTICLE_FILTER = \"{}\";",
        veille::search::ARTICLE_FILTER
    )));
    assert!(search.contains(&format!(
        "`${{INDEX}}{}`",
        file(veille::search::RECENT_FILE)
    )));
    for name in [veille::search::INDEXED_FILE, veille::search::RECENT_FILE] {
        assert!(indexer.contains(&format!("\"{}\"", file(name))), "{name}");
    }
    // The attributes the views write and the scripts look for, on the pages themselves (pages of
    // islands: the share row's data-url is there only).
    let (dir, _) = islands_build("names", None);
    let read = |path: &str| {
        Html::parse_document(&fs::read_to_string(dir.join(routes::file_for(path))).unwrap())
    };
    let article = read(&routes::article(&bundled().unwrap().summaries()[0].slug));
    let search_page = read(routes::SEARCH);
    for (html, selector, script, file) in [
        (&search_page, "[data-recherche]", search, "search.js"),
        (&search_page, "[data-rubrique]", search, "search.js"),
        (
            &article,
            "[data-recherche-form]",
            navigation,
            "navigation.js",
        ),
        (&article, "[data-url]", navigation, "navigation.js"),
    ] {
        assert!(!select(html, selector).is_empty(), "page: {selector}");
        assert!(script.contains(selector), "{file}: {selector}");
    }
}

/// The end-to-end tests name pages through `tests/e2e/routes.mjs`, whose path makers must spell
/// each address as `src/model/paths.rs` makes it: each is checked against the Rust function
/// given the same JavaScript placeholder.
#[test]
fn the_tests_path_makers_spell_the_addresses_the_rust_makes() {
    let script = include_str!("../../../tests/e2e/routes.mjs");
    for (name, made) in [
        ("articlePath", routes::article("${slug}")),
        ("tagPath", routes::tag("${slug}")),
        ("authorPath", routes::author("${slug}")),
    ] {
        let line = format!("export const {name} = (slug) => `{made}`;");
        assert!(script.contains(&line), "routes.mjs: {line}");
    }
    assert_eq!(routes::page_href("/tag/sante/", 3), "/tag/sante/page/3");
    assert_eq!(routes::page_href("/", 1), "/page/1");
    assert_eq!(routes::page_href("/", routes::HEAD), "/");
    let pages = "export const pagePath = (base, n = 0) => (n === 0 ? base : `${base.replace(/\\/$/, \"\")}/page/${n}`);";
    assert!(script.contains(pages), "routes.mjs: {pages}");
}

/// The names the scripts of `public/` share with the prerendered pages and the stylesheet:
/// each spelled the same on both sides (the scripts are checked by the browser tests; this says
/// which side defines what when a name changes).
#[test]
fn the_scripts_and_the_pages_spell_their_shared_names_alike() {
    let navigation = include_str!("../../../public/navigation.js");
    let css = include_str!("../../../style/main.css");
    // What navigation.js says while search.js comes, and if it cannot: the search page's own
    // words (src/pages/search.rs).
    let search = page("/recherche");
    let status = one(&search, ".search__status[data-chargement]");
    assert_eq!(
        status.value().attr("data-chargement"),
        Some("Chargement de la recherche…")
    );
    let failed = one(&search, ".search__echec[hidden]");
    assert!(text(failed).starts_with("La recherche n’a pas pu se charger"));
    assert_eq!(select(&search, ".search__echec button").len(), 1);
    assert!(navigation.contains("\".search__echec\"") && navigation.contains("dataset.chargement"));
    // The attributes navigation.js sets and the stylesheet draws.
    for name in ["data-envoi", "data-navigation"] {
        assert!(
            navigation.contains(&format!("\"{name}\"")),
            "navigation.js: {name}"
        );
        assert!(css.contains(&format!("[{name}]")), "style/main.css: {name}");
    }
    // The workshop's own layout is not in a reader's page (style/styleguide.css).
    assert!(
        !css.contains(".sg-")
            && !fs::read_to_string(dist().join("index.html"))
                .unwrap()
                .contains(".sg-")
    );
}

/// A copy of the sample's content directory (`site.json`, `articles/`), as an import writes one.
fn sample_content(into: &Path) {
    fs::create_dir_all(into.join("articles")).unwrap();
    fs::copy(
        workspace().join("public/api/site.json"),
        into.join("site.json"),
    )
    .unwrap();
    for entry in fs::read_dir(workspace().join("public/api/articles"))
        .unwrap()
        .flatten()
    {
        fs::copy(entry.path(), into.join("articles").join(entry.file_name())).unwrap();
    }
}

/// Every site-relative link (`<a href>`) of every HTML page under `dist` that leads to no file:
/// a page (a folder's `index.html`) or a file (a feed). The style guide is left out: its
/// pagers show made-up pages.
fn broken_links(dist: &Path) -> Vec<String> {
    let mut broken = Vec::new();
    for file in files_under(dist) {
        // 404.html and spa.html stand for any address.
        if !file.ends_with(".html")
            || file == "404.html"
            || file == "spa.html"
            || file.starts_with("styleguide/")
        {
            continue;
        }
        let html = Html::parse_document(&fs::read_to_string(dist.join(&file)).unwrap());
        for element in select(&html, "a[href]") {
            let link = element.value().attr("href").unwrap();
            let Some(local) = link.strip_prefix('/').filter(|l| !l.starts_with('/')) else {
                continue;
            };
            let local = local.split(['#', '?']).next().unwrap();
            // The search page answers its query in the browser.
            if local.is_empty() || local == "recherche" {
                continue;
            }
            let target = dist.join(local);
            if !(target.is_file() || target.join("index.html").is_file()) {
                broken.push(format!("{file}: {link}"));
            }
        }
    }
    broken
}

/// A round of publication reads the archive holding whole only the articles it asks for: the
/// others keep their summary (the lists and « À lire aussi » are the same) and their images (the
/// pages' policy names their hosts), are never handed out as an article, and come back whole
/// as the directory has them when read again.
#[test]
fn a_catalog_read_in_part_withholds_texts_until_asked() {
    use veille::content::Catalog;
    let dir = scratch("lecture-partielle");
    sample_content(&dir);
    let pictured = dir.join("articles/evaluer-un-classifieur.json");
    let mut article: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&pictured).unwrap()).unwrap();
    article["body"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "type": "image", "src": "https://photos.exemple.org/salle.jpg",
            "alt": "Une salle de serveurs", "caption": "La salle des machines"
        }));
    fs::write(&pictured, article.to_string()).unwrap();
    let full = Catalog::from_dir(&dir).unwrap();
    let kept = full.summaries()[0].slug.clone();
    let mut part = Catalog::from_dir_keeping(&dir, |_, a| a.summary.slug == kept).unwrap();
    assert!(!part.is_whole());
    assert_eq!(part.summaries(), full.summaries());
    assert_eq!(part.derived_api_files(), full.derived_api_files());
    let images = |blocks: &[Block]| -> Vec<Block> {
        blocks
            .iter()
            .filter(|b| matches!(b, Block::Image { .. }))
            .cloned()
            .collect()
    };
    for (ours, whole) in part.articles().zip(full.articles()) {
        let slug = &whole.summary.slug;
        if *slug == kept {
            assert_eq!(ours, whole);
            assert!(part.holds(slug) && part.article(slug).is_ok());
        } else {
            assert_eq!(ours.body, images(&whole.body), "{slug}");
            assert!(!part.holds(slug) && part.article(slug).is_err(), "{slug}");
        }
    }
    let with_image = part
        .articles()
        .find(|a| a.summary.slug == "evaluer-un-classifieur");
    assert_eq!(images(&with_image.unwrap().body).len(), 1);
    let slugs: Vec<String> = full.summaries().iter().map(|s| s.slug.clone()).collect();
    part.hold(&dir, &slugs).unwrap();
    assert!(part.is_whole());
    assert_eq!(
        part.articles().collect::<Vec<_>>(),
        full.articles().collect::<Vec<_>>()
    );
    // Let go again (a watcher keeps its catalog between rounds): as it was read in part.
    part.withhold(|_, a| a.summary.slug == kept);
    let again = Catalog::from_dir_keeping(&dir, |_, a| a.summary.slug == kept).unwrap();
    assert_eq!(
        part.articles().collect::<Vec<_>>(),
        again.articles().collect::<Vec<_>>()
    );
    assert!(part
        .summaries()
        .iter()
        .all(|s| part.holds(&s.slug) == (s.slug == kept)));
}

/// What a round hands the search page (what changed since the index was built) is the same
/// from an archive read holding whole only the articles the index does not hold as they are.
#[test]
fn the_search_s_news_need_only_the_texts_the_index_lacks() {
    use veille::{content::Catalog, search};
    let dir = scratch("recherche-partielle");
    sample_content(&dir);
    let full = Catalog::from_dir(&dir).unwrap();
    let mut indexed: std::collections::BTreeMap<String, String> = search::records(&full)
        .into_iter()
        .map(|record| (record.url, record.empreinte))
        .collect();
    let (changed, fresh) = (&full.summaries()[1].slug, &full.summaries()[2].slug);
    indexed.insert(routes::article(changed), "0123456789abcdef".into());
    indexed.remove(&routes::article(fresh));
    indexed.insert(routes::article("retire-depuis"), "0123456789abcdef".into());
    let part =
        Catalog::from_dir_keeping(&dir, |site, a| !search::holds(&indexed, site, a)).unwrap();
    let held: Vec<&str> = part.held().collect();
    assert_eq!(held, [changed.as_str(), fresh.as_str()]);
    let recent = search::recent(&part, &indexed);
    assert_eq!(recent, search::recent(&full, &indexed));
    assert_eq!(recent.articles.len(), 2);
    assert_eq!(recent.retires, [changed.as_str(), "retire-depuis"]);
}

/// `veille-content sync`'s second half (src/publish.rs): the content changes, and the built
/// site follows without trunk — the new article's page, its lists, feed, sitemap and API files
/// written, the removed one's page and files gone, every link leading to a file; and a second
/// run writes nothing.
#[test]
fn publishing_writes_what_a_change_touches_and_removes_what_is_gone() {
    let (dir, content, dist, built) = sample_site("publication");
    assert_eq!(broken_links(&dist), Vec::<String>::new());
    // A first publication records the data the pages show: nothing to write.
    assert_eq!(
        veille_build::publish::publish(&content, &dist).unwrap(),
        (vec![], vec![])
    );

    // A fresh article (the newest), and one removed.
    let gone = "petits-modeles-de-langage";
    let model: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(content.join("articles/evaluer-un-classifieur.json")).unwrap(),
    )
    .unwrap();
    let mut fresh = model.clone();
    fresh["slug"] = "publie-a-l-instant".into();
    fresh["title"] = "Publié à l’instant".into();
    fresh["published"] = "2031-01-01T08:00:00+01:00".into();
    fresh["updated"] = serde_json::Value::Null;
    fs::write(
        content.join("articles/publie-a-l-instant.json"),
        fresh.to_string(),
    )
    .unwrap();
    fs::remove_file(content.join(format!("articles/{gone}.json"))).unwrap();
    // And one retitled: its page, the lists and the « À lire aussi » that name it.
    let edited = content.join("articles/ia-et-imagerie-medicale.json");
    let mut article: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&edited).unwrap()).unwrap();
    article["title"] = "L’imagerie médicale, titre corrigé".into();
    fs::write(&edited, article.to_string()).unwrap();

    let (written, deleted) = veille_build::publish::publish(&content, &dist).unwrap();
    let page = |path: &str| {
        Html::parse_document(&fs::read_to_string(dist.join(routes::file_for(path))).unwrap())
    };
    let new = page(&routes::article("publie-a-l-instant"));
    assert_head(&new, &[("meta[property='og:title']", "Publié à l’instant")]);
    assert!(text(one(&page("/"), ".card--lead .card__title")).contains("Publié à l’instant"));
    assert!(!dist.join(routes::file_for(&routes::article(gone))).exists());
    let feed = fs::read_to_string(dist.join("feed.xml")).unwrap();
    assert!(feed.contains("Publié à l’instant") && !feed.contains(gone));
    let sitemap = fs::read_to_string(dist.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("/article/publie-a-l-instant") && !sitemap.contains(gone));
    assert!(dist.join("api/articles/publie-a-l-instant.json").is_file());
    assert!(!dist.join(format!("api/articles/{gone}.json")).exists());
    let index: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dist.join("api/index/0.json")).unwrap()).unwrap();
    assert_eq!(index["items"][0]["slug"], "publie-a-l-instant");
    // Written: only what changed (the about page and the style of every page did not).
    assert!(
        written.contains(&"article/publie-a-l-instant/index.html".to_string()),
        "{written:?}"
    );
    assert!(
        !written.iter().any(|f| f == "a-propos/index.html"),
        "{written:?}"
    );
    let pages_written = written.iter().filter(|f| !f.starts_with("api/")).count();
    assert!(
        pages_written < built.files.len(),
        "{written:?} of {}",
        built.files.len()
    );
    assert!(
        deleted.contains(&format!("article/{gone}/index.html")),
        "{deleted:?}"
    );
    assert!(
        deleted.contains(&format!("api/articles/{gone}.json")),
        "{deleted:?}"
    );
    assert_eq!(broken_links(&dist), Vec::<String>::new());
    // Nothing left half-written beside its place.
    let leftovers: Vec<_> = files_under(&dist)
        .into_iter()
        .filter(|f| f.contains(".veille-"))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new());
    // What it wrote is what a whole build of the new content writes: the pages it did not
    // render again had not changed.
    let whole = dir.join("entier");
    site_built_from(&content, &whole, &dir.join("îlots-entier"));
    for file in files_under(&whole) {
        let ours = fs::read(dist.join(&file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(
            ours == fs::read(whole.join(&file)).unwrap(),
            "{file} differs"
        );
    }
    let pages = |root: &Path| -> Vec<String> {
        files_under(root)
            .into_iter()
            .filter(|f| f.ends_with(".html") || f.ends_with(".xml"))
            .collect()
    };
    assert_eq!(pages(&dist), pages(&whole));
    // The same content again: nothing to write.
    assert_eq!(
        veille_build::publish::publish(&content, &dist).unwrap(),
        (vec![], vec![])
    );
    // The site's settings changed: every page and API file published again, each API file
    // the content directory's own, those the change left as they were included.
    let mut site: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(content.join("site.json")).unwrap()).unwrap();
    site["tagline"] = "Une devise corrigée".into();
    fs::write(content.join("site.json"), site.to_string()).unwrap();
    let (written, _) = veille_build::publish::publish(&content, &dist).unwrap();
    assert!(written.contains(&"index.html".to_string()), "{written:?}");
    for file in files_under(&content) {
        if !["import.json", "publication.json"].contains(&file.as_str()) {
            let (ours, theirs) = (dist.join("api").join(&file), content.join(&file));
            assert!(
                fs::read(&ours).unwrap() == fs::read(&theirs).unwrap(),
                "api/{file} differs"
            );
        }
    }
}

/// A whole build records what its pages show (`veille-prerender --content`): the next
/// publication renders only what changed since, leaving alone a page it has no reason to touch,
/// and only in that site's folder (another folder's pages are all rendered).
#[test]
fn a_whole_build_is_recorded_as_published() {
    let (dir, content, dist, _) = sample_site("construit");
    let catalog = veille::content::Catalog::from_dir(&content).unwrap();
    veille_build::publish::record_build(&content, &dist, &catalog).unwrap();
    let about = "a-propos/index.html";
    fs::write(dist.join(about), "retouchée").unwrap();
    assert_eq!(
        veille_build::publish::publish(&content, &dist).unwrap(),
        (vec![], vec![])
    );
    assert_eq!(fs::read_to_string(dist.join(about)).unwrap(), "retouchée");
    let moved = dir.join("ailleurs");
    fs::rename(&dist, &moved).unwrap();
    let (written, _) = veille_build::publish::publish(&content, &moved).unwrap();
    assert_eq!(written, [about]);
    assert!(fs::read_to_string(moved.join(about))
        .unwrap()
        .contains("<html"));
}

/// In a scratch folder `name`: the sample's content directory, and a site built whole from it
/// (the folder, the content, the site, what the build wrote).
fn sample_site(name: &str) -> (PathBuf, PathBuf, PathBuf, prerender::Report) {
    let dir = scratch(name);
    let content = dir.join("contenu");
    sample_content(&content);
    let dist = dir.join("site");
    let built = site_built_from(&content, &dist, &dir.join("îlots"));
    (dir, content, dist, built)
}

/// A site built whole from the content directory `content` into `dist` (trunk's stand-ins, the
/// prerender, the API copied), as `VEILLE_CONTENT=… ./dev.sh build` builds it: what it wrote.
/// The lists number their pages from the oldest (`content::Page`): one article published
/// writes about as many files into an archive of 300 articles as into one of 3,000 — its page,
/// the heads of the lists it enters, the « À lire aussi » that name it, the API, the feeds —
/// and no page further back than the one before a head.
#[test]
fn one_publication_writes_as_many_files_whatever_the_archive_size() {
    let mut counts = Vec::new();
    for n in [300, 3000] {
        let dir = scratch(&format!("publication-{n}"));
        let content = dir.join("contenu");
        veille::content::synthetic::write(&content, n, 3).unwrap();
        let dist = dir.join("site");
        site_built_from(&content, &dist, &dir.join("îlots"));
        veille_build::publish::publish(&content, &dist).unwrap();
        let newest = veille::content::Catalog::from_dir(&content)
            .unwrap()
            .summaries()[0]
            .slug
            .clone();
        let mut fresh: serde_json::Value = serde_json::from_str(
            &fs::read_to_string(content.join(format!("articles/{newest}.json"))).unwrap(),
        )
        .unwrap();
        fresh["slug"] = "publie-a-l-instant".into();
        fresh["title"] = "Publié à l’instant".into();
        fresh["published"] = "2031-01-01T08:00:00+01:00".into();
        fs::write(
            content.join("articles/publie-a-l-instant.json"),
            fresh.to_string(),
        )
        .unwrap();
        let (written, deleted) = veille_build::publish::publish(&content, &dist).unwrap();
        assert!(deleted.is_empty(), "{deleted:?}");
        // A page further back than the one just before its list's head is never written again.
        let catalog = veille::content::Catalog::from_dir(&content).unwrap();
        let far_back: Vec<&String> = written
            .iter()
            .filter(|file| {
                let Some((list, rest)) = file.split_once("page/") else {
                    return false;
                };
                let Some(k) = rest.split('/').next().and_then(|k| k.parse::<u32>().ok()) else {
                    return false;
                };
                let head = match list.trim_end_matches('/').split_once('/') {
                    Some(("tag", slug)) => catalog.tag_page(slug, HEAD).unwrap().page,
                    Some(("auteur", slug)) => catalog.author_page(slug, HEAD).unwrap().page,
                    _ => catalog.index_page(HEAD).unwrap(),
                };
                k + 1 < head.older.unwrap_or(0)
            })
            .collect();
        assert_eq!(far_back, Vec::<&String>::new());
        assert_eq!(broken_links(&dist), Vec::<String>::new());
        eprintln!("{n} articles: {} files written", written.len());
        counts.push(written.len());
    }
    // Ten times the archive, the same count within a fifth: a list whose head moved on by a
    // page in one archive only, « À lire aussi » lists that now name it (a few dozen either
    // way). Numbered from the newest, every page of the home, its tags' and its author's
    // shifted: hundreds in the first archive, thousands in the second.
    assert!(counts[1] <= counts[0] + counts[0] / 5, "{counts:?}");
    assert!(counts[1] < 120, "{counts:?}");
}

fn site_built_from(content: &Path, dist: &Path, islands: &Path) -> prerender::Report {
    trunk_outputs(dist, islands);
    prerender::set_content_api(dist, "/api", "veille", "").unwrap();
    let catalog = std::sync::Arc::new(veille::content::Catalog::from_dir(content).unwrap());
    let source = Source::Archive(veille::content::Archive(catalog.clone()));
    let built = prerender::prerender(dist, &catalog, &source, Some(islands)).unwrap();
    // The site serves its API: the content directory with its derived files, as
    // `./dev.sh build` writes and copies it.
    for (name, json) in catalog.derived_api_files() {
        veille::output::write(content, &name, &json).unwrap();
    }
    publish_api_copy(content, &dist.join("api"));
    built
}

/// The content directory copied as the site's API (`dist/api`), without the import's state.
fn publish_api_copy(content: &Path, api: &Path) {
    for file in files_under(content) {
        if ["import.json", "publication.json"].contains(&file.as_str()) {
            continue;
        }
        let to = api.join(&file);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(content.join(&file), to).unwrap();
    }
}

/// A watcher renders a round's pages from a catalog it then keeps for the next round: once a
/// page is rendered, nothing of it may still hold the catalog (it would be kept twice).
#[test]
fn a_rendered_page_leaves_nothing_holding_the_catalog() {
    use std::sync::Arc;
    use veille::content::Archive;
    let template = prerender::Template::parse(TEMPLATE).unwrap();
    let catalog = Arc::new(bundled().unwrap().clone());
    let mut pages: Vec<(String, String)> = routes::all(&catalog)
        .into_iter()
        .map(|r| (r.path.clone(), r.path))
        .collect();
    // 404.html: no marker, any address.
    pages.push(("/404".into(), String::new()));
    for (path, marker) in &pages {
        let source = Source::Archive(Archive(catalog.clone()));
        let page = prerender::render(&template, &source, path, marker);
        assert!(page.contains("</html>"), "{path}");
        drop(source);
        assert_eq!(Arc::strong_count(&catalog), 1, "{path} {marker:?}");
    }
}

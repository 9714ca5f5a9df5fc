//! Native tests of the content model, the bundled catalog, the static API files and the
//! runtime configuration.

use super::*;
use std::path::Path;

const SITE: &str = r#"{
    "name": "Veille IA", "tagline": "t", "about": "a", "base_url": "https://veille-ia.example",
    "newsletter": { "title": "n", "pitch": "p", "privacy": "pas de spam" },
    "tags": [{ "slug": "ia", "name": "IA" }]
}"#;

fn article(slug: &str, published: &str, tags: &str) -> String {
    format!(
        r#"{{ "slug": "{slug}", "title": "Titre {slug}", "lead": "Chapô", "published": "{published}",
             "author": "Claire Dumas", "tags": {tags},
             "body": [{{ "type": "paragraph", "text": "Un deux trois." }}] }}"#
    )
}

fn catalog(articles: &[(&str, &str, &str)]) -> Catalog {
    let files: Vec<(String, String)> = articles
        .iter()
        .map(|(slug, date, tags)| (format!("articles/{slug}.json"), article(slug, date, tags)))
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, j)| (n.as_str(), j.as_str()))
        .collect();
    Catalog::from_json(SITE, &refs).unwrap()
}

#[test]
fn a_full_article_parses_with_every_block_type() {
    let json = r#"{
        "slug": "s", "title": "T", "lead": "L", "published": "2024-05-22",
        "updated": "2024-05-23T10:00:00+02:00", "author": "A", "tags": ["ia"],
        "cover": { "src": "/images/x.svg", "alt": "Une image", "credit": "Veille IA" },
        "body": [
            { "type": "paragraph", "text": ["Du ", {"b": "gras"}, ", de l’", {"i": "italique"},
              ", du ", {"code": "code"}, " et un ", {"link": "lien", "href": "https://example.org"}] },
            { "type": "heading", "level": 2, "text": "Partie" },
            { "type": "heading", "level": 3, "text": "Sous-partie" },
            { "type": "quote", "text": "Citation", "attribution": "Quelqu’un" },
            { "type": "list", "ordered": true, "items": ["un", ["deux ", {"b": "gras"}]] },
            { "type": "list", "items": [] },
            { "type": "image", "src": "/i.png", "alt": "Texte", "caption": "Légende", "credit": "C" },
            { "type": "note", "title": "À noter", "text": "Aparté" }
        ]
    }"#;
    let a: Article = parse_json(json).unwrap();
    assert_eq!(
        a.summary.updated.as_deref(),
        Some("2024-05-23T10:00:00+02:00")
    );
    assert_eq!(a.summary.cover.as_ref().unwrap().alt, "Une image");
    assert_eq!(a.body.len(), 8);
    assert_eq!(
        a.body[0],
        Block::Paragraph {
            text: Inlines(vec![
                Inline::Text("Du ".into()),
                Inline::Bold { b: "gras".into() },
                Inline::Text(", de l’".into()),
                Inline::Italic {
                    i: "italique".into()
                },
                Inline::Text(", du ".into()),
                Inline::Code {
                    code: "code".into()
                },
                Inline::Text(" et un ".into()),
                Inline::Link {
                    link: "lien".into(),
                    href: "https://example.org".into()
                },
            ])
        }
    );
    assert_eq!(
        a.body[4],
        Block::List {
            ordered: true,
            items: vec![
                Inlines(vec![Inline::Text("un".into())]),
                Inlines(vec![
                    Inline::Text("deux ".into()),
                    Inline::Bold { b: "gras".into() }
                ]),
            ]
        }
    );
    assert_eq!(
        a.body[5],
        Block::List {
            ordered: false,
            items: vec![]
        }
    );
    match &a.body[6] {
        Block::Image { image, caption } => {
            assert_eq!(
                (image.alt.as_str(), caption.as_deref()),
                ("Texte", Some("Légende"))
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn optional_fields_have_defaults() {
    let a: Article = parse_json(&article("s", "2024-01-01", "[]")).unwrap();
    assert_eq!(a.summary.updated, None);
    assert_eq!(a.summary.cover, None);
    assert!(a.summary.tags.is_empty());
    let site: Site = parse_json(SITE).unwrap();
    assert_eq!(site.page_size, 6);
    assert_eq!(site.newsletter.members, None);
    assert!(site.social.is_empty());
    assert_eq!(site.contact_email, None);
}

#[test]
fn unknown_fields_and_block_types_are_ignored() {
    let json = r#"{ "slug": "s", "title": "T", "lead": "L", "published": "2024-01-01",
        "author": "A", "futur": {"x": 1}, "body": [
            { "type": "video", "src": "/v.mp4" },
            { "type": "paragraph", "text": "Texte", "style": "gros" }
        ] }"#;
    let a: Article = parse_json(json).unwrap();
    assert_eq!(a.body[0], Block::Unknown);
    assert_eq!(a.body[1].plain(), "Texte");
}

/// The error for `json` without `field`, read as a `T`: it must name the field.
fn without<T: serde::de::DeserializeOwned + std::fmt::Debug>(
    json: &str,
    field: &str,
) -> ContentError {
    let mut value: serde_json::Value = serde_json::from_str(json).unwrap();
    value.as_object_mut().unwrap().remove(field);
    let err = parse_json::<T>(&value.to_string()).unwrap_err();
    assert!(
        matches!(&err, ContentError::MissingField { field: f, .. } if f == field),
        "{field}: {err:?}"
    );
    err
}

#[test]
fn each_missing_required_field_is_named() {
    let full = article("s", "2024-01-01", "[]");
    for field in ["slug", "title", "lead", "published", "author", "body"] {
        let err = without::<Article>(&full, field);
        assert!(
            err.to_string().contains(&format!("«\u{a0}{field}\u{a0}»")),
            "{err}"
        );
    }
    for field in ["name", "tagline", "about", "base_url", "newsletter"] {
        without::<Site>(SITE, field);
    }
}

#[test]
fn a_missing_field_deep_in_the_body_says_where() {
    let json = r#"{ "slug": "s", "title": "T", "lead": "L", "published": "2024-01-01",
        "author": "A", "body": [
            { "type": "paragraph", "text": "ok" },
            { "type": "heading", "text": "Sans niveau" }
        ] }"#;
    let err = parse_json::<Article>(json).unwrap_err();
    assert_eq!(
        err,
        ContentError::MissingField {
            field: "level".into(),
            path: "body[1]".into()
        }
    );
}

#[test]
fn wrong_types_are_malformed_with_their_place() {
    for (json, place) in [
        (
            r#"{"slug": 3, "title": "T", "lead": "L", "published": "d", "author": "A", "body": []}"#,
            "slug",
        ),
        (
            r#"{"slug": "s", "title": "T", "lead": "L", "published": "d", "author": "A", "tags": "ia", "body": []}"#,
            "tags",
        ),
        (
            r#"{"slug": "s", "title": "T", "lead": "L", "published": "d", "author": "A", "body": {}}"#,
            "body",
        ),
        (
            r#"{"slug": "s", "title": "T", "lead": "L", "published": "d", "author": "A", "body": [{"type": "heading", "level": "deux", "text": "x"}]}"#,
            "body[0]",
        ),
    ] {
        match parse_json::<Article>(json) {
            Err(ContentError::Malformed { path, .. }) => {
                assert!(path.starts_with(place), "{path} / {place}")
            }
            other => panic!("{json}: {other:?}"),
        }
    }
}

#[test]
fn invalid_json_is_malformed() {
    for json in ["", "{", "[1, 2]", "<html>Erreur 502</html>", "null"] {
        let err = parse_json::<Article>(json).unwrap_err();
        assert!(
            matches!(err, ContentError::Malformed { .. }),
            "{json}: {err:?}"
        );
        assert!(err
            .to_string()
            .starts_with("Les données reçues sont illisibles"));
    }
}

#[test]
fn empty_lists_are_fine() {
    let c = catalog(&[]);
    let page = c.index_page(HEAD).unwrap();
    assert_eq!(
        (page.total, page.items.len(), page.older, page.newer),
        (Some(0), 0, None, None)
    );
    let listing = c.tag_page("ia", HEAD).unwrap();
    assert!(listing.page.items.is_empty());
    let a: Article = parse_json(
        r#"{"slug": "s", "title": "T", "lead": "L", "published": "d", "author": "A", "tags": [], "body": []}"#,
    )
    .unwrap();
    assert!(a.body.is_empty());
    assert_eq!(a.reading_minutes(), 1);
}

#[test]
fn the_catalog_sorts_indexes_and_pages() {
    let c = catalog(&[
        ("ancien", "2023-01-01", r#"["ia"]"#),
        ("recent", "2024-06-01", r#"["ia"]"#),
        ("milieu", "2024-01-01", "[]"),
    ]);
    let slugs: Vec<_> = c.summaries().iter().map(|s| s.slug.as_str()).collect();
    assert_eq!(slugs, ["recent", "milieu", "ancien"]);
    assert_eq!(c.article("milieu").unwrap().summary.title, "Titre milieu");
    assert_eq!(c.article("absent"), Err(ContentError::NotFound));
    let tagged: Vec<_> = c
        .tag_page("ia", HEAD)
        .unwrap()
        .page
        .items
        .into_iter()
        .map(|s| s.slug)
        .collect();
    assert_eq!(tagged, ["recent", "ancien"]);
    assert_eq!(c.tag_page("inconnu", HEAD), Err(ContentError::NotFound));
    assert_eq!(c.index_page(1), Err(ContentError::NotFound));
    // Summaries carry the reading time computed from the body, and so do the articles (their
    // page reads it instead of counting again).
    assert_eq!(c.summaries()[0].reading_minutes, Some(1));
    assert_eq!(
        c.article("recent").unwrap().summary.reading_minutes,
        Some(1)
    );
}

#[test]
fn a_file_must_be_named_after_its_slug() {
    let json = article("vrai-nom", "2024-01-01", "[]");
    let err = Catalog::from_json(SITE, &[("articles/autre-nom.json", &json)]).unwrap_err();
    assert!(
        matches!(err, ContentError::Invalid { ref path, ref reason } if path == "articles/autre-nom.json › slug" && reason.ends_with("articles/vrai-nom.json")),
        "{err:?}"
    );
}

#[test]
fn errors_in_files_name_the_file() {
    let err = Catalog::from_json(SITE, &[("articles/x.json", r#"{"slug": "x"}"#)]).unwrap_err();
    assert!(
        matches!(err, ContentError::MissingField { ref path, .. } if path == "articles/x.json"),
        "{err:?}"
    );
}

#[test]
fn reading_time_counts_words_at_230_a_minute() {
    let words = vec!["mot"; 1000].join(" ");
    let json = format!(
        r#"{{"slug": "s", "title": "T", "lead": "L", "published": "d", "author": "A",
            "body": [{{"type": "paragraph", "text": "{words}"}}]}}"#
    );
    let a: Article = parse_json(&json).unwrap();
    assert_eq!(a.word_count(), 1002);
    assert_eq!(a.reading_minutes(), 5); // 1002 / 230 = 4.36, rounded up
    let given: Article = parse_json(&json.replace(
        r#""author": "A","#,
        r#""author": "A", "reading_minutes": 12,"#,
    ))
    .unwrap();
    assert_eq!(given.reading_minutes(), 12);
}

// --- The sample content ----------------------------------------------------------------------

#[test]
fn the_bundled_sample_content_is_complete() {
    let c = bundled().expect("public/api must parse");
    let site = c.site();
    assert_eq!(site.name, "Veille IA");
    assert!(c.summaries().len() >= 8);
    assert!(site.tags.len() >= 5);
    for summary in c.summaries() {
        let a = c.article(&summary.slug).unwrap();
        let h2 = a
            .body
            .iter()
            .filter(|b| matches!(b, Block::Heading { level: 2, .. }))
            .count();
        assert!(h2 >= 3, "{}: {h2} h2", summary.slug);
        assert!(
            a.summary.lead.len() > 80,
            "{}: lead too short",
            summary.slug
        );
        assert!(french_date(&a.summary.published), "{}", summary.slug);
        for tag in &a.summary.tags {
            assert!(
                site.tags.iter().any(|t| &t.slug == tag),
                "{}: unknown tag {tag}",
                summary.slug
            );
        }
        for block in &a.body {
            if let Block::Heading { level, .. } = block {
                assert!(matches!(level, 2 | 3), "{}: h{level}", summary.slug);
            }
        }
    }
    for tag in &site.tags {
        assert!(
            c.tag_page(&tag.slug, HEAD).unwrap().page.total > Some(0),
            "tag {} is empty",
            tag.slug
        );
    }
    assert!(c.article("sommet-de-seoul-securite-ia").is_ok());
}

fn french_date(iso: &str) -> bool {
    crate::french::long_date(iso.get(..10).unwrap_or(iso)).is_some()
}

/// `public/api/index/*.json` and `public/api/tags/**.json` are derived from the articles: they must
/// be exactly what `./dev.sh content` writes, or API mode would show stale lists.
#[test]
fn the_static_api_files_are_up_to_date() {
    let api = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/api");
    let derived = bundled().unwrap().derived_api_files();
    for (path, json) in &derived {
        let on_disk = std::fs::read_to_string(api.join(path)).unwrap_or_default();
        assert!(
            on_disk == *json,
            "public/api/{path} is stale: run ./dev.sh content"
        );
    }
    // And nothing stale is left over.
    let mut expected: Vec<_> = derived.iter().map(|(p, _)| p.clone()).collect();
    expected.sort();
    let mut found = Vec::new();
    for dir in ["index", "tags", "authors", "related"] {
        collect_json(&api, &api.join(dir), &mut found);
    }
    found.sort();
    assert_eq!(found, expected, "run ./dev.sh content");
}

fn collect_json(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_json(root, &path, out);
        } else {
            out.push(
                path.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
}

// --- Configuration and URLs ------------------------------------------------------------------

#[test]
fn the_runtime_configuration_chooses_the_source() {
    assert_eq!(Source::from_config(None, None, None, None), Source::Bundled);
    assert_eq!(
        Source::from_config(Some("  "), Some("100"), Some("wordpress"), None),
        Source::Bundled
    );
    assert_eq!(
        Source::from_config(Some("/api/"), None, None, None),
        Source::Api {
            base: "/api".into(),
            timeout_ms: DEFAULT_TIMEOUT_MS
        }
    );
    assert_eq!(
        Source::from_config(
            Some(" https://contenu.example/v1 "),
            Some("2500"),
            Some("veille"),
            None
        ),
        Source::Api {
            base: "https://contenu.example/v1".into(),
            timeout_ms: 2500
        }
    );
    for bad in ["", "0", "-5", "deux secondes"] {
        assert_eq!(
            Source::from_config(Some("/api"), Some(bad), Some("inconnu"), None),
            Source::Api {
                base: "/api".into(),
                timeout_ms: DEFAULT_TIMEOUT_MS
            },
            "{bad}"
        );
    }
    // A CMS: its kind in any case, its key kept (trimmed), its address without the last slash.
    let Source::Cms(wp) = Source::from_config(
        Some("https://wp.example/"),
        None,
        Some(" WordPress "),
        Some("k"),
    ) else {
        panic!("not a CMS source")
    };
    assert_eq!(
        (wp.cms, wp.base.as_str()),
        (live::Cms::WordPress, "https://wp.example")
    );
    let Source::Cms(ghost) = Source::from_config(
        Some("https://g.example"),
        Some("300"),
        Some("ghost"),
        Some(" 0a1b "),
    ) else {
        panic!("not a CMS source")
    };
    assert_eq!(ghost.cms, live::Cms::Ghost { key: "0a1b".into() });
    assert_eq!(ghost.timeout_ms, 300);
    // The site's page size reaches a CMS's lists, nothing else.
    let site = bundled().unwrap().site();
    let Source::Cms(sized) = Source::Cms(ghost).for_site(site) else {
        panic!("not a CMS source")
    };
    assert_eq!(sized.page_size, site.page_size);
    assert_eq!(Source::Bundled.for_site(site), Source::Bundled);
}

#[test]
fn only_wordpress_read_live_with_an_index_date_searches_the_latest_articles() {
    let wordpress =
        || Source::from_config(Some("https://wp.example"), None, Some("wordpress"), None);
    let ghost = Source::from_config(Some("https://g.example"), None, Some("ghost"), Some("k"));
    let api = Source::from_config(Some("/api"), None, None, None);
    let date = Some(" 2026-12-03T16:50:00Z ");
    assert!(wordpress().indexed_until(date).searches_latest());
    let Source::Cms(live) = wordpress().indexed_until(date) else {
        panic!("not a CMS source")
    };
    assert_eq!(live.indexed.as_deref(), Some("2026-12-03T16:50:00Z"));
    // No date (absent or empty: a build before search, or by hand), no search of the CMS: its
    // every post would come twice, once from the index.
    for none in [None, Some(""), Some("  ")] {
        assert!(
            !wordpress().indexed_until(none).searches_latest(),
            "{none:?}"
        );
    }
    // Ghost's Content API has no search; the other sources are all in the index.
    for other in [ghost, api, Source::Bundled] {
        assert!(
            !other.clone().indexed_until(date).searches_latest(),
            "{other:?}"
        );
        let found = futures::executor::block_on(other.indexed_until(date).latest("ia"));
        assert_eq!(found, Ok(Vec::new()));
    }
}

#[test]
fn only_plain_slugs_reach_a_url() {
    for good in ["sommet-de-seoul", "ia", "nobel-2024"] {
        assert!(is_valid_slug(good), "{good}");
    }
    for bad in [
        "",
        "../site",
        "a/b",
        "A-Majuscule",
        "é",
        "x?y=1",
        "a%2Fb",
        "a b",
        "x#y",
    ] {
        assert!(!is_valid_slug(bad), "{bad}");
    }
}

#[test]
fn invalid_slugs_and_pages_are_not_found_without_a_request() {
    // An API on a port nothing listens to: any request would fail with a network error.
    let api = Source::Api {
        base: "http://127.0.0.1:9".into(),
        timeout_ms: 100,
    };
    use futures::executor::block_on as run;
    assert_eq!(run(api.article("../secret")), Err(ContentError::NotFound));
    assert_eq!(
        run(api.tag_page("a/b", HEAD)).unwrap_err(),
        ContentError::NotFound
    );
    let no_page = crate::model::paths::page_number(Some("0"));
    assert_eq!(
        run(api.index_page(no_page)).unwrap_err(),
        ContentError::NotFound
    );
    assert!(matches!(
        run(api.article("ok")),
        Err(ContentError::Network { .. })
    ));
}

#[test]
fn the_bundled_source_answers_from_the_catalog() {
    use futures::executor::block_on as run;
    let source = Source::Bundled;
    let c = bundled().unwrap();
    assert_eq!(run(source.site()).unwrap(), *c.site());
    assert_eq!(
        run(source.index_page(HEAD)).unwrap(),
        c.index_page(HEAD).unwrap()
    );
    assert_eq!(
        run(source.article("sommet-de-seoul-securite-ia"))
            .unwrap()
            .summary
            .author,
        "Claire Dumas"
    );
    assert_eq!(run(source.article("absent")), Err(ContentError::NotFound));
    assert_eq!(
        run(source.tag_page("sante", HEAD)).unwrap().tag.name,
        "Santé"
    );
}

#[test]
fn a_catalog_is_typeset_when_it_is_built() {
    let (site, articles) = with_plain_spaces(bundled().unwrap());
    // Newest first, as the catalog keeps them.
    let (i, typed) = articles
        .iter()
        .map(|a| a.summary.title.clone())
        .enumerate()
        .find(|(_, title)| title.contains(" :"))
        .unwrap();
    let catalog = std::sync::Arc::new(Catalog::new(site, articles).unwrap());
    // A title typed « Titre : suite » holds its no-break space once in the catalog…
    let title = &catalog.summaries()[i].title;
    assert_eq!(*title, crate::french::typography(&typed));
    assert_ne!(*title, typed);
    // …and a source over it answers the text as it holds it.
    let source = Source::Archive(Archive(catalog.clone()));
    let page = futures::executor::block_on(source.index_page(HEAD)).unwrap();
    assert_eq!(page.items[i].title, *title);
    // Typesetting again changes nothing.
    assert_eq!(catalog.summaries().to_vec().typeset(), catalog.summaries());
}

#[test]
fn french_messages_and_retry_policy() {
    let cases = [
        (
            ContentError::Network { detail: "x".into() },
            true,
            "Impossible de joindre",
        ),
        (
            ContentError::Timeout { after_ms: 8000 },
            true,
            "au-delà de 8\u{a0}secondes",
        ),
        (ContentError::Status { code: 503 }, true, "erreur 503"),
        (
            ContentError::Status { code: 403 },
            false,
            "a refusé la demande (erreur 403)",
        ),
        (
            ContentError::Malformed {
                path: "body[2]".into(),
                detail: "x".into(),
            },
            true,
            "«\u{a0}body[2]\u{a0}»",
        ),
        (
            ContentError::MissingField {
                field: "title".into(),
                path: ".".into(),
            },
            false,
            "«\u{a0}title\u{a0}» manque",
        ),
        (ContentError::NotFound, false, "n’existe pas"),
    ];
    for (err, retry, text) in cases {
        assert_eq!(err.is_retryable(), retry, "{err:?}");
        assert!(err.to_string().contains(text), "{err} / {text}");
    }
}

#[test]
fn only_safe_link_targets_are_kept() {
    for good in [
        "https://www.example.org/a?b=1#c",
        "http://example.org",
        "mailto:redaction@veille-ia.example",
        "/article/x",
        "#section",
        "  https://example.org  ",
    ] {
        assert!(safe_href(good).is_some(), "{good}");
    }
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "/\\evil.example",
        "ftp://example.org",
        "",
        "article/relative",
    ] {
        assert_eq!(safe_href(bad), None, "{bad:?}");
    }
}

// --- Table of contents and related articles --------------------------------------------------

#[test]
fn anchors_are_plain_and_unique() {
    assert_eq!(anchor("Qu’est-ce qui change ?"), "qu-est-ce-qui-change");
    assert_eq!(anchor("Précision et rappel"), "precision-et-rappel");
    assert_eq!(anchor("L’Œuvre : 2024"), "l-oeuvre-2024");
    assert_eq!(anchor("« ! »"), "section");
    let blocks: Vec<Block> = parse_json(
        r#"[{"type": "heading", "level": 2, "text": "Partie"}, {"type": "paragraph", "text": "x"},
            {"type": "heading", "level": 3, "text": "Partie"}, {"type": "heading", "level": 2, "text": "Partie"}]"#,
    )
    .unwrap();
    assert_eq!(
        heading_anchors(&blocks),
        [
            Some("partie".into()),
            None,
            Some("partie-2".into()),
            Some("partie-3".into())
        ]
    );
}

#[test]
fn the_toc_lists_h2_only_from_three_of_them() {
    let with = |h2: usize| {
        let mut body: Vec<serde_json::Value> = (0..h2)
            .map(|i| serde_json::json!({"type": "heading", "level": 2, "text": format!("Partie {i}")}))
            .collect();
        body.push(serde_json::json!({"type": "heading", "level": 3, "text": "Détail"}));
        let json = serde_json::json!({"slug": "s", "title": "T", "lead": "L", "published": "d", "author": "A", "body": body});
        parse_json::<Article>(&json.to_string()).unwrap()
    };
    assert!(with(2).toc().is_empty());
    let toc = with(3).toc();
    let ids: Vec<_> = toc.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["partie-0", "partie-1", "partie-2"]);
    assert_eq!(toc[1].text, "Partie 1");
}

#[test]
fn related_articles_share_the_most_tags_not_the_latest_date() {
    let c = catalog(&[
        ("moi", "2024-01-01", r#"["ia", "sante", "climat"]"#),
        ("deux-tags-ancien", "2020-01-01", r#"["ia", "sante"]"#),
        ("un-tag-recent", "2024-06-01", r#"["climat"]"#),
        ("trois-tags", "2019-01-01", r#"["ia", "sante", "climat"]"#),
        ("aucun", "2024-07-01", r#"["autre"]"#),
        ("un-tag-plus-recent", "2024-08-01", r#"["ia"]"#),
    ]);
    let slugs: Vec<_> = c
        .related("moi", 3)
        .unwrap()
        .into_iter()
        .map(|s| s.slug)
        .collect();
    assert_eq!(
        slugs,
        ["trois-tags", "deux-tags-ancien", "un-tag-plus-recent"]
    );
    assert_eq!(c.related("absent", 3), Err(ContentError::NotFound));
    // Never the article itself, never more than asked, never more than there are.
    let all = c.related("trois-tags", 10).unwrap();
    assert_eq!(all.len(), 5);
    assert!(all.iter().all(|s| s.slug != "trois-tags"));
}

/// A new article in a large theme enters the « À lire aussi » of the few articles published
/// just before it, not of the whole theme: a publish rewrites as many related lists whatever
/// the archive's size.
#[test]
fn a_new_article_enters_only_the_related_lists_of_its_neighbours() {
    let related = |articles: &[(String, String)]| {
        let rows: Vec<(&str, &str, &str)> = articles
            .iter()
            .map(|(slug, date)| (slug.as_str(), date.as_str(), r#"["ia"]"#))
            .collect();
        let c = catalog(&rows);
        articles
            .iter()
            .map(|(slug, _)| (slug.clone(), c.related(slug, 3).unwrap()))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let mut counts = Vec::new();
    for size in [40, 400] {
        let mut articles: Vec<(String, String)> = (0..size)
            .map(|i| {
                (
                    format!("a-{i}"),
                    format!("2020-01-01T{:02}:{:02}:00Z", i / 60, i % 60),
                )
            })
            .collect();
        let before = related(&articles);
        articles.push(("nouveau".into(), "2025-01-01T00:00:00Z".into()));
        let after = related(&articles);
        counts.push(
            before
                .iter()
                .filter(|(slug, list)| after[*slug] != **list)
                .count(),
        );
    }
    // Newest first among equals, it entered all 40, then all 400.
    assert!(
        counts[0] == counts[1] && (1..=3).contains(&counts[0]),
        "{counts:?}"
    );
}

#[test]
fn related_articles_never_run_dry() {
    let c = catalog(&[
        ("moi", "2024-01-01", r#"["ia", "sante"]"#),
        ("sante-recent", "2024-05-01", r#"["sante"]"#),
        ("ia-ancien", "2021-01-01", r#"["ia"]"#),
        ("autre-recent", "2024-09-01", r#"["autre"]"#),
        ("autre-ancien", "2019-01-01", r#"["autre"]"#),
    ]);
    let slugs = |slug| -> Vec<String> {
        c.related(slug, 3)
            .unwrap()
            .into_iter()
            .map(|s| s.slug)
            .collect()
    };
    // One shared tag each: the article's first tag (its main theme) first, however old; then
    // the nearest of all to make three.
    assert_eq!(slugs("moi"), ["ia-ancien", "sante-recent", "autre-recent"]);
    // An article sharing a tag with only one other is still offered three: the nearest.
    assert_eq!(slugs("autre-ancien"), ["autre-recent", "ia-ancien", "moi"]);
    // Deterministic: the same answer every time.
    assert_eq!(slugs("moi"), slugs("moi"));
}

#[test]
fn slugs_that_would_make_paths_are_refused_where_content_is_read() {
    let long = "a".repeat(201);
    for slug in [
        "..",
        "../x",
        "/etc/x",
        "%2e%2e",
        "a\\\\b",
        "a\\u0000b",
        long.as_str(),
    ] {
        // An article file, a tag of the site, an article's tag.
        let err = Catalog::from_json(
            SITE,
            &[("articles/x.json", &article(slug, "2024-01-01", "[]"))],
        )
        .unwrap_err();
        assert!(
            matches!(&err, ContentError::Invalid { path, .. } if path == "articles/x.json › slug"),
            "{slug}: {err:?}"
        );
        let site = SITE.replace(r#""slug": "ia""#, &format!(r#""slug": "{slug}""#));
        let err = Catalog::from_json(&site, &[]).unwrap_err();
        assert!(
            matches!(&err, ContentError::Invalid { path, .. } if path == "site.json › tags[0].slug"),
            "{slug}: {err:?}"
        );
        let tags = format!(r#"["ia", "{slug}"]"#);
        let err = Catalog::from_json(
            SITE,
            &[("articles/x.json", &article("x", "2024-01-01", &tags))],
        )
        .unwrap_err();
        assert!(
            matches!(&err, ContentError::Invalid { path, .. } if path == "articles/x.json › tags[1]"),
            "{slug}: {err:?}"
        );
        // The reader's message is French and says where.
        assert!(err
            .to_string()
            .starts_with("Les données reçues sont invalides\u{a0}: le slug «\u{a0}"));
        assert!(!err.is_retryable());
        // An author's profile, which will name a page of its own.
        let with_profile = article("x", "2024-01-01", "[]").replace(
            r#""author": "Claire Dumas","#,
            &format!(r#""author": "Claire Dumas", "author_profile": {{ "slug": "{slug}" }},"#),
        );
        let err = Catalog::from_json(SITE, &[("articles/x.json", &with_profile)]).unwrap_err();
        assert!(
            matches!(&err, ContentError::Invalid { path, .. } if path == "articles/x.json › author_profile.slug"),
            "{slug}: {err:?}"
        );
    }
}

#[test]
fn an_author_profile_is_optional_and_kept() {
    let plain = catalog(&[("x", "2024-01-01", "[]")]);
    assert_eq!(plain.article("x").unwrap().author_profile, None);
    let json = article("y", "2024-01-01", "[]").replace(
        r#""author": "Claire Dumas","#,
        r#""author": "Claire Dumas", "author_profile": { "slug": "claire", "bio": "Journaliste : IA." },"#,
    );
    let catalog = Catalog::from_json(SITE, &[("articles/y.json", &json)]).unwrap();
    let profile = catalog.article("y").unwrap().author_profile.unwrap();
    assert_eq!(profile.slug, "claire");
    // Typeset like every text: a no-break space before the colon.
    assert_eq!(profile.bio.as_deref(), Some("Journaliste\u{a0}: IA."));
}

#[test]
fn authors_get_a_slug_from_their_name_or_their_cms_and_a_page_of_their_articles() {
    // A plain `author` string: the slug is made from the name.
    let json = |slug: &str, date: &str, author: &str| {
        article(slug, date, "[]").replace(r#""author": "Claire Dumas","#, author)
    };
    let files = [
        (
            "articles/a.json",
            json("a", "2024-01-01", r#""author": "Claire Dumas","#),
        ),
        (
            "articles/b.json",
            json("b", "2024-03-01", r#""author": "Élise Kœnig","#),
        ),
        (
            "articles/c.json",
            json(
                "c",
                "2024-02-01",
                r#""author": "Claire Dumas", "author_profile": { "slug": "claire-dumas", "bio": "Journaliste : IA." },"#,
            ),
        ),
        (
            "articles/d.json",
            json(
                "d",
                "2024-04-01",
                r#""author": "Marc", "author_profile": { "slug": "marc-cms" },"#,
            ),
        ),
    ];
    let refs: Vec<(&str, &str)> = files.iter().map(|(n, j)| (*n, j.as_str())).collect();
    let catalog = Catalog::from_json(SITE, &refs).unwrap();
    assert_eq!(catalog.article("b").unwrap().author().slug, "elise-koenig");
    // A CMS's slug wins over the name's.
    assert_eq!(catalog.article("d").unwrap().author().slug, "marc-cms");
    let slugs: Vec<&str> = catalog.authors().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["marc-cms", "elise-koenig", "claire-dumas"]);
    // One author for both of Claire Dumas's articles, newest first, with the bio one of them has.
    let claire = catalog.author_page("claire-dumas", HEAD).unwrap();
    assert_eq!(claire.author.name, "Claire Dumas");
    assert_eq!(claire.author.bio.as_deref(), Some("Journaliste\u{a0}: IA."));
    let listed: Vec<&str> = claire.page.items.iter().map(|s| s.slug.as_str()).collect();
    assert_eq!(listed, ["c", "a"]);
    assert_eq!(claire.page.total, Some(2));
    assert_eq!(
        catalog.author_page("inconnu", HEAD),
        Err(ContentError::NotFound)
    );
    assert_eq!(
        catalog.author_page("claire-dumas", 2),
        Err(ContentError::NotFound)
    );
    // Their pages are files of the static API, which a browser reads back as they were.
    let derived = catalog.derived_api_files();
    let (_, file) = derived
        .iter()
        .find(|(path, _)| path == "authors/claire-dumas/0.json")
        .unwrap();
    let read: AuthorListing = serde_json::from_str(file).unwrap();
    assert_eq!(read, claire);
    assert!(read.check().is_ok());
}

#[test]
fn an_author_listing_with_a_bad_slug_is_refused() {
    let mut listing = bundled()
        .unwrap()
        .author_page(&bundled().unwrap().authors().next().unwrap().slug, HEAD)
        .unwrap();
    listing.author.slug = "../x".into();
    assert!(listing.check().is_err());
}

#[test]
fn api_answers_are_checked_like_files() {
    let mut page = paginate(
        bundled().unwrap().summaries(),
        1,
        bundled().unwrap().site().page_size,
    )
    .unwrap();
    assert_eq!(page.check(), Ok(()));
    page.items[2].slug = "../../etc/passwd".into();
    assert!(matches!(
        page.check(),
        Err(ContentError::Invalid { path, .. }) if path == "items[2].slug"
    ));
    let mut listing = bundled().unwrap().tag_page("sante", HEAD).unwrap();
    assert_eq!(listing.check(), Ok(()));
    listing.tag.slug = "..".into();
    assert!(matches!(
        listing.check(),
        Err(ContentError::Invalid { path, .. }) if path == "tag.slug"
    ));
    let mut related = bundled()
        .unwrap()
        .related("evaluer-un-classifieur", RELATED)
        .unwrap();
    related[0].tags.push("a/b".into());
    assert!(related.check().is_err());
    // The site's own address must be an absolute web address: it makes every canonical URL.
    for bad in [
        "javascript:alert(1)",
        "//veille.example",
        "/veille",
        "https://",
        "https://veille.example/\"onmouseover=x",
        "data:text/html,x",
    ] {
        let mut site = bundled().unwrap().site().clone();
        site.base_url = bad.into();
        assert!(
            matches!(site.check(), Err(ContentError::Invalid { ref path, .. }) if path == "base_url"),
            "{bad}"
        );
    }
}

//! What the search index holds: one record per article, made from the same catalog as the
//! prerendered pages, for Pagefind's indexer (`tools/build/search-index.mjs` feeds these records
//! to Pagefind's Node API; `public/search.js` reads the index in the browser). And what a result
//! shows of an article ([`shown`]), the same whether the index found it or, on a site reading
//! WordPress at run time, the CMS's own search did (published after the build:
//! [`crate::browser::start_search`]).
//!
//! Records rather than Pagefind reading the prerendered HTML: only what an article says is
//! indexed (title, lead, body, captions: never the navigation, the related list, the newsletter
//! box or the share row), home, tag, about pages and `404.html` stay out by construction, and the
//! indexed text can be made searchable in French where Pagefind's own splitting falls short
//! ([`index_text`]).

use crate::{
    content::{Article, ArticleSummary, Block, Catalog, Site},
    french, routes,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// The filter holding an article's tags (their slugs), named as the search page's parameter.
pub const TAG_FILTER: &str = routes::search_param::TAG;
/// The filter naming each article by its slug: what the search page leaves out of the index's
/// answers once the article is gone or has changed since the index was built ([`Recent`]).
pub const ARTICLE_FILTER: &str = "article";
/// Beside Pagefind's files, the fingerprint of each article the index holds, by address: what
/// the build indexed (`tools/build/search-index.mjs` writes it from the records' `empreinte`).
pub const INDEXED_FILE: &str = "pagefind/veille-indexees.json";
/// Beside them too, what changed since the index was built ([`Recent`]): each round of
/// `veille-content sync` or `watch` writes it, `public/search.js` reads it with every search.
pub const RECENT_FILE: &str = "pagefind/veille-recents.json";
/// The sort by publication date (`AAAA-MM-JJ`, which sorts as text).
pub const DATE_SORT: &str = "date";

/// One article as Pagefind's `addCustomRecord` takes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    pub url: String,
    pub content: String,
    pub language: &'static str,
    /// `title`, `date` (written out in French) and `rubriques` (the tags' names), shown with
    /// each result; `iso` (the date as a machine reads it, for `<time datetime>`).
    pub meta: BTreeMap<&'static str, String>,
    pub filters: BTreeMap<&'static str, Vec<String>>,
    pub sort: BTreeMap<&'static str, String>,
    /// A fingerprint of all the above ([`fingerprint`]): not indexed, kept by the build in
    /// [`INDEXED_FILE`] so that a round can tell which articles changed since.
    pub empreinte: String,
}

/// The text Pagefind indexes for `text`, which readers never see as such: Pagefind splits a word
/// on ASCII punctuation (« l'inflation » is indexed as « linflation » and as « inflation ») but
/// not on the typographic apostrophe ’ (U+2019) the site's French uses, so « inflation » would
/// not find « L’inflation », nor « IA » find « l’IA ». Inside a word, ’ (and the modifier letter
/// ʼ) becomes `'`; `public/search.js` turns it back into ’ in the excerpts it shows.
pub fn index_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let inside_word = previous.is_some_and(char::is_alphanumeric)
            && chars.peek().is_some_and(|next| next.is_alphanumeric());
        out.push(if matches!(c, '’' | 'ʼ') && inside_word {
            '\''
        } else {
            c
        });
        previous = Some(c);
    }
    out
}

/// What an article says, in reading order, as one text: title, lead, then each block.
fn article_text(article: &Article) -> String {
    let summary = &article.summary;
    let mut parts = vec![summary.title.clone(), summary.lead.clone()];
    parts.extend(
        article
            .body
            .iter()
            .map(Block::plain)
            .filter(|text| !text.trim().is_empty()),
    );
    index_text(&parts.join("\n"))
}

/// What a search result shows of an article: its address, its title, its date written out in
/// French and as a machine reads it (`iso`, `AAAA-MM-JJ`, which also sorts), its tags' slugs.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub url: String,
    pub title: String,
    pub date: String,
    pub iso: String,
    pub tags: Vec<String>,
}

/// What a result shows of `summary`.
pub fn shown(summary: &ArticleSummary) -> Shown {
    let day = summary.published.get(..10).unwrap_or(&summary.published);
    Shown {
        url: routes::article(&summary.slug),
        title: summary.title.clone(),
        date: french::date_or_as_given(&summary.published),
        iso: day.to_string(),
        tags: summary.tags.clone(),
    }
}

/// The record of one article of `site`.
pub fn record(site: &Site, article: &Article) -> Record {
    let Shown {
        url,
        title,
        date,
        iso,
        tags,
    } = shown(&article.summary);
    let names: Vec<String> = tags
        .iter()
        .map(|slug| site.tag(slug).map_or(slug.clone(), |tag| tag.name.clone()))
        .collect();
    let meta = BTreeMap::from([
        ("title", title),
        ("date", date),
        ("iso", iso.clone()),
        ("rubriques", names.join(", ")),
    ]);
    let mut record = Record {
        url,
        content: article_text(article),
        language: "fr",
        meta,
        filters: BTreeMap::from([
            (TAG_FILTER, tags),
            (ARTICLE_FILTER, vec![article.summary.slug.clone()]),
        ]),
        sort: BTreeMap::from([(DATE_SORT, iso)]),
        empreinte: String::new(),
    };
    record.empreinte = fingerprint(&record);
    record
}

/// A fingerprint of what `record` indexes and shows (FNV-1a, 64 bits, in hex): two versions of
/// an article that a search would answer alike have the same.
fn fingerprint(record: &Record) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let parts = [
        record.url.as_str(),
        &record.content,
        &format!("{:?}", record.meta),
        &format!("{:?}", record.filters),
        &format!("{:?}", record.sort),
    ];
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// What changed since the search index was built, as the search page reads it
/// ([`RECENT_FILE`]): the articles published or changed since, each as a result shows it with
/// the words it is found by; and the slugs of the articles the index holds that are gone or
/// changed, which the page leaves out of the index's answers ([`ARTICLE_FILTER`]). Small: it
/// grows with what was published since the last build, not with the archive.
#[derive(Debug, Default, PartialEq, Serialize)]
pub struct Recent {
    pub articles: Vec<RecentArticle>,
    pub retires: Vec<String>,
}

/// One article of [`Recent`]: what a Pagefind result's data holds (`url`, `meta`, `filters`),
/// its lead as `text` (shown with the words found marked, as for the CMS's own search), and
/// `mots`, the text a search's words are looked for in (tags, title, lead, body).
#[derive(Debug, PartialEq, Serialize)]
pub struct RecentArticle {
    pub url: String,
    pub meta: BTreeMap<&'static str, String>,
    pub filters: BTreeMap<&'static str, Vec<String>>,
    pub text: String,
    pub mots: String,
}

/// Whether the index (`indexed`: each address's fingerprint, [`INDEXED_FILE`]) holds `article`
/// of `site` as it is.
pub fn holds(indexed: &BTreeMap<String, String>, site: &Site, article: &Article) -> bool {
    let record = record(site, article);
    indexed.get(&record.url) == Some(&record.empreinte)
}

/// What changed between the index (`indexed`) and `catalog`. An article the catalog holds
/// without its text was read so because the index holds it as it is ([`holds`]).
pub fn recent(catalog: &Catalog, indexed: &BTreeMap<String, String>) -> Recent {
    // Each article's record made on every core (making them is most of the work: the text of
    // every article of the archive), only those the index does not hold as they are kept. One
    // read without its text is held by the index as it is: it is passed over, with no answer
    // (an empty one is as large as a full one, an article and its record: the whole archive's
    // worth of them).
    let compared = crate::parallel::map(catalog.held().collect(), |slug| {
        let article = catalog.article(slug).ok()?;
        let record = record(catalog.site(), &article);
        match indexed
            .get(&record.url)
            .map(|print| *print == record.empreinte)
        {
            Some(true) => None,
            known => Some((known.is_some(), article, record)),
        }
    });
    let mut recent = Recent::default();
    for (was_indexed, article, record) in compared.into_iter().flatten() {
        if was_indexed {
            recent.retires.push(article.summary.slug.clone());
        }
        let words = format!("{}\n{}", record.meta["rubriques"], record.content);
        recent.articles.push(RecentArticle {
            url: record.url,
            text: article.summary.lead.clone(),
            meta: record.meta,
            filters: record
                .filters
                .into_iter()
                .filter(|(name, _)| *name == TAG_FILTER)
                .collect(),
            mots: words,
        });
    }
    // What the index holds and the archive no longer does.
    let now: std::collections::HashSet<&str> = catalog
        .summaries()
        .iter()
        .map(|summary| summary.slug.as_str())
        .collect();
    let prefix = routes::article("");
    for url in indexed.keys() {
        if let Some(slug) = url.strip_prefix(&prefix).filter(|slug| !now.contains(slug)) {
            recent.retires.push(slug.to_string());
        }
    }
    recent
}

/// Every article's record, newest first (the catalog's order).
pub fn records(catalog: &Catalog) -> Vec<Record> {
    catalog
        .articles()
        .map(|article| record(catalog.site(), &article))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::bundled;

    #[test]
    fn elisions_become_words_pagefind_splits() {
        for (text, indexed) in [
            ("L’inflation", "L'inflation"),
            ("de l’IA et d’une loi", "de l'IA et d'une loi"),
            ("aujourd’hui, jusqu’à", "aujourd'hui, jusqu'à"),
            ("lʼIA", "l'IA"),
            // Not inside a word: a closing quote, a lone mark, what is already ASCII.
            ("les « modèles’ » ’ ", "les « modèles’ » ’ "),
            ("’tis", "’tis"),
            ("l'IA", "l'IA"),
            // No-break spaces and guillemets stay: Pagefind splits on the first, skips the
            // second.
            (
                "«\u{a0}sécurité\u{a0}»\u{a0}:",
                "«\u{a0}sécurité\u{a0}»\u{a0}:",
            ),
        ] {
            assert_eq!(index_text(text), indexed, "{text}");
        }
    }

    #[test]
    fn what_changed_since_the_index_is_told_apart_by_fingerprint() {
        let catalog = bundled().unwrap();
        let indexed: BTreeMap<String, String> = records(catalog)
            .into_iter()
            .map(|r| (r.url, r.empreinte))
            .collect();
        // As built: nothing.
        assert_eq!(recent(catalog, &indexed), Recent::default());
        // An article retitled since, one published since, one the index holds that is gone.
        let (site, mut articles) = (
            catalog.site().clone(),
            catalog.articles().collect::<Vec<_>>(),
        );
        articles[0].summary.title = "Un titre corrigé".into();
        let mut fresh = articles[1].clone();
        fresh.summary.slug = "publie-apres-l-index".into();
        articles.push(fresh);
        let gone = articles.remove(2).summary.slug;
        let changed = articles[0].summary.slug.clone();
        let now = Catalog::new(site, articles).unwrap();
        let since = recent(&now, &indexed);
        let urls: Vec<&str> = since.articles.iter().map(|a| a.url.as_str()).collect();
        assert!(
            urls.contains(&routes::article(&changed).as_str()),
            "{urls:?}"
        );
        assert!(urls.contains(&"/article/publie-apres-l-index"), "{urls:?}");
        assert!(!urls.contains(&routes::article(&gone).as_str()), "{urls:?}");
        assert_eq!(since.retires, [changed, gone]);
        let retitled = since
            .articles
            .iter()
            .find(|a| a.meta["title"].contains("corrigé"))
            .unwrap();
        assert!(retitled.mots.contains("corrigé"));
    }

    #[test]
    fn a_record_holds_what_the_article_says_and_no_page_chrome() {
        let catalog = bundled().unwrap();
        let records = records(catalog);
        assert_eq!(records.len(), catalog.articles().len());
        let article = catalog.article("ai-act-adopte-par-le-conseil").unwrap();
        let record = records
            .iter()
            .find(|r| r.url == "/article/ai-act-adopte-par-le-conseil")
            .unwrap();
        assert_eq!(record.language, "fr");
        assert!(record
            .content
            .starts_with(&index_text(&article.summary.title)));
        assert!(record.content.contains(&index_text(&article.summary.lead)));
        for block in &article.body {
            assert!(record.content.contains(&index_text(&block.plain())));
        }
        // Elided words are searchable; nothing of the page around the article is indexed.
        assert!(record.content.contains("l'intelligence artificielle"));
        assert!(!record.content.contains('’'));
        for chrome in [
            "À lire aussi",
            "Copier le lien",
            "La lettre",
            "Aller au contenu",
        ] {
            assert!(
                records.iter().all(|r| !r.content.contains(chrome)),
                "{chrome}"
            );
        }
        assert_eq!(record.meta["title"], article.summary.title);
        assert_eq!(record.meta["date"], "21\u{a0}mai\u{a0}2024");
        assert_eq!(record.meta["iso"], "2024-05-21");
        assert_eq!(record.meta["rubriques"], "Politique et régulation");
        assert_eq!(record.filters[TAG_FILTER], vec!["politique".to_string()]);
        assert_eq!(record.sort[DATE_SORT], "2024-05-21");
    }

    #[test]
    fn records_serialize_as_pagefind_takes_them() {
        let catalog = bundled().unwrap();
        let json = serde_json::to_value(&records(catalog)[0]).unwrap();
        for key in ["url", "content", "language", "meta", "filters", "sort"] {
            assert!(json.get(key).is_some(), "{key}");
        }
        assert!(json["filters"][TAG_FILTER].is_array());
        assert!(json["meta"]["title"].is_string());
    }
}

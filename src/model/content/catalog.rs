//! A whole archive held in memory: the site and every article, indexed by slug and by tag.
//!
//! It backs the bundled source (the JSON compiled into the app), and it writes the derived files
//! of the static API (`index/N.json`, `tags/<slug>/N.json`, `authors/<slug>/N.json`) so both
//! modes read the same content. A round of publication (native) may read it in part: every
//! summary, and whole only the articles it needs ([`Catalog::from_dir_keeping`]), for a large
//! archive's texts are most of its weight.

use super::{
    error::parse_json,
    paging::{paginate, AuthorListing, Page, TagListing, HEAD},
    validate::{self, Check},
    Article, ArticleSummary, Author, AuthorProfile, Block, ContentError, Site, Typeset,
};
use crate::model::parallel::map as par_map;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone)]
pub struct Catalog {
    site: Site,
    /// Every article's summary, newest first; and beside each, at the same position, the rest
    /// of the article. Each summary is held once: lists hand out slices of them, a whole
    /// article is put together when asked for.
    summaries: Vec<ArticleSummary>,
    texts: Vec<Text>,
    by_slug: HashMap<String, usize>,
    /// Tag slug → positions in `summaries`, newest first.
    by_tag: HashMap<String, Vec<usize>>,
    /// Every author, in the order of their newest article, with the positions of their
    /// articles in `summaries`, newest first.
    authors: Vec<(Author, Vec<usize>)>,
    /// The articles read without their body ([`Catalog::from_dir_keeping`]), by slug: it holds
    /// their images only.
    withheld: HashSet<String>,
}

/// What an article holds beside its summary.
#[derive(Debug, Clone)]
struct Text {
    body: Vec<Block>,
    author_profile: Option<AuthorProfile>,
}

/// An article's `body` without its text: its images only (the pages' policy names their
/// hosts).
fn images_only(body: &mut Vec<Block>) {
    body.retain(|block| matches!(block, Block::Image { .. }));
    // Its room too: a block is as large as the largest kind (an image).
    body.shrink_to_fit();
}

/// An article taken apart: its summary and its text.
fn split(article: Article) -> (ArticleSummary, Text) {
    let Article {
        summary,
        body,
        author_profile,
    } = article;
    (
        summary,
        Text {
            body,
            author_profile,
        },
    )
}

/// An article put together again.
fn join(summary: ArticleSummary, text: Text) -> Article {
    Article {
        summary,
        body: text.body,
        author_profile: text.author_profile,
    }
}

/// Prefixes an error's location with the file it comes from.
fn in_file(file: &str, err: ContentError) -> ContentError {
    let at = |path: String| {
        if path.is_empty() || path == "." {
            file.to_string()
        } else {
            format!("{file} › {path}")
        }
    };
    match err {
        ContentError::Malformed { path, detail } => ContentError::Malformed {
            path: at(path),
            detail,
        },
        ContentError::MissingField { field, path } => ContentError::MissingField {
            field,
            path: at(path),
        },
        ContentError::Invalid { path, reason } => ContentError::Invalid {
            path: at(path),
            reason,
        },
        other => other,
    }
}

impl Catalog {
    /// Reads a site and its articles from JSON texts: `files` pairs a file name such as
    /// `articles/<slug>.json` with its contents. The file name must match the article's slug.
    pub fn from_json(site_json: &str, files: &[(&str, &str)]) -> Result<Self, ContentError> {
        let site = Self::site_file(site_json)?;
        let articles = par_map(files.iter().collect(), |(name, json)| {
            Self::article_file(name, json)
        })
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
        Self::new(site, articles)
    }

    /// `site.json`, parsed and checked.
    fn site_file(json: &str) -> Result<Site, ContentError> {
        let site: Site = parse_json(json).map_err(|e| in_file("site.json", e))?;
        site.check().map_err(|e| in_file("site.json", e))?;
        Ok(site)
    }

    /// One article file: its JSON, and its name, which must match its slug.
    fn article_file(name: &str, json: &str) -> Result<Article, ContentError> {
        let article: Article = parse_json(json).map_err(|e| in_file(name, e))?;
        article.check().map_err(|e| in_file(name, e))?;
        let expected = format!("articles/{}.json", article.summary.slug);
        if name != expected {
            return Err(ContentError::Invalid {
                path: format!("{name} › slug"),
                reason: format!(
                    "un article est rangé dans le fichier de son slug\u{a0}: {expected}"
                ),
            });
        }
        Ok(article)
    }

    /// Reads `dir/site.json` and every `dir/articles/*.json` (native tools only). Errors are in
    /// French and name the file and the field.
    pub fn from_dir(dir: &std::path::Path) -> Result<Self, LoadError> {
        Self::from_dir_keeping(dir, |_, _| true)
    }

    /// [`Catalog::from_dir`], holding whole only the articles `whole` asks for (given the site
    /// and the article as the catalog has them, typeset): the body of every other is dropped
    /// as soon as it is read, but for its images (the pages' security policy names their
    /// hosts). A large archive's bodies are most of its weight, and a round of publication
    /// renders a few pages: it reads those again whole ([`Catalog::hold`]).
    pub fn from_dir_keeping(
        dir: &std::path::Path,
        whole: impl Fn(&Site, &Article) -> bool + Sync,
    ) -> Result<Self, LoadError> {
        use crate::model::files::{Doing, FileError};
        use std::{fs, path::Path};
        let read = |path: &Path| fs::read_to_string(path).map_err(FileError::at(path, Doing::Read));
        let site = read(&dir.join("site.json"))?;
        let folder = dir.join("articles");
        let mut names: Vec<_> = fs::read_dir(&folder)
            .map_err(FileError::at(&folder, Doing::List))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        names.sort();
        let in_dir = |error| LoadError::Content {
            dir: dir.to_path_buf(),
            error,
        };
        let site = Self::site_file(&site).map_err(in_dir)?;
        let typeset = site.clone().typeset();
        // Each file read, parsed and made ready once, on every core.
        let articles = par_map(names, |path| {
            let name = format!(
                "articles/{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            let mut article = Self::read_ready(dir, &name)?;
            let withheld = !whole(&typeset, &article);
            if withheld {
                images_only(&mut article.body);
            }
            Ok((article, withheld))
        })
        .into_iter()
        .collect::<Result<Vec<_>, LoadError>>()?;
        let withheld = articles
            .iter()
            .filter(|(_, withheld)| *withheld)
            .map(|(article, _)| article.summary.slug.clone())
            .collect();
        let articles: Vec<Article> = articles.into_iter().map(|(article, _)| article).collect();
        validate::archive(&site, &articles).map_err(in_dir)?;
        Ok(Self::assemble(typeset, articles).withholding(withheld))
    }

    /// The catalog, `slugs` read whole again from `dir` (those it withheld; the others are
    /// left as they are).
    pub fn hold(&mut self, dir: &std::path::Path, slugs: &[String]) -> Result<(), LoadError> {
        let wanted: Vec<(usize, &String)> = slugs
            .iter()
            .filter(|slug| self.withheld.contains(*slug))
            .filter_map(|slug| Some((*self.by_slug.get(slug)?, slug)))
            .collect();
        let read = par_map(wanted, |(i, slug)| {
            Ok::<_, LoadError>((i, Self::read_ready(dir, &format!("articles/{slug}.json"))?))
        });
        for result in read {
            let (i, article) = result?;
            self.withheld.remove(&article.summary.slug);
            // The summary is the one held: the same file, read again.
            self.texts[i] = split(article).1;
        }
        Ok(())
    }

    /// The catalog, the body of each article it holds that `whole` does not ask for dropped
    /// again but for its images (a watcher keeps its catalog between rounds; a round reads
    /// again the texts it needs).
    pub fn withhold(&mut self, whole: impl Fn(&Site, &Article) -> bool) {
        for i in 0..self.summaries.len() {
            let slug = &self.summaries[i].slug;
            if !self.withheld.contains(slug) && !whole(&self.site, &self.article_at(i)) {
                self.withheld.insert(slug.clone());
                images_only(&mut self.texts[i].body);
            }
        }
    }

    /// The article file `name` (`articles/<slug>.json`) of `dir`, read, checked and made ready.
    fn read_ready(dir: &std::path::Path, name: &str) -> Result<Article, LoadError> {
        use crate::model::files::{Doing, FileError};
        let path = dir.join(name);
        let json = std::fs::read_to_string(&path).map_err(FileError::at(&path, Doing::Read))?;
        let article = Self::article_file(name, &json).map_err(|error| LoadError::Content {
            dir: dir.to_path_buf(),
            error,
        })?;
        Ok(Self::ready(article))
    }

    /// Whether every article's body is held (none withheld by [`Catalog::from_dir_keeping`]).
    pub fn is_whole(&self) -> bool {
        self.withheld.is_empty()
    }

    /// Whether the article `slug`'s body is held.
    pub fn holds(&self, slug: &str) -> bool {
        !self.withheld.contains(slug)
    }

    /// The slugs of the articles held whole, newest first.
    pub fn held(&self) -> impl Iterator<Item = &str> {
        self.summaries
            .iter()
            .map(|summary| summary.slug.as_str())
            .filter(|slug| self.holds(slug))
    }

    /// The catalog, the articles `slugs` marked as read without their body (an import hands
    /// on what a partial read withheld, [`Catalog::into_parts`]).
    pub fn withholding(mut self, slugs: HashSet<String>) -> Self {
        self.withheld = slugs
            .into_iter()
            .filter(|slug| self.by_slug.contains_key(slug))
            .collect();
        self
    }

    /// Every article, newest first, and the slugs of those withheld: the catalog given up for
    /// them (an import keeps its unchanged articles without copying them).
    pub fn into_parts(self) -> (Vec<Article>, HashSet<String>) {
        let articles = self
            .summaries
            .into_iter()
            .zip(self.texts)
            .map(|(s, t)| join(s, t));
        (articles.collect(), self.withheld)
    }

    /// The archive of `site` and `articles`, checked whole (slugs plain and unique, the site's
    /// address absolute) whoever built them: the readers above have already checked each file
    /// to name it in their errors, the synthetic generator and imports build them in code.
    ///
    /// Every text comes out in French typography, here and only here for local content: a
    /// source over the catalog hands out its content as it is (a 10,000-article prerender would
    /// otherwise typeset every summary again on each page that lists it).
    pub fn new(site: Site, articles: Vec<Article>) -> Result<Self, ContentError> {
        Self::new_keeping(site, articles, |_| false)
    }

    /// [`Catalog::new`], the articles `ready` names taken as they are: made ready already, by
    /// the catalog they come from (an import's unchanged articles: a large archive's, typeset
    /// again and moved through the threads, would cost each round time and a copy of them).
    pub fn new_keeping(
        site: Site,
        mut articles: Vec<Article>,
        ready: impl Fn(&Article) -> bool,
    ) -> Result<Self, ContentError> {
        validate::archive(&site, &articles)?;
        // Their order does not matter: the catalog sorts them.
        let mut fresh = Vec::new();
        let mut i = 0;
        while i < articles.len() {
            if ready(&articles[i]) {
                i += 1;
            } else {
                fresh.push(articles.swap_remove(i));
            }
        }
        articles.extend(par_map(fresh, Self::ready));
        Ok(Self::assemble(site.typeset(), articles))
    }

    /// An article made ready for the catalog: its reading time counted once, here, and kept
    /// with it (its page and every list that shows it read it instead of counting the words
    /// again), its texts typeset.
    fn ready(mut article: Article) -> Article {
        article.summary.reading_minutes = Some(article.reading_minutes());
        article.typeset()
    }

    /// The catalog of `site` and `articles`, both ready, checked: sorted and indexed.
    fn assemble(site: Site, mut articles: Vec<Article>) -> Self {
        articles.sort_by(|a, b| {
            (b.summary.published.as_str(), a.summary.slug.as_str())
                .cmp(&(a.summary.published.as_str(), b.summary.slug.as_str()))
        });
        // One author per slug: the name of their newest article, the first bio met.
        let mut authors: Vec<(Author, Vec<usize>)> = Vec::new();
        let mut by_author: HashMap<String, usize> = HashMap::new();
        for (i, article) in articles.iter().enumerate() {
            let author = article.author();
            match by_author.get(&author.slug) {
                Some(&at) => {
                    let (known, positions) = &mut authors[at];
                    known.bio = known.bio.take().or(author.bio);
                    positions.push(i);
                }
                None => {
                    by_author.insert(author.slug.clone(), authors.len());
                    authors.push((author, vec![i]));
                }
            }
        }
        let (summaries, texts): (Vec<_>, Vec<_>) = articles.into_iter().map(split).unzip();
        let by_slug = summaries
            .iter()
            .enumerate()
            .map(|(i, s)| (s.slug.clone(), i))
            .collect();
        let mut by_tag: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, summary) in summaries.iter().enumerate() {
            for tag in &summary.tags {
                by_tag.entry(tag.clone()).or_default().push(i);
            }
        }
        Catalog {
            site,
            summaries,
            texts,
            by_slug,
            by_tag,
            authors,
            withheld: HashSet::new(),
        }
    }

    pub fn site(&self) -> &Site {
        &self.site
    }

    /// Every article, newest first, each put together as it is handed out (those read in part
    /// without their text).
    pub fn articles(&self) -> impl ExactSizeIterator<Item = Article> + '_ {
        (0..self.summaries.len()).map(|i| self.article_at(i))
    }

    /// Every article's summary and body, newest first, as held (without copying them).
    pub fn bodies(&self) -> impl ExactSizeIterator<Item = (&ArticleSummary, &[Block])> {
        self.summaries
            .iter()
            .zip(&self.texts)
            .map(|(summary, text)| (summary, text.body.as_slice()))
    }

    /// The article at position `i`, put together.
    fn article_at(&self, i: usize) -> Article {
        join(self.summaries[i].clone(), self.texts[i].clone())
    }

    /// Every article summary, newest first.
    pub fn summaries(&self) -> &[ArticleSummary] {
        &self.summaries
    }

    /// The article `slug`, whole: one whose body was withheld is not handed out (a page made
    /// from it would show its images only).
    pub fn article(&self, slug: &str) -> Result<Article, ContentError> {
        // Only the native tools read a catalog in part: the browser's wasm is spared the check.
        #[cfg(feature = "ssr")]
        if self.withheld.contains(slug) {
            return Err(ContentError::Invalid {
                path: format!("articles/{slug}.json"),
                reason: "l’article a été lu sans son texte".into(),
            });
        }
        self.by_slug
            .get(slug)
            .map(|&i| self.article_at(i))
            .ok_or(ContentError::NotFound)
    }

    /// `n` other articles for « À lire aussi » (fewer only when the archive has fewer): those
    /// sharing the most tags with `slug` first; among equals, those with its first tag (its
    /// main theme), then the nearest to it in publication order (the newer of two as near);
    /// then, when too few share a tag, the nearest of all, so that a reader is always offered
    /// something. Never the article itself; deterministic.
    ///
    /// Nearest, not newest: a new article then enters only the lists of the few articles
    /// published just before it that share its tags, and a publish rewrites as many files
    /// whatever the archive's size (docs/cms.md); newest first, it entered the list of every
    /// article whose best matches shared no more tags than it did. Candidates come from the tag index, never from comparing every pair.
    pub fn related(&self, slug: &str, n: usize) -> Result<Vec<ArticleSummary>, ContentError> {
        let &me = self.by_slug.get(slug).ok_or(ContentError::NotFound)?;
        if n == 0 {
            return Ok(Vec::new());
        }
        // The article's tag lists (tag → positions, ascending), each walked outward from the
        // article, both ways: candidates come nearest first, each with the lists it appears in.
        // The best `n` are kept; once they all share every tag, no farther article can beat
        // them, and the walk stops.
        let lists: Vec<&[usize]> = self.summaries[me]
            .tags
            .iter()
            .filter_map(|tag| self.by_tag.get(tag).map(Vec::as_slice))
            .collect();
        // A candidate's rank: two points a shared tag, one more for the first tag.
        let most = 2 * lists.len() as u32 + 1;
        // Per list: the next newer candidate is at `newer - 1`, the next older at `older`.
        let mut newer: Vec<usize> = lists
            .iter()
            .map(|l| l.partition_point(|&p| p < me))
            .collect();
        let mut older: Vec<usize> = lists
            .iter()
            .map(|l| l.partition_point(|&p| p <= me))
            .collect();
        let nearness = |p: usize| (p.abs_diff(me), p);
        // (position, rank), higher rank first, nearer first among equals.
        let mut best: Vec<(usize, u32)> = Vec::with_capacity(n + 1);
        while let Some(position) = lists
            .iter()
            .enumerate()
            .flat_map(|(k, list)| {
                let up = newer[k].checked_sub(1).and_then(|i| list.get(i));
                [up, list.get(older[k])]
            })
            .flatten()
            .copied()
            .min_by_key(|&p| nearness(p))
        {
            let mut shared = 0;
            for (k, list) in lists.iter().enumerate() {
                let point = if k == 0 { 3 } else { 2 };
                if newer[k] > 0 && list[newer[k] - 1] == position {
                    shared += point;
                    newer[k] -= 1;
                } else if list.get(older[k]) == Some(&position) {
                    shared += point;
                    older[k] += 1;
                }
            }
            // No nearer than any kept one: it goes after those sharing as many tags or more.
            let at = best.iter().take_while(|&&(_, s)| s >= shared).count();
            if at < n {
                best.insert(at, (position, shared));
                best.truncate(n);
            }
            if best.len() == n && best.iter().all(|&(_, s)| s == most) {
                break;
            }
        }
        // Too few share a tag: the nearest of all, in order, until there are `n`.
        let total = self.summaries.len();
        let mut fill = (1..total)
            .flat_map(|d| [me.checked_sub(d), Some(me + d).filter(|&p| p < total)])
            .flatten();
        while best.len() < n {
            let Some(i) = fill.next() else { break };
            if !best.iter().any(|&(p, _)| p == i) {
                best.push((i, 0));
            }
        }
        Ok(best
            .into_iter()
            .map(|(i, _)| self.summaries[i].clone())
            .collect())
    }

    /// A page of the home index.
    pub fn index_page(&self, page: u32) -> Result<Page<ArticleSummary>, ContentError> {
        paginate(&self.summaries, page, self.site.page_size)
    }

    /// A page of one tag's articles; an unknown tag is [`ContentError::NotFound`].
    pub fn tag_page(&self, slug: &str, page: u32) -> Result<TagListing, ContentError> {
        let tag = self.site.tag(slug).ok_or(ContentError::NotFound)?;
        // Paginate the positions, then copy only the page's articles (not the whole tag).
        let positions = self.by_tag.get(slug).map_or(&[][..], Vec::as_slice);
        let page = paginate(positions, page, self.site.page_size)?;
        Ok(TagListing {
            tag: tag.clone(),
            page: self.summaries_of(page),
        })
    }

    /// Every author, the one who signed the newest article first.
    pub fn authors(&self) -> impl Iterator<Item = &Author> {
        self.authors.iter().map(|(author, _)| author)
    }

    /// A page of one author's articles, newest first; an unknown author is
    /// [`ContentError::NotFound`].
    pub fn author_page(&self, slug: &str, page: u32) -> Result<AuthorListing, ContentError> {
        let (author, positions) = self
            .authors
            .iter()
            .find(|(author, _)| author.slug == slug)
            .ok_or(ContentError::NotFound)?;
        let page = paginate(positions, page, self.site.page_size)?;
        Ok(AuthorListing {
            author: author.clone(),
            page: self.summaries_of(page),
        })
    }

    /// A page of positions in `summaries`, as the summaries themselves.
    fn summaries_of(&self, page: Page<usize>) -> Page<ArticleSummary> {
        Page {
            page: page.page,
            page_size: page.page_size,
            total: page.total,
            older: page.older,
            newer: page.newer,
            items: page
                .items
                .iter()
                .map(|&i| self.summaries[i].clone())
                .collect(),
        }
    }

    /// The derived files of the static API, as (path under `api/`, JSON text): every page of the
    /// index, of each tag and of each author, and each article's related articles. `site.json` and
    /// `articles/*.json` are the sources themselves. Made on every core: on a large archive they
    /// are hundreds of thousands of files.
    pub fn derived_api_files(&self) -> Vec<(String, String)> {
        par_map(self.derived_files(), |file| self.derived_file(file))
            .into_iter()
            .flatten()
            .collect()
    }

    /// The files of [`Catalog::derived_api_files`], not yet made.
    pub fn derived_files(&self) -> Vec<DerivedFile<'_>> {
        let mut lists = vec![(List::Index, "index/".to_string())];
        for tag in &self.site.tags {
            lists.push((List::Tag(&tag.slug), format!("tags/{}/", tag.slug)));
        }
        for author in self.authors() {
            lists.push((
                List::Author(&author.slug),
                format!("authors/{}/", author.slug),
            ));
        }
        // Each list's head, then as many pages as it says come before it; none when even the
        // head cannot be made.
        let mut files: Vec<DerivedFile> = Vec::new();
        for (list, prefix) in &lists {
            if let Ok(before) = self.page_of(*list, HEAD).map(|(before, _)| before) {
                for n in std::iter::once(HEAD).chain(1..=before.unwrap_or(0)) {
                    files.push(DerivedFile(Made::Page(*list, prefix.clone(), n)));
                }
            }
        }
        files.extend(
            self.summaries
                .iter()
                .map(|s| DerivedFile(Made::Related(&s.slug))),
        );
        files
    }

    /// One of the [`Catalog::derived_files`] made: its name and text, if it can be.
    pub fn derived_file(&self, file: DerivedFile<'_>) -> Option<(String, String)> {
        match file.0 {
            Made::Page(list, prefix, n) => self
                .page_of(list, n)
                .ok()
                .map(|(_, json)| (format!("{prefix}{n}.json"), json)),
            Made::Related(slug) => self.related(slug, RELATED).ok().map(|related| {
                (
                    format!("related/{slug}.json"),
                    crate::model::output::json(&related),
                )
            }),
        }
    }

    /// Page `n` of `list` as its API file's JSON, with how many pages come before the head.
    fn page_of(&self, list: List<'_>, n: u32) -> Result<(Option<u32>, String), ContentError> {
        use crate::model::output::json;
        Ok(match list {
            List::Index => self.index_page(n).map(|p| (p.older, json(&p)))?,
            List::Tag(slug) => self.tag_page(slug, n).map(|l| (l.page.older, json(&l)))?,
            List::Author(slug) => self
                .author_page(slug, n)
                .map(|l| (l.page.older, json(&l)))?,
        })
    }
}

/// One of the lists the API pages: the home's, a tag's, an author's.
#[derive(Clone, Copy)]
enum List<'a> {
    Index,
    Tag(&'a str),
    Author(&'a str),
}

/// One of the files derived from a catalog, to be made ([`Catalog::derived_file`]).
pub struct DerivedFile<'a>(Made<'a>);

/// A page of a list (its prefix and number), or an article's related.
enum Made<'a> {
    Page(List<'a>, String, u32),
    Related(&'a str),
}

/// The site and articles of `catalog` as an editor might type them: every no-break space in
/// titles, leads and paragraphs turned back into a plain space, for tests of the typesetting
/// (the app's and the feeds').
#[doc(hidden)]
pub fn with_plain_spaces(catalog: &Catalog) -> (Site, Vec<Article>) {
    use super::Inline;
    let plain = |text: &mut String| *text = text.replace(['\u{a0}', '\u{202f}'], " ");
    let articles = catalog
        .articles()
        .map(|mut article| {
            plain(&mut article.summary.title);
            plain(&mut article.summary.lead);
            for block in &mut article.body {
                if let Block::Paragraph { text } = block {
                    for run in &mut text.0 {
                        if let Inline::Text(t) = run {
                            plain(t);
                        }
                    }
                }
            }
            article
        })
        .collect();
    let mut site = catalog.site.clone();
    plain(&mut site.tagline);
    (site, articles)
}

/// How many related articles an article shows.
pub const RELATED: usize = 3;

/// Why a content directory could not be loaded (native tools only): a file that could not be
/// read, or what a file says that does not pass the checks, in French (`Display`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    File(crate::model::files::FileError),
    /// `error` names the file and the field, relative to `dir`.
    Content {
        dir: std::path::PathBuf,
        error: ContentError,
    },
}

crate::model::wrap_errors!(LoadError {
    crate::model::files::FileError => File,
});

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::File(error) => error.fmt(f),
            LoadError::Content { dir, error } => {
                write!(f, "{}\u{a0}: {}", dir.display(), error.for_editors())
            }
        }
    }
}

impl std::error::Error for LoadError {}

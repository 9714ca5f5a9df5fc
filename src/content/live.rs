//! A newsroom's CMS read from the browser at run time (WordPress' REST API, Ghost's Content
//! API), behind the same [`super::Source`] calls as Veille's own API: so that client-side
//! navigation, pagination, tag pages, related articles and an article published after the build
//! come from the CMS itself, and a search finds, through WordPress' own, what the build's index
//! does not hold yet. What each CMS is asked, and what its answers mean, is its adapter's
//! ([`crate::cms::live`], no I/O, over the same mapping as the import's, so that the browser gives
//! an article the address and the text the build gave it); the fetching, the paging and the
//! « À lire aussi » choice are written here once for both.
//!
//! The site's own settings (its newsletter copy, page size, public address) are not the CMS's:
//! they come from the build's `site.json` at [`BUILD_SITE`], with the CMS's themes added.

use super::{
    api::get, window, Article, ArticleSummary, AuthorListing, Check, ContentError, Page, Site, Tag,
    TagListing, Typeset, HEAD, RELATED,
};
use crate::cms::live::{self as adapter, Answered, Api, Post};
use crate::http::Answer;
use std::sync::{Arc, Mutex};

/// Where the built site keeps its description (`./dev.sh build` writes it; `public/api/` has
/// the sample's).
pub const BUILD_SITE: &str = "/api/site.json";

/// The CMS a site reads at run time; [`Live::base`] is its address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cms {
    /// At the WordPress site's address (its REST API under `/wp-json/`).
    WordPress,
    /// At Ghost's admin domain; `key`: a Content API key (public by design).
    Ghost { key: String },
}

/// A CMS at an address, with the settings every request needs.
#[derive(Clone)]
pub struct Live {
    pub cms: Cms,
    /// Without a trailing slash.
    pub base: String,
    pub timeout_ms: u32,
    /// Articles per list page: the site's, once it is known ([`super::Source::for_site`]).
    pub page_size: u32,
    /// The publication date of the newest article the build indexed for search
    /// ([`super::INDEXED_META`]): [`Live::latest`] searches what came after it.
    pub indexed: Option<String>,
    /// What this CMS is asked and how its answers read (`cms::live`).
    api: Arc<dyn Api>,
    /// The last article read, for its « À lire aussi » (asked for right after it).
    last: Arc<Mutex<Option<Post>>>,
}

impl std::fmt::Debug for Live {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Live")
            .field("cms", &self.cms)
            .field("base", &self.base)
            .field("timeout_ms", &self.timeout_ms)
            .field("page_size", &self.page_size)
            .field("indexed", &self.indexed)
            .finish()
    }
}

impl PartialEq for Live {
    fn eq(&self, other: &Self) -> bool {
        (
            &self.cms,
            &self.base,
            self.timeout_ms,
            self.page_size,
            &self.indexed,
        ) == (
            &other.cms,
            &other.base,
            other.timeout_ms,
            other.page_size,
            &other.indexed,
        )
    }
}
impl Eq for Live {}

/// How many posts the related articles are chosen from (the newest sharing a theme).
const RELATED_POOL: u32 = 9;

/// How many of the posts published since the build a search shows, at most: a few days of a
/// newsroom's output, not an archive.
const LATEST: u32 = 20;

impl Live {
    pub fn new(cms: Cms, base: &str, timeout_ms: u32) -> Live {
        let base = base.trim_end_matches('/').to_string();
        let api: Arc<dyn Api> = match &cms {
            Cms::WordPress => Arc::new(adapter::wordpress::WordPress { base: base.clone() }),
            Cms::Ghost { key } => Arc::new(adapter::ghost::Ghost {
                base: base.clone(),
                key: key.clone(),
            }),
        };
        Live {
            cms,
            base,
            timeout_ms,
            page_size: 10,
            indexed: None,
            api,
            last: Arc::default(),
        }
    }

    /// The same CMS, listing `page_size` articles a page.
    pub fn with_page_size(self, page_size: u32) -> Live {
        Live {
            page_size: page_size.max(1),
            ..self
        }
    }

    async fn answer(
        &self,
        url: String,
        headers: &'static [&'static str],
    ) -> Result<Answer, ContentError> {
        get(url, self.timeout_ms, headers).await
    }

    /// `urls` (one or two: [`Api`]) at once, each answer or why none came, in their order.
    async fn answers(&self, urls: Vec<String>) -> Vec<Answered> {
        // Two at the most: `join!` of two, lighter in the wasm than `join_all`'s machinery.
        let mut urls = urls.into_iter();
        let ask = |url: Option<String>| async move {
            match url {
                Some(url) => Some(self.answer(url, &[]).await),
                None => None,
            }
        };
        let (first, second) = futures::join!(ask(urls.next()), ask(urls.next()));
        first.into_iter().chain(second).collect()
    }

    /// The build's site description with the CMS's themes added (an article of a theme created
    /// since the build names it).
    pub async fn site(&self) -> Result<Site, ContentError> {
        let build = async {
            let answer = self.answer(BUILD_SITE.to_string(), &[]).await?;
            adapter::json_of::<Site>(&answer)
        };
        let (build, themes) = futures::join!(build, self.themes());
        let mut site = build?;
        for theme in themes? {
            if site.tag(&theme.slug).is_none() {
                site.tags.push(theme);
            }
        }
        checked(site)
    }

    async fn themes(&self) -> Result<Vec<Tag>, ContentError> {
        let answers = self.answers(self.api.themes()).await;
        self.api.read_themes(answers)
    }

    /// One page of every post, newest first (the head, or a page numbered from the oldest:
    /// [`Page`]).
    pub async fn index_page(&self, page: u32) -> Result<Page<ArticleSummary>, ContentError> {
        checked(self.posts("", page).await?)
    }

    /// A page of the posts `filter` narrows the list to (a query string's `&…` parts): the
    /// head is the newest, up to two pages' worth, cut to what the count says it holds; a page
    /// before it, the CMS's page of that number in the oldest-first order, turned round.
    async fn posts(&self, filter: &str, page: u32) -> Result<Page<ArticleSummary>, ContentError> {
        let size = self.page_size.max(1);
        let head = page == HEAD;
        let (mut items, total) = if head {
            // WordPress gives at most a hundred a request.
            self.some_posts(filter, (2 * size).min(100), 1, false)
                .await?
        } else {
            self.some_posts(filter, size, page, true).await?
        };
        let (start, end, older, newer) = window(total, page, size)?;
        if head {
            items.truncate((end - start) as usize);
        } else {
            items.reverse();
        }
        Ok(Page {
            page,
            page_size: size,
            total: head.then_some(total),
            older,
            newer,
            items,
        })
    }

    /// The CMS's page `page` of the posts `filter` narrows the list to, `per_page` a page,
    /// newest first or `oldest_first`, with the count of them all.
    async fn some_posts(
        &self,
        filter: &str,
        per_page: u32,
        page: u32,
        oldest_first: bool,
    ) -> Result<(Vec<ArticleSummary>, u32), ContentError> {
        let (url, headers) = self.api.posts(filter, per_page, page, oldest_first);
        self.api.read_posts(&self.answer(url, headers).await?)
    }

    /// The post whose Veille slug is `slug`: asked for by its CMS slug, then by the id at its
    /// end ([`Api::post`]). Either way, only a post that maps back to exactly `slug` is it; a
    /// post the second address refuses (unpublished) or does not know is not found.
    pub async fn article(&self, slug: &str) -> Result<Article, ContentError> {
        let (by_slug, by_id) = self.api.post(slug);
        let first = self.answer(by_slug, &[]).await?;
        let read = match (self.api.read_post(&first, slug), by_id) {
            (Ok(Some(post)), _) => post,
            (Ok(None) | Err(ContentError::NotFound), Some(by_id)) => {
                let again = self.answer(by_id, &[]).await?;
                match self.api.read_post(&again, slug) {
                    Ok(found) => found.ok_or(ContentError::NotFound)?,
                    Err(ContentError::Status { code: 401 | 403 }) => {
                        return Err(ContentError::NotFound)
                    }
                    Err(e) => return Err(e),
                }
            }
            (Ok(None), None) => return Err(ContentError::NotFound),
            (Err(e), _) => return Err(e),
        };
        let article = checked(read.article.clone())?;
        if let Ok(mut last) = self.last.lock() {
            *last = Some(Post {
                article: article.clone(),
                ..read
            });
        }
        Ok(article)
    }

    /// Up to three posts sharing the most themes with `slug`'s, newest first among equals,
    /// chosen from the newest that share one.
    pub async fn related(&self, slug: &str) -> Result<Vec<ArticleSummary>, ContentError> {
        let last = self.last.lock().ok().and_then(|l| l.clone());
        let read = match last.filter(|r| r.article.summary.slug == slug) {
            Some(read) => read,
            None => {
                self.article(slug).await?;
                self.last
                    .lock()
                    .ok()
                    .and_then(|l| l.clone())
                    .ok_or(ContentError::NotFound)?
            }
        };
        let Some(filter) = read.related else {
            return Ok(Vec::new());
        };
        let candidates = match self.some_posts(&filter, RELATED_POOL, 1, false).await {
            Ok((items, _)) => items,
            Err(ContentError::NotFound) => Vec::new(),
            Err(e) => return Err(e),
        };
        checked(most_shared(&read.article.summary, candidates, RELATED))
    }

    /// The theme `slug` (a WordPress category, tag, or both of that name; a Ghost tag) and a
    /// page of its posts.
    pub async fn tag_page(&self, slug: &str, page: u32) -> Result<TagListing, ContentError> {
        let (first, by_id) = self.api.theme(slug);
        let mut answers = self.answers(first).await;
        if let Some(by_id) = by_id.filter(|_| !self.api.theme_found(&answers)) {
            answers = self.answers(by_id).await;
        }
        let (tag, filter) = self.api.read_theme(answers, slug)?;
        checked(TagListing {
            tag,
            page: self.posts(&filter, page).await?,
        })
    }

    /// One author and a page of their posts, newest first: WordPress' user of that slug and
    /// `posts?author=<id>`; Ghost's `authors/slug/<slug>/` and `filter=author:<slug>`.
    pub async fn author_page(&self, slug: &str, page: u32) -> Result<AuthorListing, ContentError> {
        let answer = self.answer(self.api.author(slug), &[]).await?;
        let (author, filter) = self.api.read_author(&answer)?;
        let author = author
            .filter(|a| a.slug == slug)
            .ok_or(ContentError::NotFound)?;
        checked(AuthorListing {
            author,
            page: self.posts(&filter, page).await?,
        })
    }

    /// The posts published after the build's search index that match `words`, as the CMS's
    /// own search finds them (WordPress' `search=`, best first): the articles a reader could
    /// not find in the index yet. Empty when the build said nothing of its index, and on
    /// Ghost, whose Content API has no search.
    pub async fn latest(&self, words: &str) -> Result<Vec<ArticleSummary>, ContentError> {
        let Some(since) = &self.indexed else {
            return Ok(Vec::new());
        };
        let words = search_terms(words);
        let Some(filter) = self.api.latest(&words, since).filter(|_| !words.is_empty()) else {
            return Ok(Vec::new());
        };
        match self.some_posts(&filter, LATEST, 1, false).await {
            Ok((items, _)) => checked(items),
            Err(ContentError::NotFound) => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    }
}

/// The words of a reader's query as WordPress' search takes them: it looks for each
/// space-separated term as typed, inside the text, so « guillemets » or an apostrophe would be
/// looked for too (« l’IA » would miss a post that wrote `l'IA`). Letters and digits only, an
/// elided one-letter word (`l’`, `d’`) dropped; WordPress' database folds case and accents.
fn search_terms(query: &str) -> String {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() > 1)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `n` of `candidates` (newest first) sharing the most tags with `article`, newest first
/// among equals; never the article itself.
pub fn most_shared(
    article: &ArticleSummary,
    mut candidates: Vec<ArticleSummary>,
    n: usize,
) -> Vec<ArticleSummary> {
    candidates.retain(|c| c.slug != article.slug);
    let shared = |c: &ArticleSummary| c.tags.iter().filter(|t| article.tags.contains(t)).count();
    // Among equals, the CMS's order (newest first) stays: its position is the second key. A
    // map rather than a sort, whose code would weigh on the wasm.
    let mut ranked = std::collections::BTreeMap::new();
    for (i, c) in candidates.into_iter().enumerate() {
        ranked.insert((usize::MAX - shared(&c), i), c);
    }
    ranked.into_values().take(n).collect()
}

/// A value read from a CMS, checked like any content before a slug in it becomes a link, and
/// typeset like an API answer.
fn checked<T: Check + Typeset>(value: T) -> Result<T, ContentError> {
    value.check().map(|()| value.typeset())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(slug: &str, tags: &[&str]) -> ArticleSummary {
        ArticleSummary {
            slug: slug.into(),
            title: slug.into(),
            lead: String::new(),
            published: "2024-06-01T10:00:00Z".into(),
            updated: None,
            author: "A".into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            cover: None,
            reading_minutes: None,
        }
    }

    #[test]
    fn related_posts_share_the_most_themes_then_are_the_newest() {
        let me = summary("moi", &["ia", "sante", "politique"]);
        let candidates = vec![
            summary("recent-un-theme", &["ia"]),
            summary("moi", &["ia", "sante", "politique"]),
            summary("deux-themes", &["ia", "sante"]),
            summary("ancien-un-theme", &["politique"]),
            summary("trois-themes", &["politique", "sante", "ia"]),
        ];
        let slugs: Vec<String> = most_shared(&me, candidates, 3)
            .into_iter()
            .map(|s| s.slug)
            .collect();
        assert_eq!(slugs, ["trois-themes", "deux-themes", "recent-un-theme"]);
    }

    #[test]
    fn wordpress_is_asked_for_the_words_without_punctuation_or_elisions() {
        assert_eq!(
            search_terms("«\u{a0}L’IA\u{a0}» et l'inflation\u{202f}! d’évaluation"),
            "IA et inflation évaluation"
        );
        assert_eq!(search_terms(" « » ’ "), "");
        assert_eq!(search_terms("GPT-4o"), "GPT 4o");
    }

    #[test]
    fn no_index_date_or_no_search_means_no_latest_posts_and_no_request() {
        // Nothing listens there: a request would be an error, not an empty list.
        let wordpress = Live::new(Cms::WordPress, "http://127.0.0.1:9", 100);
        let ghost = Live {
            indexed: Some("2026-12-03T16:50:00Z".into()),
            ..Live::new(Cms::Ghost { key: "k".into() }, "http://127.0.0.1:9", 100)
        };
        let indexed = Live {
            indexed: Some("2026-12-03T16:50:00Z".into()),
            ..wordpress.clone()
        };
        for (live, words) in [(&wordpress, "ia"), (&ghost, "ia"), (&indexed, " \u{a0} ")] {
            let found = futures::executor::block_on(live.latest(words));
            assert_eq!(found, Ok(Vec::new()), "{live:?} {words:?}");
        }
        assert!(futures::executor::block_on(indexed.latest("ia")).is_err());
    }
}

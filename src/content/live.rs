//! A newsroom's CMS read from the browser at run time (WordPress' REST API, Ghost's Content
//! API), behind the same [`super::Source`] calls as Veille's own API: so that client-side
//! navigation, pagination, tag pages, related articles and an article published after the build
//! come from the CMS itself, and a search finds, through WordPress' own, what the build's index
//! does not hold yet. The requests are built here; what the answers mean is the pure
//! mapping of [`crate::cms`], the same one the import uses, so that the browser gives an article
//! the address and the text the build gave it.
//!
//! The site's own settings (its newsletter copy, page size, public address) are not the CMS's:
//! they come from the build's `site.json` at [`BUILD_SITE`], with the CMS's themes added.

use super::{
    api::{get, json_of},
    window, Article, ArticleSummary, AuthorListing, Check, ContentError, Page, Site, Tag,
    TagListing, Typeset, HEAD, RELATED,
};
use crate::cms::{self, ghost, tree, wordpress, wordpress::POSTS_QUERY};
use crate::http::Answer;
use crate::model::{paths::query_value, slug::id_in};
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
#[derive(Debug, Clone)]
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
    /// The last article read, for its « À lire aussi » (asked for right after it).
    last: Arc<Mutex<Option<Read>>>,
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

/// An article as read, with what finds its related articles on this CMS: the query narrowing a
/// list of posts to those sharing a theme with it, and not it.
#[derive(Debug, Clone)]
struct Read {
    article: Article,
    related_query: Option<String>,
}

/// How many posts the related articles are chosen from (the newest sharing a theme).
const RELATED_POOL: u32 = 9;

/// How many of the posts published since the build a search shows, at most: a few days of a
/// newsroom's output, not an archive.
const LATEST: u32 = 20;

/// How many posts the whole list holds (the pages are counted from it).
const WP_COUNTS: &[&str] = &["X-WP-Total"];

impl Live {
    pub fn new(cms: Cms, base: &str, timeout_ms: u32) -> Live {
        Live {
            cms,
            base: base.trim_end_matches('/').to_string(),
            timeout_ms,
            page_size: 10,
            indexed: None,
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

    async fn json<T: serde::de::DeserializeOwned>(&self, url: String) -> Result<T, ContentError> {
        json_of(&self.answer(url, &[]).await?)
    }

    fn wp(&self, path: &str) -> String {
        wordpress::endpoint(&self.base, path)
    }

    fn ghost(&self, path: &str, query: &str) -> String {
        let key = match &self.cms {
            Cms::Ghost { key } => query_value(key),
            Cms::WordPress => String::new(),
        };
        format!("{}?key={key}&{query}", ghost::endpoint(&self.base, path))
    }

    /// The build's site description with the CMS's themes added (an article of a theme created
    /// since the build names it).
    pub async fn site(&self) -> Result<Site, ContentError> {
        let (build, themes) =
            futures::join!(self.json::<Site>(BUILD_SITE.to_string()), self.themes());
        let mut site = build?;
        for theme in themes? {
            if site.tag(&theme.slug).is_none() {
                site.tags.push(theme);
            }
        }
        checked(site)
    }

    async fn themes(&self) -> Result<Vec<Tag>, ContentError> {
        match &self.cms {
            Cms::WordPress => {
                let terms = "?per_page=100&hide_empty=true&_fields=id,name,slug,description";
                let (categories, tags) = futures::join!(
                    self.json::<Vec<wordpress::Term>>(self.wp(&format!("categories{terms}"))),
                    self.json::<Vec<wordpress::Term>>(self.wp(&format!("tags{terms}"))),
                );
                let mut terms = categories?;
                terms.extend(tags?);
                Ok(wordpress::tags(&terms))
            }
            Cms::Ghost { .. } => {
                let url = self.ghost("tags/", "limit=all&filter=visibility:public");
                let tags: ghost::Tags = self.json(url).await?;
                Ok(crate::cms::themes(tags.tags.iter().filter_map(ghost::tag)))
            }
        }
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
        match &self.cms {
            Cms::WordPress => {
                let order = if oldest_first { "&order=asc" } else { "" };
                let url = self.wp(&format!(
                    "posts?{POSTS_QUERY}&per_page={per_page}&page={page}{order}{filter}"
                ));
                let answer = self.answer(url, WP_COUNTS).await?;
                // Past the last page, WordPress answers 400 with this code.
                if answer.status == 400 && answer.body.contains("rest_post_invalid_page_number") {
                    return Err(ContentError::NotFound);
                }
                let posts: Vec<wordpress::Post> = json_of(&answer)?;
                let total = answer
                    .headers
                    .first()
                    .and_then(Option::as_deref)
                    .and_then(|t| t.trim().parse().ok());
                let mapper = wordpress::Mapper::live(&self.base);
                let items: Vec<_> = posts.iter().map(|p| mapper.article(p).summary).collect();
                let total = total.unwrap_or(items.len() as u32);
                Ok((items, total))
            }
            Cms::Ghost { .. } => {
                let order = if oldest_first {
                    "&order=published_at%20asc"
                } else {
                    ""
                };
                let query = format!(
                    "{}&limit={per_page}&page={page}{order}{filter}",
                    ghost::POSTS_INCLUDE
                );
                let answer: ghost::Posts = self.json(self.ghost("posts/", &query)).await?;
                let mapper = ghost::Mapper::live(&self.base);
                let items = answer
                    .posts
                    .iter()
                    .map(|p| mapper.article(p).summary)
                    .collect();
                Ok((items, answer.meta.pagination.total as u32))
            }
        }
    }

    /// The post whose Veille slug is `slug`: asked for by its CMS slug, which is the same for
    /// most posts; else by the id at its end ([`crate::model::slug::for_post`]). Either way, only
    /// a post that maps back to exactly `slug` is it.
    pub async fn article(&self, slug: &str) -> Result<Article, ContentError> {
        let read = match &self.cms {
            Cms::WordPress => {
                let mapper = wordpress::Mapper::live(&self.base);
                let by_slug: Vec<wordpress::Post> = self
                    .json(self.wp(&format!("posts?slug={slug}&{POSTS_QUERY}")))
                    .await?;
                let mut post = by_slug.into_iter().find(|p| mapper.slug(p) == slug);
                let wp_id = id_in(slug).filter(|id| id.bytes().all(|b| b.is_ascii_digit()));
                if let (None, Some(id)) = (&post, wp_id) {
                    // An unpublished post is refused (401), a deleted one not found.
                    match self
                        .json::<wordpress::Post>(self.wp(&format!("posts/{id}?{POSTS_QUERY}")))
                        .await
                    {
                        Ok(p) => post = Some(p).filter(|p| mapper.slug(p) == slug),
                        Err(ContentError::NotFound | ContentError::Status { code: 401 | 403 }) => {}
                        Err(e) => return Err(e),
                    }
                }
                let post = post.ok_or(ContentError::NotFound)?;
                let (mut categories, mut tags) = (Vec::new(), Vec::new());
                for (taxonomy, terms) in post.embedded.terms.iter().enumerate() {
                    for term in terms.iter().filter(|t| wordpress::tag_slug(t).is_some()) {
                        [&mut categories, &mut tags][taxonomy.min(1)].push(term.id.to_string());
                    }
                }
                Read {
                    article: mapper.article(&post),
                    related_query: wp_terms_query(&categories, &tags)
                        .map(|q| format!("{q}&exclude={}", post.id)),
                }
            }
            Cms::Ghost { .. } => {
                let mapper = ghost::Mapper::live(&self.base);
                let by_slug = self
                    .json::<ghost::Found>(
                        self.ghost(&format!("posts/slug/{slug}/"), ghost::POSTS_INCLUDE),
                    )
                    .await;
                let by_id = |id: &str| self.ghost(&format!("posts/{id}/"), ghost::POSTS_INCLUDE);
                let found = match (by_slug, id_in(slug)) {
                    (Err(ContentError::NotFound), Some(id)) if id.len() == 24 => {
                        self.json::<ghost::Found>(by_id(id)).await?
                    }
                    (answer, _) => answer?,
                };
                let post = found
                    .posts
                    .into_iter()
                    .find(|p| mapper.slug(p) == slug)
                    .ok_or(ContentError::NotFound)?;
                let tags: Vec<&str> = post
                    .tags
                    .iter()
                    .filter(|t| ghost::tag(t).is_some())
                    .map(|t| t.slug.as_str())
                    .collect();
                Read {
                    article: mapper.article(&post),
                    // `+` joins filters; Ghost wants ids quoted.
                    related_query: (!tags.is_empty()).then(|| {
                        format!("&filter=tags:[{}]%2Bid:-%27{}%27", tags.join(","), post.id)
                    }),
                }
            }
        };
        let article = checked(read.article.clone())?;
        if let Ok(mut last) = self.last.lock() {
            *last = Some(Read {
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
        let Some(filter) = read.related_query else {
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
        let (tag, filter) = match &self.cms {
            Cms::WordPress => {
                let terms = |kind: &str, query: String| {
                    let url = self.wp(&format!("{kind}?{query}&_fields=id,name,slug,description"));
                    self.json::<Vec<wordpress::Term>>(url)
                };
                let lookup = |query: String| {
                    futures::future::join(terms("categories", query.clone()), terms("tags", query))
                };
                let (mut categories, mut tags) = lookup(format!("slug={slug}")).await;
                let found =
                    |c: &Result<Vec<wordpress::Term>, _>| c.as_ref().is_ok_and(|c| !c.is_empty());
                if let (false, false, Some(id)) = (found(&categories), found(&tags), id_in(slug)) {
                    (categories, tags) = lookup(format!("include={id}")).await;
                }
                let of = |terms: Vec<wordpress::Term>| -> Vec<wordpress::Term> {
                    terms
                        .into_iter()
                        .filter(|t| wordpress::tag_slug(t).as_deref() == Some(slug))
                        .collect()
                };
                let (categories, tags) = (of(categories?), of(tags?));
                let ids = |terms: &[wordpress::Term]| {
                    terms.iter().map(|t| t.id.to_string()).collect::<Vec<_>>()
                };
                let filter =
                    wp_terms_query(&ids(&categories), &ids(&tags)).ok_or(ContentError::NotFound)?;
                let all: Vec<wordpress::Term> = categories.into_iter().chain(tags).collect();
                let tag = wordpress::tags(&all)
                    .into_iter()
                    .next()
                    .ok_or(ContentError::NotFound)?;
                (tag, filter)
            }
            Cms::Ghost { .. } => {
                let url = self.ghost(&format!("tags/slug/{slug}/"), "");
                let tags: ghost::Tags = self.json(url).await?;
                let tag = tags
                    .tags
                    .iter()
                    .filter_map(ghost::tag)
                    .find(|t| t.slug == slug)
                    .ok_or(ContentError::NotFound)?;
                (tag, format!("&filter=tag:{slug}"))
            }
        };
        checked(TagListing {
            tag,
            page: self.posts(&filter, page).await?,
        })
    }
}

impl Live {
    /// One author and a page of their posts, newest first: WordPress' user of that slug and
    /// `posts?author=<id>`; Ghost's `authors/slug/<slug>/` and `filter=author:<slug>`.
    pub async fn author_page(&self, slug: &str, page: u32) -> Result<AuthorListing, ContentError> {
        let (author, filter) = match &self.cms {
            Cms::WordPress => {
                let url = self.wp(&format!(
                    "users?slug={}&_fields=id,name,slug,description",
                    query_value(slug)
                ));
                let users: Vec<wordpress::User> = self.json(url).await?;
                let user = users.into_iter().next().ok_or(ContentError::NotFound)?;
                let bio = tree::text_of(&user.description);
                let filter = format!("&author={}", user.id);
                (cms::author(&user.name, &user.slug, &bio), filter)
            }
            Cms::Ghost { .. } => {
                let url = self.ghost(&format!("authors/slug/{}/", query_value(slug)), "");
                let found: ghost::Authors = self.json(url).await?;
                let writer = found
                    .authors
                    .into_iter()
                    .next()
                    .ok_or(ContentError::NotFound)?;
                let bio = writer.bio.unwrap_or_default();
                let author = cms::author(&writer.name, &writer.slug, &bio);
                (author, format!("&filter=author:{}", query_value(slug)))
            }
        };
        let author = author
            .filter(|a| a.slug == slug)
            .ok_or(ContentError::NotFound)?;
        checked(AuthorListing {
            author,
            page: self.posts(&filter, page).await?,
        })
    }
}

impl Live {
    /// The posts published after the build's search index that match `words`, as WordPress'
    /// own search finds them (`search=`, best first): the articles a reader could not find in
    /// the index yet. Empty when the build said nothing of its index, and on Ghost, whose
    /// Content API has no search.
    pub async fn latest(&self, words: &str) -> Result<Vec<ArticleSummary>, ContentError> {
        let (Cms::WordPress, Some(since)) = (&self.cms, &self.indexed) else {
            return Ok(Vec::new());
        };
        let words = search_terms(words);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        match self
            .some_posts(&latest_query(&words, since), LATEST, 1, false)
            .await
        {
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

/// The part of a WordPress query for posts matching `words` published strictly after `since`.
/// WordPress refuses a date without its time (`after` is a date-time): a day is taken as its
/// last second, in the site's time zone, so that the index's own articles of that day never
/// come twice (one published later that day waits for the next build).
fn latest_query(words: &str, since: &str) -> String {
    let since = if since.len() == 10 {
        format!("{since}T23:59:59")
    } else {
        since.to_string()
    };
    format!(
        "&search={}&after={}&orderby=relevance",
        query_value(words),
        query_value(&since)
    )
}

/// A WordPress query narrowing posts to these categories or tags; `None` without any.
fn wp_terms_query(categories: &[String], tags: &[String]) -> Option<String> {
    match (categories.is_empty(), tags.is_empty()) {
        (true, true) => None,
        (false, true) => Some(format!("&categories={}", categories.join(","))),
        (true, false) => Some(format!("&tags={}", tags.join(","))),
        (false, false) => Some(format!(
            "&categories={}&tags={}&tax_relation=OR",
            categories.join(","),
            tags.join(",")
        )),
    }
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
    fn a_ghost_key_is_one_query_value_whatever_was_pasted() {
        let live = Live::new(
            Cms::Ghost {
                key: "0a1b&limit=all#x é".into(),
            },
            "https://g.example",
            100,
        );
        assert_eq!(
            live.ghost("posts/", "page=1"),
            "https://g.example/ghost/api/content/posts/?key=0a1b%26limit%3Dall%23x%20%C3%A9&page=1"
        );
        let plain = Live::new(
            Cms::Ghost {
                key: "22444f78447824223cefc48062".into(),
            },
            "https://g.example/",
            100,
        );
        assert_eq!(
            plain.ghost("tags/", ""),
            "https://g.example/ghost/api/content/tags/?key=22444f78447824223cefc48062&"
        );
    }

    #[test]
    fn a_wordpress_theme_query_names_categories_and_tags_together() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(wp_terms_query(&[], &[]), None);
        assert_eq!(
            wp_terms_query(&s(&["3"]), &[]).as_deref(),
            Some("&categories=3")
        );
        assert_eq!(
            wp_terms_query(&[], &s(&["5", "6"])).as_deref(),
            Some("&tags=5,6")
        );
        assert_eq!(
            wp_terms_query(&s(&["3"]), &s(&["5"])).as_deref(),
            Some("&categories=3&tags=5&tax_relation=OR")
        );
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
    fn the_latest_posts_are_asked_of_wordpress_search_after_the_index() {
        // Words and date are values: a `&` or `+` typed in the field is not another parameter,
        // and an offset's `+` is not a space.
        assert_eq!(
            latest_query("sécurité & IA", "2026-12-03T16:50:00+01:00"),
            "&search=s%C3%A9curit%C3%A9%20%26%20IA&after=2026-12-03T16%3A50%3A00%2B01%3A00&orderby=relevance"
        );
        assert_eq!(
            latest_query("ia", "2026-12-03"),
            "&search=ia&after=2026-12-03T23%3A59%3A59&orderby=relevance"
        );
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

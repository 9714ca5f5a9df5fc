//! One CMS's API as the browser reads it at run time ([`crate::content::live`] asks): for each
//! read, the addresses to ask and what the answers mean, with no I/O, so that each adapter is
//! tested on recorded answers and the fetching is written once. WordPress' in [`wordpress`],
//! Ghost's in [`ghost`], each with its CMS's mapping ([`super::wordpress`], [`super::ghost`]),
//! the same one the import uses.

pub mod ghost;
pub mod wordpress;

pub use crate::http::Answer;
use crate::model::content::{parse_json, Article, ArticleSummary, Author, ContentError, Tag};
// What both adapters need, named once.
use crate::model::{paths::query_value, slug::id_in};

/// An answer, or why none came back.
pub type Answered = Result<Answer, ContentError>;

/// An address to ask, and the response headers to read from its answer.
pub type Asked = (String, &'static [&'static str]);

/// An article as read, with what narrows a list of posts to its related ones (those sharing a
/// theme with it, not it): `None` when it has no theme.
#[derive(Debug, Clone)]
pub struct Post {
    pub article: Article,
    pub related: Option<String>,
}

/// What a CMS is asked, read by read. A filter is a query string's `&…` parts narrowing a list
/// of posts (to a theme, an author, related posts, a search).
pub trait Api: Send + Sync {
    /// The addresses whose answers, together, hold the site's public themes. A read asks two
    /// addresses at the most, at once.
    fn themes(&self) -> Vec<String>;
    fn read_themes(&self, answers: Vec<Answered>) -> Result<Vec<Tag>, ContentError>;

    /// Page `page` of the posts `filter` narrows the list to, `per_page` a page, newest first or
    /// `oldest_first`.
    fn posts(&self, filter: &str, per_page: u32, page: u32, oldest_first: bool) -> Asked;
    /// Their summaries, and how many posts the whole list holds. A page past the end is
    /// [`ContentError::NotFound`] or an empty list.
    fn read_posts(&self, answer: &Answer) -> Result<(Vec<ArticleSummary>, u32), ContentError>;

    /// Where the post whose Veille slug is `slug` is asked for: by its CMS slug, which is the
    /// same for most posts; then, when that finds nothing, by the id at the slug's end if it
    /// has one of this CMS's kind ([`crate::model::slug::for_post`]).
    fn post(&self, slug: &str) -> (String, Option<String>);
    /// The post in an answer to either address, when it maps back to exactly `slug`.
    fn read_post(&self, answer: &Answer, slug: &str) -> Result<Option<Post>, ContentError>;

    /// Where the theme `slug` is asked for; then, when those answers find nothing
    /// ([`Api::theme_found`]), where by the id at its end, if the CMS needs it.
    fn theme(&self, slug: &str) -> (Vec<String>, Option<Vec<String>>);
    fn theme_found(&self, answers: &[Answered]) -> bool;
    /// The theme, and the filter of its posts.
    fn read_theme(&self, answers: Vec<Answered>, slug: &str)
        -> Result<(Tag, String), ContentError>;

    /// Where the author of slug `slug` is asked for.
    fn author(&self, slug: &str) -> String;
    /// The author (`None` when the CMS's slug makes no Veille slug), and the filter of their
    /// posts.
    fn read_author(&self, answer: &Answer) -> Result<(Option<Author>, String), ContentError>;

    /// The filter of the posts published after `since` that match `words` (letters and digits,
    /// space-separated), when the CMS can search: Ghost's Content API cannot.
    fn latest(&self, words: &str, since: &str) -> Option<String>;
}

/// A 2xx answer's JSON; 404 and 410 are [`ContentError::NotFound`], any other status
/// [`ContentError::Status`].
pub fn json_of<T: serde::de::DeserializeOwned>(answer: &Answer) -> Result<T, ContentError> {
    match answer.status {
        200..=299 => parse_json(&answer.body),
        404 | 410 => Err(ContentError::NotFound),
        code => Err(ContentError::Status { code }),
    }
}

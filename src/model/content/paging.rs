//! Pages of article lists, shared by the bundled source, the static API writer and the pages.

use super::{ArticleSummary, Author, ContentError, Tag};
use serde::{Deserialize, Serialize};

/// One page of a list, newest first.
///
/// Pages are numbered from the oldest: page 1 holds a list's `page_size` oldest articles, page 2
/// the next ones, and so on, so that a page, once full, never changes when articles are
/// published — one new article rewrites the list's head and, once every `page_size`
/// publications, one page more, whatever the archive's size ([`paginate`]). The head
/// ([`HEAD`], the list's own address) shows the last two pages together, the newest first:
/// between `page_size + 1` and `2 × page_size` articles once there are more than `page_size`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// [`HEAD`], or the page's number counted from the oldest.
    pub page: u32,
    pub page_size: u32,
    /// Items in the whole list: said on the head only, so that a page further back does not
    /// change with every publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    /// The page of the articles just older, if there are any.
    pub older: Option<u32>,
    /// The page of the articles just newer ([`HEAD`] for the last page before it); `None` on
    /// the head.
    pub newer: Option<u32>,
    pub items: Vec<T>,
}

/// The head of a list: its own address, with its newest articles.
pub use crate::model::paths::HEAD;

/// How many pages of `total` items, `page_size` a page, have an address of their own: all but
/// the two newest, which the head shows.
pub fn pages_before_head(total: u32, page_size: u32) -> u32 {
    total.div_ceil(page_size.max(1)).saturating_sub(2)
}

/// The articles under one tag, a page at a time: in JSON, the page's fields beside `tag`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "TagShape")]
pub struct TagListing {
    pub tag: Tag,
    #[serde(flatten)]
    pub page: Page<ArticleSummary>,
}

/// The articles one author signed, a page at a time: in JSON, the page's fields beside `author`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "AuthorShape")]
pub struct AuthorListing {
    pub author: Author,
    #[serde(flatten)]
    pub page: Page<ArticleSummary>,
}

/// A listing as read: its JSON spelled out, rather than read through `#[serde(flatten)]`,
/// which holds the whole object in an intermediate form first and costs the app's wasm
/// kilobytes (writing with it costs little). Missing fields are named as in the JSON.
macro_rules! listing_shape {
    ($shape:ident, $listing:ident, $key:ident: $head:ty) => {
        #[derive(Deserialize)]
        struct $shape {
            $key: $head,
            page: u32,
            page_size: u32,
            total: Option<u32>,
            older: Option<u32>,
            newer: Option<u32>,
            items: Vec<ArticleSummary>,
        }

        impl From<$shape> for $listing {
            fn from(s: $shape) -> Self {
                let (page, page_size, items) = (s.page, s.page_size, s.items);
                let (total, older, newer) = (s.total, s.older, s.newer);
                $listing {
                    $key: s.$key,
                    page: Page {
                        page,
                        page_size,
                        total,
                        older,
                        newer,
                        items,
                    },
                }
            }
        }
    };
}
listing_shape!(TagShape, TagListing, tag: Tag);
listing_shape!(AuthorShape, AuthorListing, author: Author);

/// Page `page` of `all` (newest first), `page_size` at a time ([`Page`]): the head, or a page
/// before it. An empty list still has its head; any other page out of range is
/// [`ContentError::NotFound`].
pub fn paginate<T: Clone>(all: &[T], page: u32, page_size: u32) -> Result<Page<T>, ContentError> {
    let page_size = page_size.max(1);
    let total = all.len() as u32;
    let (start, end, older, newer) = window(total, page, page_size)?;
    Ok(Page {
        page,
        page_size,
        total: (page == HEAD).then_some(total),
        older,
        newer,
        items: all[start as usize..end as usize].to_vec(),
    })
}

/// Where page `page` of a list of `total` items (newest first) starts and ends in it, and the
/// pages just older and just newer: what the CMS's live reading asks for too.
pub fn window(
    total: u32,
    page: u32,
    page_size: u32,
) -> Result<(u32, u32, Option<u32>, Option<u32>), ContentError> {
    let page_size = page_size.max(1);
    let before = pages_before_head(total, page_size);
    match page {
        HEAD => Ok((
            0,
            total - before * page_size,
            (before > 0).then_some(before),
            None,
        )),
        n if n <= before => {
            let end = total - (n - 1) * page_size;
            let newer = if n == before { HEAD } else { n + 1 };
            Ok((end - page_size, end, (n > 1).then(|| n - 1), Some(newer)))
        }
        _ => Err(ContentError::NotFound),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_count_from_the_oldest_and_the_head_shows_the_last_two() {
        // 8 items, newest first: 8 is the newest.
        let all: Vec<u32> = (1..=8).rev().collect();
        let head = paginate(&all, HEAD, 3).unwrap();
        // Pages from the oldest: [1 2 3] [4 5 6] [7 8]; the head shows the last two.
        assert_eq!(head.items, [8, 7, 6, 5, 4]);
        assert_eq!(
            (head.total, head.older, head.newer),
            (Some(8), Some(1), None)
        );
        let first = paginate(&all, 1, 3).unwrap();
        assert_eq!(first.items, [3, 2, 1]);
        assert_eq!(
            (first.total, first.older, first.newer),
            (None, None, Some(HEAD))
        );
        assert_eq!(paginate(&all, 2, 3), Err(ContentError::NotFound));
    }

    #[test]
    fn a_publication_leaves_every_full_page_as_it_was() {
        let size = 3;
        for n in 1..40u32 {
            let before: Vec<u32> = (1..=n).rev().collect();
            let after: Vec<u32> = (1..=n + 1).rev().collect();
            let pages = pages_before_head(n, size);
            for page in 1..=pages {
                let (old, new) = (
                    paginate(&before, page, size).unwrap(),
                    paginate(&after, page, size).unwrap(),
                );
                assert_eq!(old.items, new.items, "{n} articles, page {page}");
                // Only the page just before the head may change its « newer » link, when the
                // head moves on by a page.
                if page < pages {
                    assert_eq!(old, new, "{n} articles, page {page}");
                }
            }
            // Every item is on the head or on exactly one page, each page full.
            let mut seen = paginate(&after, HEAD, size).unwrap().items;
            let head = seen.len() as u32;
            assert!(n < size || (size < head && head <= 2 * size), "{n}: {head}");
            for page in (1..=pages_before_head(n + 1, size)).rev() {
                let items = paginate(&after, page, size).unwrap().items;
                assert_eq!(items.len() as u32, size);
                seen.extend(items);
            }
            assert_eq!(seen, after);
        }
    }

    #[test]
    fn the_links_go_from_the_head_down_to_page_one_and_back() {
        let all: Vec<u32> = (1..=20).rev().collect();
        // Pages of 3: seven, the last holding 2; the head shows pages 6 and 7 (5 items), pages 1
        // to 5 have an address of their own.
        assert_eq!(pages_before_head(20, 3), 5);
        let mut at = paginate(&all, HEAD, 3).unwrap();
        let mut path = vec![at.page];
        while let Some(older) = at.older {
            let page = paginate(&all, older, 3).unwrap();
            assert_eq!(page.newer, Some(at.page));
            at = page;
            path.push(at.page);
        }
        assert_eq!(path, [HEAD, 5, 4, 3, 2, 1]);
    }

    #[test]
    fn an_empty_or_short_list_is_its_head_alone() {
        let page = paginate::<u32>(&[], HEAD, 6).unwrap();
        assert!(page.items.is_empty());
        assert_eq!((page.total, page.older, page.newer), (Some(0), None, None));
        assert_eq!(paginate::<u32>(&[], 1, 6), Err(ContentError::NotFound));
        let short: Vec<u32> = (1..=12).collect();
        assert_eq!(paginate(&short, HEAD, 6).unwrap().items.len(), 12);
        assert_eq!(paginate(&short, 1, 6), Err(ContentError::NotFound));
        assert_eq!(paginate(&short, u32::MAX, 6), Err(ContentError::NotFound));
    }

    #[test]
    fn a_listing_reads_back_what_was_written_and_names_what_is_missing() {
        let items = paginate(&["a".to_string(), "b".to_string()], HEAD, 6).unwrap();
        let page = Page {
            page: items.page,
            page_size: items.page_size,
            total: items.total,
            older: Some(3),
            newer: None,
            items: Vec::new(),
        };
        let tag = TagListing {
            tag: Tag {
                slug: "ia".into(),
                name: "IA".into(),
                description: Some("Tout".into()),
            },
            page: page.clone(),
        };
        let json = serde_json::to_string(&tag).unwrap();
        assert!(json.starts_with(r#"{"tag":{"#) && json.contains(r#""page_size":6"#));
        assert_eq!(serde_json::from_str::<TagListing>(&json).unwrap(), tag);
        let author = AuthorListing {
            author: Author {
                slug: "claire".into(),
                name: "Claire".into(),
                bio: None,
            },
            page,
        };
        let json = serde_json::to_string(&author).unwrap();
        assert_eq!(
            serde_json::from_str::<AuthorListing>(&json).unwrap(),
            author
        );
        let missing =
            serde_json::from_str::<AuthorListing>(&json.replace(r#""author""#, r#""tag""#));
        assert!(missing
            .unwrap_err()
            .to_string()
            .contains("missing field `author`"));
        let missing =
            serde_json::from_str::<TagListing>(r#"{"tag":{"slug":"a","name":"A"},"page":0}"#);
        assert!(missing
            .unwrap_err()
            .to_string()
            .contains("missing field `page_size`"));
    }
}

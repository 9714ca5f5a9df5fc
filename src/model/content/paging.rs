//! Pages of article lists, shared by the bundled source, the static API writer and the pages.

use super::{ArticleSummary, Author, ContentError, Tag};
use serde::{Deserialize, Serialize};

/// One page of a list. Pages count from 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub page: u32,
    pub page_size: u32,
    /// Items in the whole list.
    pub total: u32,
    pub total_pages: u32,
    /// The next page's number, if there is one.
    #[serde(default)]
    pub next: Option<u32>,
    pub items: Vec<T>,
}

impl<T> Page<T> {
    /// The previous page's number, if there is one.
    pub fn prev(&self) -> Option<u32> {
        (self.page > 1).then(|| self.page - 1)
    }
}

/// The articles under one tag, a page at a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagListing {
    pub tag: Tag,
    #[serde(flatten)]
    pub page: Page<ArticleSummary>,
}

/// The articles one author signed, a page at a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuthorListing {
    pub author: Author,
    #[serde(flatten)]
    pub page: Page<ArticleSummary>,
}

/// Page `page` of `all`, `page_size` at a time. An empty list still has its page 1; any other
/// page out of range is [`ContentError::NotFound`].
pub fn paginate<T: Clone>(all: &[T], page: u32, page_size: u32) -> Result<Page<T>, ContentError> {
    let page_size = page_size.max(1);
    let total = all.len() as u32;
    let total_pages = total.div_ceil(page_size).max(1);
    if page == 0 || page > total_pages {
        return Err(ContentError::NotFound);
    }
    let start = ((page - 1) * page_size) as usize;
    let end = (start + page_size as usize).min(all.len());
    Ok(Page {
        page,
        page_size,
        total,
        total_pages,
        next: (page < total_pages).then_some(page + 1),
        items: all[start..end].to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cut_the_list_in_order() {
        let all: Vec<u32> = (1..=8).collect();
        let first = paginate(&all, 1, 3).unwrap();
        assert_eq!(first.items, [1, 2, 3]);
        assert_eq!(
            (first.total, first.total_pages, first.next),
            (8, 3, Some(2))
        );
        assert_eq!(first.prev(), None);
        let last = paginate(&all, 3, 3).unwrap();
        assert_eq!(last.items, [7, 8]);
        assert_eq!((last.next, last.prev()), (None, Some(2)));
    }

    #[test]
    fn an_exact_multiple_has_no_empty_last_page() {
        let all: Vec<u32> = (1..=6).collect();
        assert_eq!(paginate(&all, 1, 3).unwrap().total_pages, 2);
        assert_eq!(paginate(&all, 3, 3), Err(ContentError::NotFound));
    }

    #[test]
    fn an_empty_list_has_one_empty_page() {
        let page = paginate::<u32>(&[], 1, 6).unwrap();
        assert!(page.items.is_empty());
        assert_eq!((page.total, page.total_pages, page.next), (0, 1, None));
        assert_eq!(paginate::<u32>(&[], 2, 6), Err(ContentError::NotFound));
    }

    #[test]
    fn page_zero_is_not_found() {
        assert_eq!(paginate(&[1], 0, 6), Err(ContentError::NotFound));
    }
}

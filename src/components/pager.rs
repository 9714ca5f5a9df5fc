//! « Articles plus récents / plus anciens »: links between the pages of a list, with the page
//! number in the path (`/page/2`, `/tag/sante/page/2`): a page can be shared and reloaded, and
//! each one is a file of its own once prerendered (a static host cannot serve by query string).

use leptos::prelude::*;

/// The URL of page `n` of the list at `base`.
pub fn page_href(base: &str, n: u32) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{}/page/{n}", base.trim_end_matches('/'))
    }
}

/// The page number in a route's `:page` segment: 1 when absent, 0 (a page that does not exist,
/// hence the 404) when it is not a positive whole number.
pub fn page_number(query: Option<&str>) -> u32 {
    match query {
        None => 1,
        Some(raw) => raw.parse().unwrap_or(0),
    }
}

#[component]
pub fn Pager(
    /// The list's path, e.g. `/` or `/tag/sante`.
    #[prop(into)]
    base: String,
    page: u32,
    total_pages: u32,
) -> impl IntoView {
    let newer = (page > 1).then(|| page_href(&base, page - 1));
    let older = (page < total_pages).then(|| page_href(&base, page + 1));
    let label = crate::components::head::landmark_name("Pagination");
    (total_pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=label>
                {newer.map(|href| view! { <a href=href class="pager__newer" rel="prev">"Articles plus récents"</a> })}
                <span class="pager__status">{format!("Page {page} sur {total_pages}")}</span>
                {older.map(|href| view! { <a href=href class="pager__older" rel="next">"Articles plus anciens"</a> })}
            </nav>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{page_href, page_number};

    #[test]
    fn page_numbers_from_the_path() {
        assert_eq!(page_number(None), 1);
        assert_eq!(page_number(Some("2")), 2);
        for bad in ["", "0", "-1", "deux", "2.5", "99999999999"] {
            assert_eq!(page_number(Some(bad)), 0, "{bad}");
        }
    }

    #[test]
    fn page_one_is_the_list_itself() {
        assert_eq!(page_href("/", 1), "/");
        assert_eq!(page_href("/tag/sante", 0), "/tag/sante");
        assert_eq!(page_href("/", 3), "/page/3");
        assert_eq!(page_href("/tag/sante", 2), "/tag/sante/page/2");
    }
}

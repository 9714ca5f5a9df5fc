//! « Articles plus récents / plus anciens »: links between the pages of a list, with the page
//! number in the path (`/page/2`, `/tag/sante/page/2`): a page can be shared and reloaded, and
//! each one is a file of its own once prerendered (a static host cannot serve by query string).

use crate::routes::page_href;
use leptos::prelude::*;

/// The pages of a list are numbered from the oldest and the head shows the newest
/// (`content::Page`): a page's number says where it sits in the archive, and stays.
#[component]
pub fn Pager(
    /// The list's path, e.g. `/` or `/tag/sante`.
    #[prop(into)]
    base: String,
    /// The page shown: `HEAD` (0) or its number.
    page: u32,
    /// The pages just newer and just older, if any (`HEAD` for the head).
    newer: Option<u32>,
    older: Option<u32>,
) -> impl IntoView {
    let newer = newer.map(|n| page_href(&base, n));
    let older = older.map(|n| page_href(&base, n));
    let label = crate::components::specimen::landmark_name("Pagination");
    (newer.is_some() || older.is_some()).then(|| {
        view! {
            <nav class="pager" aria-label=label>
                {newer.map(|href| view! { <a href=href class="pager__newer" rel="prev">"Articles plus récents"</a> })}
                {(page > 0).then(|| view! { <span class="pager__status">{format!("Page {page}")}</span> })}
                {older.map(|href| view! { <a href=href class="pager__older" rel="next">"Articles plus anciens"</a> })}
            </nav>
        }
    })
}

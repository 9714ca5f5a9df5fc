//! « Articles plus récents / plus anciens »: links between the pages of a list, with the page
//! number in the path (`/page/2`, `/tag/sante/page/2`): a page can be shared and reloaded, and
//! each one is a file of its own once prerendered (a static host cannot serve by query string).

use crate::routes::page_href;
use leptos::prelude::*;

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
    let label = crate::components::specimen::landmark_name("Pagination");
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

//! What the tag and author pages share: one page of a list named by the route's slug, read,
//! waited for, then shown by [`ListingView`] as the page describes it.

use crate::{
    components::listing::{slug_and_page, Listed, ListingView},
    content::{use_site, ContentError, Site},
    pages::loading::{ListLoading, Loaded},
};
use leptos::prelude::*;
use std::future::Future;

/// `read`: one page of the list, for the route's slug and page number; `failure`: the heading
/// when it cannot be had; `show`: what heads it, made of what was read.
#[component]
pub fn NamedListing<T, R, Fut, S>(read: R, failure: &'static str, show: S) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    R: Fn(String, u32) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<T, ContentError>> + Send + 'static,
    S: Fn(T, &Site) -> Listed + Clone + Send + Sync + 'static,
{
    let listing = Resource::new(slug_and_page(), move |(slug, page)| read(slug, page));
    view! {
        <Loaded
            resource=listing
            fallback=|| view! { <ListLoading /> }
            failure
            render=move |listing| {
                let Listed { meta, title, intro, base, page } = show(listing, &use_site());
                view! { <ListingView meta title intro base page /> }
            }
        />
    }
}

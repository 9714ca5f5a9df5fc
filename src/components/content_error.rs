//! What a page shows when its content could not be had: a French message saying what happened,
//! and « Réessayer » when trying again may help (the pages' wait for content, 404 included, is
//! `pages::loading`).

use crate::{components::page_heading::PageHeading, content::ContentError};
use leptos::prelude::*;

#[component]
pub fn ContentErrorView(
    /// The page's heading, e.g. « Impossible d’afficher cet article ».
    #[prop(into)]
    title: String,
    error: ContentError,
    /// Called by « Réessayer ».
    #[prop(into)]
    retry: Callback<()>,
) -> impl IntoView {
    let retryable = error.is_retryable();
    view! {
        <div class="content-error" role="alert">
            <PageHeading class="page__title">{title}</PageHeading>
            <p class="content-error__message">{error.to_string()}</p>
            <Show when=move || retryable>
                <button class="button" type="button" on:click=move |_| retry.run(())>
                    "Réessayer"
                </button>
            </Show>
        </div>
    }
}

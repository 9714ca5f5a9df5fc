//! What a page shows when its content could not be had: a French message saying what happened,
//! and « Réessayer » when trying again may help.

use crate::{
    components::page_heading::PageHeading, content::ContentError, pages::not_found::NotFoundPage,
};
use leptos::{either::Either, prelude::*};
use leptos_meta::Title;

/// What a page shows instead of its content: the 404 for [`ContentError::NotFound`], otherwise
/// the message under `title`, with « Réessayer » calling `retry` when trying again may help.
#[component]
pub fn ContentFailure(
    #[prop(into)] title: String,
    error: ContentError,
    #[prop(into)] retry: Callback<()>,
) -> impl IntoView {
    if error == ContentError::NotFound {
        Either::Left(view! { <NotFoundPage /> })
    } else {
        Either::Right(view! {
            <Title text="Erreur" />
            <ContentErrorView title error retry />
        })
    }
}

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

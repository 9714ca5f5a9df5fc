//! How a page waits for its content: placeholders sized like what replaces them so nothing
//! jumps, the content once loaded, or why it could not be had (the 404, or a French message with
//! « Réessayer »). Every page reading the content source goes through [`Loaded`].

use crate::{
    components::content_error::ContentErrorView, content::ContentError,
    pages::not_found::NotFoundPage,
};
use leptos::{either::Either, prelude::*};
use leptos_meta::Title;

/// A page's content from `resource`: `fallback` until the first answer (on a later one, after a
/// navigation, the page shown stays meanwhile), then `render` with the answer; when there is
/// none, [`ContentFailure`] under the heading `failure`.
#[component]
pub fn Loaded<T, V, R>(
    resource: Resource<Result<T, ContentError>>,
    #[prop(into)] fallback: ViewFnOnce,
    failure: &'static str,
    render: R,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => Either::Left(render(value)),
                        Err(error) => Either::Right(view! {
                            <ContentFailure title=failure error retry=move || resource.refetch() />
                        }),
                    }
                })
            }}
        </Transition>
    }
}

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

/// In place of a list of cards.
#[component]
pub fn ListLoading() -> impl IntoView {
    view! {
        <div class="loading" aria-busy="true" aria-live="polite">
            <p class="visually-hidden">"Chargement des articles…"</p>
            <div class="loading__title"></div>
            <div class="loading__cards">
                <div class="loading__card"></div>
                <div class="loading__card"></div>
                <div class="loading__card"></div>
            </div>
        </div>
    }
}

/// In place of an article.
#[component]
pub fn ArticleLoading() -> impl IntoView {
    view! {
        <div class="loading loading--article" aria-busy="true" aria-live="polite">
            <p class="visually-hidden">"Chargement de l’article…"</p>
            <div class="loading__title"></div>
            <div class="loading__line"></div>
            <div class="loading__line"></div>
            <div class="loading__line loading__line--short"></div>
        </div>
    }
}

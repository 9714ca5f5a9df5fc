//! Placeholders shown while content loads, sized like what replaces them so nothing jumps.

use leptos::prelude::*;

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

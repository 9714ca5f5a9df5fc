//! The search form (`role="search"`): in the header of every page, and on `/recherche`. A plain
//! GET form to `/recherche?q=…`, which works without any script; `public/search.js` takes it
//! over where it runs, and its code and index load only when a reader focuses the field
//! (`navigation.js` on prerendered pages, [`crate::browser::start_search`] in the full app).

use crate::routes::{self, search_param};
use leptos::prelude::*;

/// A search form. `id` names its field (each form of a page has its own); `label` is the
/// form's accessible name, told apart from the other search form of the page; `compact` hides
/// the field's label from sight (the header's: the button says it).
#[component]
pub fn SearchForm(
    class: &'static str,
    id: &'static str,
    label: &'static str,
    #[prop(optional)] compact: bool,
) -> impl IntoView {
    let label_class = if compact {
        "search-form__label visually-hidden"
    } else {
        "search-form__label"
    };
    // In the full app, where no navigation.js is loaded, focusing the field starts search.js.
    let source = crate::content::use_source();
    let start = move |_| crate::browser::start_search(&source);
    view! {
        <form
            class=class
            role="search"
            aria-label=label
            action=routes::SEARCH
            method="get"
            data-recherche-form=""
        >
            <label class=label_class for=id>
                "Rechercher"
            </label>
            <input
                class="search-form__field"
                type="search"
                id=id
                name=search_param::QUERY
                autocomplete="off"
                enterkeyhint="search"
                spellcheck="false"
                on:focus=start
            />
            <button class="button search-form__button" type="submit">
                "Rechercher"
            </button>
        </form>
    }
}

//! The 404: any unknown path, article or tag.

use crate::components::{page_heading::PageHeading, specimen::in_style_guide};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let head = (!in_style_guide()).then(|| {
        view! {
            <Title text="Page introuvable" />
            <Meta name="robots" content="noindex" />
        }
    });
    view! {
        {head}
        <div class="not-found">
            <p class="not-found__code" aria-hidden="true">
                "404"
            </p>
            <PageHeading class="page__title">"Page introuvable"</PageHeading>
            <p>
                "La page demandée n’existe pas ou a été déplacée. Vérifiez l’adresse, ou repartez de la une."
            </p>
            <p>
                <a href="/">"Revenir à l’accueil"</a>
            </p>
        </div>
    }
}

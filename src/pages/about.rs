//! `/a-propos`: who the portal is for.

use crate::content::use_site;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AboutPage() -> impl IntoView {
    let site = use_site();
    view! {
        <Title text="À propos" />
        <h1 class="page__title">"À propos de " {site.name.clone()}</h1>
        <p class="page__intro">{site.about.clone()}</p>
    }
}

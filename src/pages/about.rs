//! `/a-propos`: who the portal is for, the newsletter, how to reach the editors.

use crate::{
    components::{head::Head, page_heading::PageHeading},
    content::use_site,
    newsletter, routes,
    seo::PageMeta,
};
use leptos::prelude::*;

#[component]
pub fn AboutPage() -> impl IntoView {
    let site = use_site();
    let meta = PageMeta::website(&site, "À propos", &site.about, routes::ABOUT);
    let contact = site.contact_email.as_deref().and_then(|email| {
        // From site.json: linked only when it is an e-mail address (not `javascript:…`).
        let email = newsletter::validate_email(email).ok()?;
        let href = format!("mailto:{email}");
        Some(view! {
            <p>
                "Une information, une correction, une idée de sujet\u{202f}? Écrivez à la rédaction\u{a0}: "
                <a href=href>{email}</a> "."
            </p>
        })
    });
    view! {
        <Head meta />
        <div class="prose">
            <PageHeading class="page__title">"À propos de " {site.name.clone()}</PageHeading>
            <p class="page__intro">{site.about.clone()}</p>
            <h2>"Pour qui\u{202f}?"</h2>
            <p>
                "Pour les chercheuses et chercheurs qui veulent suivre ce qui se publie hors de leur spécialité, "
                "les étudiants qui se forment, les professionnels qui déploient ces outils et tous les curieux "
                "qui veulent comprendre sans se noyer dans le jargon."
            </p>
            <h2>"La lettre quotidienne"</h2>
            <p>{newsletter::pitch(&site.newsletter.pitch, site.newsletter.members)}</p>
            <h2 id="confidentialite">"Vos données"</h2>
            <p>{site.newsletter.privacy.clone()}</p>
            <h2>"Nous contacter"</h2>
            {contact}
        </div>
    }
}

//! The page's `<head>`: title, description, robots, canonical URL, Open Graph, Twitter card,
//! JSON-LD.
//! Rendered with leptos_meta, so it updates on client-side navigation (and, once pages are
//! prerendered, is in the HTML that crawlers read).

use crate::{components::specimen::in_style_guide, content::use_site, seo::PageMeta};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};

#[component]
pub fn Head(meta: PageMeta) -> impl IntoView {
    if in_style_guide() {
        return None;
    }
    let PageMeta {
        title,
        description,
        canonical,
        og_type,
        image,
        image_size,
        image_alt,
        published,
        modified,
        tags,
        json_ld,
        robots,
    } = meta;
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    let og_title = if title.is_empty() {
        None
    } else {
        Some(title.clone())
    };
    let site_name = use_site().name;
    Some(view! {
        <Title text=title />
        <Meta property="og:site_name" content=site_name />
        <Meta name="description" content=description.clone() />
        <Meta name="robots" content=robots />
        <Link rel="canonical" href=canonical.clone() />
        <Meta property="og:locale" content="fr_FR" />
        <Meta property="og:type" content=og_type />
        {og_title.map(|t| view! { <Meta property="og:title" content=t.clone() /><Meta name="twitter:title" content=t /> })}
        <Meta property="og:description" content=description.clone() />
        <Meta property="og:url" content=canonical />
        <Meta name="twitter:card" content=card />
        <Meta name="twitter:description" content=description />
        {image.map(|src| view! { <Meta property="og:image" content=src.clone() /><Meta name="twitter:image" content=src /> })}
        {image_size.map(|(w, h)| view! { <Meta property="og:image:width" content=w.to_string() /><Meta property="og:image:height" content=h.to_string() /> })}
        {image_alt.map(|alt| view! { <Meta property="og:image:alt" content=alt /> })}
        {published.map(|t| view! { <Meta property="article:published_time" content=t /> })}
        {modified.map(|t| view! { <Meta property="article:modified_time" content=t /> })}
        {tags.into_iter().map(|t| view! { <Meta property="article:tag" content=t /> }).collect_view()}
        {json_ld.map(|ld| view! { <Script type_="application/ld+json">{ld}</Script> })}
    })
}

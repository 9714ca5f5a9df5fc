//! « Partager l’article »: plain links to every network with our own inline icons (nothing is
//! requested from anyone before a click), « Copier le lien » with a visible and announced
//! confirmation, and the phone's share sheet where the browser offers one.

use crate::{
    browser,
    content::use_site,
    island::PageOfIslands,
    routes,
    seo::absolute,
    share::{Network, ShareText},
};
use leptos::{prelude::*, task::spawn_local};

/// How long « Lien copié » stays on screen, in milliseconds.
const CONFIRMATION_MS: u64 = 3000;

#[component]
pub fn ShareRow(
    #[prop(into)] title: String,
    #[prop(into)] lead: String,
    #[prop(into)] slug: String,
    /// Prefix of the element ids, unique when the row appears twice on a page.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let url = absolute(&use_site(), &routes::article(&slug));
    let copied = RwSignal::new(false);
    // The share sheet is offered only where the browser has one, which only the browser can
    // tell: false while rendering, set once mounted.
    let can_share = RwSignal::new(false);
    Effect::new(move |_| can_share.set(browser::has_share_sheet()));

    // On a page of islands no wasm takes this row over: navigation.js copies the link and opens
    // the share sheet from these attributes, and shows the share button where there is a sheet
    // (hidden until then). The row costs the islands' wasm nothing (7.5 kB of brotli).
    let static_page = use_context::<PageOfIslands>().is_some();
    let (data_url, data_title, data_text) = if static_page {
        (Some(url.clone()), Some(title.clone()), Some(lead.clone()))
    } else {
        (None, None, None)
    };

    let text = ShareText::new(&title, &lead, &url);
    let links = Network::ALL
        .into_iter()
        .map(|network| {
            let href = text.url(network);
            // E-mail opens the reader's mail program, not a tab.
            let (target, rel) = match network {
                Network::Email => (None, None),
                _ => (Some("_blank"), Some("noopener noreferrer")),
            };
            view! {
                <li>
                    <a
                        class=format!("share__link share__link--{}", network.id())
                        href=href
                        target=target
                        rel=rel
                        aria-label=network.label()
                        title=network.label()
                    >
                        {icon(network.id())}
                    </a>
                </li>
            }
        })
        .collect_view();

    let copy = {
        let url = url.clone();
        move |_| {
            let url = url.clone();
            spawn_local(async move {
                if browser::copy(&url).await {
                    copied.set(true);
                    browser::after(CONFIRMATION_MS, move || copied.set(false));
                }
            });
        }
    };
    let share = {
        let (title, lead, url) = (title.clone(), lead.clone(), url.clone());
        move |_| browser::share(&title, &lead, &url)
    };
    let heading_id = format!("{id}-titre");
    let labelledby = heading_id.clone();

    view! {
        // A group, not a landmark: the row appears twice on a page, and two regions with the
        // same name would be indistinguishable in a screen reader's list of landmarks.
        <div
            class="share"
            role="group"
            aria-labelledby=labelledby
            data-url=data_url
            data-titre=data_title
            data-texte=data_text
        >
            <h2 class="share__title" id=heading_id>"Partager l’article"</h2>
            <ul class="share__list">
                {links}
                <li>
                    <button class="share__link share__copy" type="button" on:click=copy aria-label="Copier le lien de l’article" title="Copier le lien">
                        {icon("link")}
                    </button>
                </li>
                <Show when=move || can_share.get() || static_page>
                    <li hidden=static_page>
                        <button class="share__link share__native" type="button" on:click=share.clone() aria-label="Partager avec une autre application" title="Partager…">
                            {icon("share")}
                        </button>
                    </li>
                </Show>
            </ul>
            <p class="share__status" role="status" aria-live="polite">
                {move || copied.get().then_some("Lien copié")}
            </p>
        </div>
    }
}

/// Our own icons, inline: no font, no request.
fn icon(id: &str) -> impl IntoView {
    let path = match id {
        "x" => "M4 4l16 16M20 4L4 20",
        "linkedin" => "M5 9v10M5 5v.5M10 19v-6a3 3 0 0 1 6 0v6M10 9v10",
        "facebook" => "M14 21v-8h3l.5-3.5H14V7.5c0-1 .5-1.5 1.5-1.5H18V3h-3c-3 0-4.5 1.7-4.5 4.3v2.2H8V13h2.5v8",
        "bluesky" => "M12 11C10 7 7 4 4.5 4 3 4 3 6 3.5 8.5 4 11 6 12 8.5 12 6 13 5 15 7 17c2 2 4-1 5-4 1 3 3 6 5 4 2-2 1-4-1.5-5 2.5 0 4.5-1 5-3.5C21 6 21 4 19.5 4 17 4 14 7 12 11z",
        "whatsapp" => "M4 20l1.3-4A8 8 0 1 1 8 18.7zM9 8.5c0 3.5 3 6.5 6.5 6.5l1-1.5-2-1-1 1c-1.2-.5-2.5-1.8-3-3l1-1-1-2z",
        "telegram" => "M3 11l18-7-3 16-6-4-3 4v-6l9-7-11 6z",
        "email" => "M3 6h18v12H3zM3 6l9 7 9-7",
        "link" => "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1",
        _ => "M12 3v12M7 8l5-5 5 5M5 13v7h14v-7",
    };
    view! {
        <svg class="share__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d=path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}

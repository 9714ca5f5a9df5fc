//! An image as every page shows it: its `srcset` from the widths the source made, `sizes` from
//! the slot of the layout it is in, its own `width` and `height` (its place is kept before it
//! arrives), and when it loads: at once and first for the page's largest paint, as it comes
//! near for every other one. When the source made it in lighter formats (AVIF, WebP), its
//! `<picture>` offers them first (`src/images.rs` says how each is chosen). Always a `<picture>`
//! (laid out as if absent, `style/main.css`): one view rather than two, 0.8 kB less of wasm.

use crate::{
    content::{safe_href, Image},
    images::{self, Slot},
};
use leptos::prelude::*;

/// When an image loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Load {
    /// On screen as the page opens (an article's cover, the home's lead story, a list's first
    /// card): its largest paint, so fetched at once, before the others.
    First,
    /// Anything else: only as it comes near (`loading="lazy"`).
    Later,
}

/// The `<picture>` of `image` in `slot`: its other formats, then its `<img>`; nothing for an
/// address [`safe_href`] refuses.
pub fn picture(image: Image, slot: Slot, class: &'static str, load: Load) -> Option<impl IntoView> {
    let src = safe_href(&image.src)?.to_string();
    let (width, height) = images::dimensions(&image);
    let srcset = images::srcset(&image);
    let sizes = srcset.is_some().then_some(slot.sizes());
    let (loading, priority) = match load {
        Load::First => (None, Some("high")),
        Load::Later => (Some("lazy"), None),
    };
    // Its other formats first, each a <source> of the same sizes; the <img> is the fallback
    // and carries what every browser reads. A <picture> with no <source> is the <img> alone.
    let sources = image
        .formats
        .iter()
        .filter_map(|format| {
            let srcset = images::format_srcset(format)?;
            Some(view! { <source type=format.mime.clone() srcset=srcset sizes=slot.sizes() /> })
        })
        .collect_view();
    Some(view! {
        <picture>
            {sources}
            <img
                class=(!class.is_empty()).then_some(class)
                src=src
                srcset=srcset
                sizes=sizes
                alt=image.alt
                width=width
                height=height
                loading=loading
                fetchpriority=priority
                decoding="async"
            />
        </picture>
    })
}

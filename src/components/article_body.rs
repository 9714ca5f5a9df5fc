//! An article's body, block by block. Only typed blocks are rendered, as text: content can
//! never inject markup or scripts, and links keep only safe targets.

use crate::{
    components::picture::{picture, Load},
    content::{heading_anchors, safe_href, Block, Inline, Inlines},
    images::Slot,
};
use leptos::prelude::*;

#[component]
pub fn ArticleBody(blocks: Vec<Block>) -> impl IntoView {
    // Headings carry the anchors the table of contents links to.
    let anchors = heading_anchors(&blocks);
    let views = blocks
        .into_iter()
        .zip(anchors)
        .map(|(b, id)| block(b, id))
        .collect_view();
    view! { <div class="article-body">{views}</div> }
}

/// One block's view; `None` for a block type this version does not know.
fn block(block: Block, id: Option<String>) -> Option<AnyView> {
    Some(match block {
        Block::Paragraph { text } => view! { <p>{inlines(text)}</p> }.into_any(),
        Block::Heading { level, text } => {
            if level <= 2 {
                view! { <h2 id=id>{text}</h2> }.into_any()
            } else {
                view! { <h3 id=id>{text}</h3> }.into_any()
            }
        }
        Block::Quote { text, attribution } => view! {
            <figure class="quote">
                <blockquote>
                    <p>{inlines(text)}</p>
                </blockquote>
                {attribution.map(|a| view! { <figcaption>{a}</figcaption> })}
            </figure>
        }
        .into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|item| view! { <li>{inlines(item)}</li> })
                .collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Image { image, caption } => {
            let credit = image.credit.clone();
            let image = picture(image, Slot::Article, "", Load::Later)?;
            view! {
                    <figure class="figure">
                        {image}
                        <figcaption>
                            {caption}
                            {credit.map(|c| view! { <span class="credit">{c}</span> })}
                        </figcaption>
                    </figure>
            }
            .into_any()
        }
        Block::Note { title, text } => view! {
            <aside class="note">
                {title.map(|t| view! { <p class="note__title">{t}</p> })}
                <p>{inlines(text)}</p>
            </aside>
        }
        .into_any(),
        Block::Unknown => return None,
    })
}

fn inlines(text: Inlines) -> impl IntoView {
    text.0
        .into_iter()
        .map(|run| match run {
            Inline::Text(t) => view! { {t} }.into_any(),
            Inline::Bold { b } => view! { <strong>{b}</strong> }.into_any(),
            Inline::Italic { i } => view! { <em>{i}</em> }.into_any(),
            Inline::Code { code } => view! { <code>{code}</code> }.into_any(),
            Inline::Link { link, href } => match safe_href(&href) {
                Some(href) => view! { <a href=href.to_string()>{link}</a> }.into_any(),
                None => view! { {link} }.into_any(),
            },
        })
        .collect_view()
}

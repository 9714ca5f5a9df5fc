//! French typography applied to every text of the content before it reaches the page: a
//! [`super::Catalog`] is typeset when it is built, an answer of the content API when it is
//! parsed; nothing else typesets content. Slugs, URLs, dates and inline code are left as they
//! are.

use super::{
    Article, ArticleSummary, AuthorListing, Block, Image, Inline, Inlines, Page, Site, TagListing,
};
use crate::model::french::typeset_in_place;

pub trait Typeset {
    fn typeset(self) -> Self;
}

fn t(text: &mut String) {
    typeset_in_place(text);
}

fn opt(text: &mut Option<String>) {
    if let Some(text) = text {
        t(text);
    }
}

impl Typeset for Site {
    fn typeset(mut self) -> Self {
        t(&mut self.tagline);
        t(&mut self.about);
        t(&mut self.newsletter.title);
        t(&mut self.newsletter.pitch);
        t(&mut self.newsletter.privacy);
        for tag in &mut self.tags {
            t(&mut tag.name);
            opt(&mut tag.description);
        }
        self
    }
}

fn image(image: &mut Image) {
    t(&mut image.alt);
    opt(&mut image.credit);
}

impl Typeset for ArticleSummary {
    fn typeset(mut self) -> Self {
        t(&mut self.title);
        t(&mut self.lead);
        t(&mut self.author);
        if let Some(cover) = &mut self.cover {
            image(cover);
        }
        self
    }
}

impl Typeset for Inlines {
    fn typeset(mut self) -> Self {
        for run in &mut self.0 {
            match run {
                Inline::Text(text)
                | Inline::Bold { b: text }
                | Inline::Italic { i: text }
                | Inline::Link { link: text, .. } => t(text),
                Inline::Code { .. } => {}
            }
        }
        self
    }
}

impl Typeset for Block {
    fn typeset(self) -> Self {
        match self {
            Block::Paragraph { text } => Block::Paragraph {
                text: text.typeset(),
            },
            Block::Heading { level, mut text } => {
                t(&mut text);
                Block::Heading { level, text }
            }
            Block::Quote { text, attribution } => Block::Quote {
                text: text.typeset(),
                attribution: attribution.map(|mut a| {
                    t(&mut a);
                    a
                }),
            },
            Block::List { ordered, items } => Block::List {
                ordered,
                items: items.into_iter().map(Typeset::typeset).collect(),
            },
            Block::Image {
                image: mut img,
                caption,
            } => {
                image(&mut img);
                Block::Image {
                    image: img,
                    caption: caption.map(|mut c| {
                        t(&mut c);
                        c
                    }),
                }
            }
            Block::Note { title, text } => Block::Note {
                title: title.map(|mut title| {
                    t(&mut title);
                    title
                }),
                text: text.typeset(),
            },
            Block::Unknown => Block::Unknown,
        }
    }
}

impl Typeset for Article {
    fn typeset(self) -> Self {
        Article {
            summary: self.summary.typeset(),
            body: self.body.into_iter().map(Typeset::typeset).collect(),
            author_profile: self.author_profile.map(|mut p| {
                opt(&mut p.bio);
                p
            }),
        }
    }
}

impl<T: Typeset> Typeset for Vec<T> {
    fn typeset(self) -> Self {
        self.into_iter().map(Typeset::typeset).collect()
    }
}

impl<T: Typeset> Typeset for Page<T> {
    fn typeset(self) -> Self {
        Page {
            items: self.items.typeset(),
            ..self
        }
    }
}

impl Typeset for TagListing {
    fn typeset(mut self) -> Self {
        t(&mut self.tag.name);
        opt(&mut self.tag.description);
        TagListing {
            page: self.page.typeset(),
            ..self
        }
    }
}

impl Typeset for AuthorListing {
    fn typeset(mut self) -> Self {
        t(&mut self.author.name);
        opt(&mut self.author.bio);
        AuthorListing {
            page: self.page.typeset(),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::content::parse_json;

    #[test]
    fn every_text_is_typeset_but_code_links_and_slugs() {
        let json = r#"{ "slug": "a-b", "title": "Titre : sous-titre", "lead": "Vraiment ?",
            "published": "2024-05-22T14:30:00+02:00", "author": "A",
            "cover": { "src": "/x.svg?a=1", "alt": "Image : test", "credit": "C !" },
            "body": [
                { "type": "paragraph", "text": ["Texte : ", {"code": "a ? b : c"},
                  {"link": "lien !", "href": "https://example.org/?q=1"}] },
                { "type": "heading", "level": 2, "text": "Partie : une" },
                { "type": "list", "items": ["un ; deux"] },
                { "type": "quote", "text": "« Oui »", "attribution": "Lui !" }
            ] }"#;
        let a: Article = parse_json::<Article>(json).unwrap().typeset();
        assert_eq!(a.summary.title, "Titre\u{a0}: sous-titre");
        assert_eq!(a.summary.lead, "Vraiment\u{202f}?");
        assert_eq!(a.summary.slug, "a-b");
        assert_eq!(a.summary.published, "2024-05-22T14:30:00+02:00");
        let cover = a.summary.cover.unwrap();
        assert_eq!(
            (cover.src.as_str(), cover.alt.as_str()),
            ("/x.svg?a=1", "Image\u{a0}: test")
        );
        assert_eq!(
            a.body[0],
            Block::Paragraph {
                text: Inlines(vec![
                    Inline::Text("Texte\u{a0}: ".into()),
                    Inline::Code {
                        code: "a ? b : c".into()
                    },
                    Inline::Link {
                        link: "lien\u{202f}!".into(),
                        href: "https://example.org/?q=1".into()
                    },
                ])
            }
        );
        assert_eq!(a.body[1].plain(), "Partie\u{a0}: une");
        assert_eq!(a.body[2].plain(), "un\u{202f}; deux");
        assert_eq!(a.body[3].plain(), "«\u{a0}Oui\u{a0}» Lui\u{202f}!");
    }
}

//! A CMS post's HTML as Veille's typed blocks, through an allowlist: paragraphs with bold,
//! italic, code and links; h2 and h3 (h1 and h4–h6 mapped to the nearest); lists; quotes with
//! their citation; images with their alternative text and caption; galleries as images; embeds
//! as a link to their source. Gutenberg's wrappers and comments, Ghost's cards and lazy-loading
//! copies are read through; leftover shortcodes are dropped. Anything else keeps its text, never
//! its markup: nothing of the HTML reaches the page but words, links and images that pass
//! [`safe_href`](crate::model::content::safe_href).

use super::tree::{collapse, Node};
use crate::model::content::{Block, Image, Inline, Inlines, Resized};

/// What becomes of a link or an image address from the CMS: the address to keep (a link to one
/// of the CMS's own posts becomes `/article/<slug>`), or `None` to drop it.
pub type Links<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The blocks of a post's body.
pub fn blocks(nodes: &[Node], links: Links<'_>) -> Vec<Block> {
    let mut converter = Converter {
        links,
        out: Vec::new(),
        loose: Vec::new(),
    };
    converter.nodes(nodes);
    converter.flush();
    converter.out
}

struct Converter<'a> {
    links: Links<'a>,
    out: Vec<Block>,
    /// Inline content met between blocks (text straight in a `<div>`): one paragraph.
    loose: Vec<Node>,
}

/// Elements whose content is inline text.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "br", "wbr", "del",
    "ins", "font",
];

/// Elements with nothing a reader reads.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "form", "input", "button", "select",
    "textarea", "hr", "link", "meta", "canvas", "map",
];

impl Converter<'_> {
    fn nodes(&mut self, nodes: &[Node]) {
        for node in nodes {
            self.node(node);
        }
    }

    fn node(&mut self, node: &Node) {
        let name = match node {
            Node::Comment(_) => return,
            Node::Text(_) => return self.loose.push(node.clone()),
            Node::Element { name, .. } => name.as_str(),
        };
        if INLINE.contains(&name) {
            return self.loose.push(node.clone());
        }
        if SKIPPED.contains(&name) {
            return;
        }
        self.flush();
        match name {
            "p" => {
                let images = images(node, self.links);
                let text = inlines(node.children(), self.links);
                if text.0.is_empty() && !images.is_empty() {
                    self.out
                        .extend(images.into_iter().map(|image| Block::Image {
                            image,
                            caption: None,
                        }));
                } else {
                    self.paragraph(text);
                }
            }
            "h1" | "h2" => self.heading(2, node),
            "h3" | "h4" | "h5" | "h6" => self.heading(3, node),
            "ul" | "ol" => {
                let mut items = Vec::new();
                list_items(node, self.links, &mut items);
                if !items.is_empty() {
                    self.out.push(Block::List {
                        ordered: name == "ol",
                        items,
                    });
                }
            }
            "blockquote" => self.quote(node),
            "figure" => self.figure(node),
            "img" | "picture" => self.out.extend(images(node, self.links).into_iter().map(
                |image| Block::Image {
                    image,
                    caption: None,
                },
            )),
            "iframe" | "embed" | "object" | "video" | "audio" => self.embed(node, None),
            "pre" => {
                let code = node.text();
                if !code.trim().is_empty() {
                    self.paragraph(Inlines(vec![Inline::Code {
                        code: code.trim().to_string(),
                    }]));
                }
            }
            // A table's rows as paragraphs, cells apart.
            "tr" => {
                let cells: Vec<String> = node
                    .children()
                    .iter()
                    .map(|cell| collapse(&cell.text()))
                    .filter(|t| !t.is_empty())
                    .collect();
                if !cells.is_empty() {
                    self.paragraph(Inlines(vec![Inline::Text(cells.join(" · "))]));
                }
            }
            // Wrappers (Gutenberg's groups and columns, Ghost's cards, tables) and anything
            // unknown: what they hold, block by block.
            _ => self.nodes(node.children()),
        }
        self.flush();
    }

    /// The inline content gathered since the last block, as a paragraph.
    fn flush(&mut self) {
        if !self.loose.is_empty() {
            let loose = std::mem::take(&mut self.loose);
            let text = inlines(&loose, self.links);
            self.paragraph(text);
        }
    }

    fn paragraph(&mut self, text: Inlines) {
        if !text.0.is_empty() {
            self.out.push(Block::Paragraph { text });
        }
    }

    fn heading(&mut self, level: u8, node: &Node) {
        let text = collapse(&strip_shortcodes(&node.text()));
        if !text.is_empty() {
            self.out.push(Block::Heading { level, text });
        }
    }

    fn quote(&mut self, node: &Node) {
        let is_citation = |n: &Node| matches!(n.name(), Some("cite" | "footer"));
        let citation = node
            .children()
            .iter()
            .filter(|n| is_citation(n))
            .map(|n| collapse(&n.text()))
            .find(|t| !t.is_empty());
        let body: Vec<Node> = node
            .children()
            .iter()
            .filter(|n| !is_citation(n))
            .flat_map(|n| match n.name() {
                // Paragraphs of a quote run on, a space apart.
                Some("p") => {
                    let mut runs = n.children().to_vec();
                    runs.push(Node::Text(" ".into()));
                    runs
                }
                _ => vec![n.clone()],
            })
            .collect();
        let text = inlines(&body, self.links);
        if !text.0.is_empty() {
            self.out.push(Block::Quote {
                text,
                attribution: citation,
            });
        }
    }

    fn figure(&mut self, node: &Node) {
        let caption = node
            .find("figcaption")
            .map(|c| collapse(&c.text()))
            .filter(|c| !c.is_empty());
        let embed = node.has_class("wp-block-embed")
            || node.has_class("kg-embed-card")
            || node.find("iframe").is_some();
        if embed {
            return self.embed(node, caption);
        }
        if node.find("blockquote").is_some() {
            return self.nodes(node.children());
        }
        if node.find("table").is_some() {
            self.nodes(node.children());
            if let Some(caption) = caption {
                self.paragraph(Inlines(vec![Inline::Text(caption)]));
            }
            return;
        }
        // A gallery: each image with its own caption, if it has one.
        let nested: Vec<&Node> = node
            .children()
            .iter()
            .flat_map(|n| match n.name() {
                Some("figure") => vec![n],
                Some("ul" | "div") => n.children().iter().collect(),
                _ => vec![],
            })
            .filter(|n| n.name() == Some("figure") || n.find("figure").is_some())
            .collect();
        if !nested.is_empty() {
            for inner in nested {
                self.figure(inner);
            }
            return;
        }
        let mut found = images(node, self.links).into_iter();
        if let Some(image) = found.next() {
            self.out.push(Block::Image { image, caption });
            self.out.extend(found.map(|image| Block::Image {
                image,
                caption: None,
            }));
        } else if let Some(caption) = caption {
            self.paragraph(Inlines(vec![Inline::Text(caption)]));
        }
    }

    /// An embedded player or post as a link to its source: the page never loads a third party.
    fn embed(&mut self, node: &Node, caption: Option<String>) {
        let source = find_all(node, &|n| n.name() == Some("iframe"))
            .into_iter()
            .find_map(|n| n.attr("src"))
            .map(str::to_string)
            .or_else(|| {
                find_all(node, &|n| n.name() == Some("a"))
                    .into_iter()
                    .find_map(|n| n.attr("href"))
                    .map(str::to_string)
            })
            .or_else(|| {
                // Gutenberg, without oEmbed: the address alone in the wrapper.
                let text = collapse(&node.text());
                text.starts_with("http").then(|| {
                    text.split_whitespace()
                        .next()
                        .unwrap_or_default()
                        .to_string()
                })
            });
        let Some(href) = source.as_deref().and_then(|s| (self.links)(s)) else {
            if let Some(caption) = caption {
                self.paragraph(Inlines(vec![Inline::Text(caption)]));
            }
            return;
        };
        let link = caption.unwrap_or_else(|| match host(&href) {
            Some(host) => format!("Voir le contenu sur {host}"),
            None => "Voir le contenu intégré".to_string(),
        });
        self.paragraph(Inlines(vec![Inline::Link { link, href }]));
    }
}

/// The host of an absolute http(s) address, without `www.`.
fn host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    (!host.is_empty()).then(|| host.strip_prefix("www.").unwrap_or(host))
}

fn find_all<'n>(node: &'n Node, wanted: &dyn Fn(&Node) -> bool) -> Vec<&'n Node> {
    let mut out = Vec::new();
    for child in node.children() {
        if wanted(child) {
            out.push(child);
        }
        out.extend(find_all(child, wanted));
    }
    out
}

/// The images under `node`, each once: a lazy-loaded image's real address (`data-src`,
/// `data-lazy-src`) rather than its placeholder, and the `<noscript>` copy only when the image
/// outside it has no usable address. (WordPress strips `<noscript>` from an author's post and
/// leaves its copy beside the image: one address, one image.)
fn images(node: &Node, links: Links<'_>) -> Vec<Image> {
    let image = |img: &Node| {
        let src = ["data-src", "data-lazy-src", "src"]
            .iter()
            .filter_map(|a| img.attr(a))
            .find_map(links)?;
        // The CMS's own sizes of the upload (WordPress' `srcset` from the attachment's sizes,
        // Ghost's `/size/wN/` copies), and the size of `src`, as the CMS wrote them. A lazy
        // image's placeholder has neither: its real address comes with no other width.
        let lazy = img.attr("data-src").or(img.attr("data-lazy-src")).is_some();
        let number = |name| {
            img.attr(name)
                .and_then(|v: &str| v.trim().parse::<u32>().ok())
                .filter(|&n| n > 0)
        };
        let (width, height) = match (number("width"), number("height")) {
            (Some(w), Some(h)) if !lazy => (Some(w), Some(h)),
            _ => (None, None),
        };
        let sizes = img
            .attr(if lazy { "data-srcset" } else { "srcset" })
            .map(crate::model::images::parse_srcset)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(src, width)| {
                Some(Resized {
                    src: links(&src)?,
                    width,
                })
            })
            .collect();
        Some(Image {
            src,
            alt: collapse(img.attr("alt").unwrap_or_default()),
            width,
            height,
            sizes,
            ..Image::default()
        })
    };
    let outside = |n: &Node| n.name() == Some("img");
    let mut found: Vec<Image> = find_outside_noscript(node)
        .into_iter()
        .filter(|n| outside(n))
        .filter_map(image)
        .collect();
    if found.is_empty() {
        found = find_all(node, &outside)
            .into_iter()
            .filter_map(image)
            .collect();
    }
    let mut seen = std::collections::BTreeSet::new();
    found.retain(|image| seen.insert(image.src.clone()));
    found
}

fn find_outside_noscript(node: &Node) -> Vec<&Node> {
    let mut out = Vec::new();
    if node.name() == Some("img") {
        out.push(node);
    }
    for child in node.children() {
        if child.name() != Some("noscript") {
            out.extend(find_outside_noscript(child));
        }
    }
    out
}

/// Each `<li>` as an item; a nested list's items follow their parent's.
fn list_items(list: &Node, links: Links<'_>, items: &mut Vec<Inlines>) {
    for li in list.children().iter().filter(|n| n.name() == Some("li")) {
        let own: Vec<Node> = li
            .children()
            .iter()
            .filter(|n| !matches!(n.name(), Some("ul" | "ol")))
            .cloned()
            .collect();
        let text = inlines(&own, links);
        if !text.0.is_empty() {
            items.push(text);
        }
        for nested in li
            .children()
            .iter()
            .filter(|n| matches!(n.name(), Some("ul" | "ol")))
        {
            list_items(nested, links, items);
        }
    }
}

/// The mark a run gets; the outermost wins, a link over any.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    None,
    Bold,
    Italic,
    Code,
}

/// Inline runs of some nodes, white space collapsed across them, shortcodes dropped.
fn inlines(nodes: &[Node], links: Links<'_>) -> Inlines {
    let mut runs = Vec::new();
    for node in nodes {
        push_inline(node, Mark::None, links, &mut runs);
    }
    tidy(runs)
}

fn push_inline(node: &Node, mark: Mark, links: Links<'_>, runs: &mut Vec<Inline>) {
    match node {
        Node::Comment(_) => {}
        Node::Text(text) => runs.push(marked(mark, text.clone())),
        Node::Element { name, children, .. } => {
            let name = name.as_str();
            if SKIPPED.contains(&name) || matches!(name, "img" | "picture" | "iframe" | "figure") {
                return;
            }
            if name == "br" {
                return runs.push(Inline::Text(" ".into()));
            }
            if name == "a" {
                if let Some(href) = node.attr("href").and_then(links) {
                    return runs.push(Inline::Link {
                        link: node.text(),
                        href,
                    });
                }
            }
            let inner = match (mark, name) {
                (Mark::None, "strong" | "b") => Mark::Bold,
                (Mark::None, "em" | "i" | "cite" | "dfn" | "var") => Mark::Italic,
                (Mark::None | Mark::Bold | Mark::Italic, "code" | "kbd" | "samp") => Mark::Code,
                _ => mark,
            };
            for child in children {
                push_inline(child, inner, links, runs);
            }
            // Block elements met inside a paragraph stay apart from what follows.
            if !INLINE.contains(&name) {
                runs.push(Inline::Text(" ".into()));
            }
        }
    }
}

fn marked(mark: Mark, text: String) -> Inline {
    match mark {
        Mark::None => Inline::Text(text),
        Mark::Bold => Inline::Bold { b: text },
        Mark::Italic => Inline::Italic { i: text },
        Mark::Code => Inline::Code { code: text },
    }
}

/// Runs with white space collapsed across their edges, neighbours of one kind merged, empty
/// ones dropped, the whole trimmed.
fn tidy(runs: Vec<Inline>) -> Inlines {
    let mut out: Vec<Inline> = Vec::with_capacity(runs.len());
    let mut space_before = false;
    for run in runs {
        let (text, rebuild): (String, Box<dyn Fn(String) -> Inline>) = match run {
            Inline::Text(t) => (strip_shortcodes(&t), Box::new(Inline::Text)),
            Inline::Bold { b } => (b, Box::new(|b| Inline::Bold { b })),
            Inline::Italic { i } => (i, Box::new(|i| Inline::Italic { i })),
            Inline::Code { code } => (code, Box::new(|code| Inline::Code { code })),
            Inline::Link { link, href } => (
                link,
                Box::new(move |link| Inline::Link {
                    link,
                    href: href.clone(),
                }),
            ),
        };
        let starts = text.starts_with(|c: char| c.is_ascii_whitespace());
        let ends = text.ends_with(|c: char| c.is_ascii_whitespace());
        let mut words = collapse(&text);
        if words.is_empty() {
            space_before |= starts || ends;
            continue;
        }
        let is_text = matches!(rebuild(String::new()), Inline::Text(_));
        // The space between two runs goes in plain text, never at the edge of a link or a mark.
        if (space_before || starts) && !out.is_empty() {
            match out.last_mut() {
                Some(Inline::Text(last)) => last.push(' '),
                _ if is_text => words.insert(0, ' '),
                _ => out.push(Inline::Text(" ".into())),
            }
        }
        space_before = ends;
        let run = rebuild(words);
        match (out.last_mut(), run) {
            (Some(Inline::Text(last)), Inline::Text(t)) => last.push_str(&t),
            (_, run) => out.push(run),
        }
    }
    Inlines(out)
}

/// Text without the shortcodes a theme leaves in (`[gallery ids="1,2"]`, `[/caption]`): a
/// bracket opening on one of WordPress' and the usual plugins' names. « \[1\] » and « \[sic\] » stay.
fn strip_shortcodes(text: &str) -> String {
    const NAMES: &[&str] = &[
        "gallery",
        "caption",
        "wp_caption",
        "embed",
        "audio",
        "video",
        "playlist",
        "contact-form-7",
        "contact-form",
        "vc_row",
        "vc_column",
        "vc_column_text",
        "et_pb_section",
        "et_pb_row",
        "et_pb_column",
        "et_pb_text",
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('[') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let name_start = after.strip_prefix('/').unwrap_or(after);
        let name: String = name_start
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        let is_shortcode =
            NAMES.contains(&name.as_str()) && name_start[name.len()..].starts_with([']', ' ']);
        match (is_shortcode, after.find(']')) {
            (true, Some(end)) => rest = &after[end + 1..],
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cms::tree::parse;
    use crate::model::content::safe_href;

    /// A link kept as it is when it is safe: content with no links to rewrite.
    fn keep(href: &str) -> Option<String> {
        safe_href(href).map(str::to_string)
    }

    fn links(href: &str) -> Option<String> {
        match href.strip_prefix("http://127.0.0.1:8081/") {
            Some("etude-reuters/") => Some("/article/etude-reuters".into()),
            _ => keep(href),
        }
    }

    fn convert(html: &str) -> Vec<Block> {
        blocks(&parse(html), &links)
    }

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn paragraph(runs: Vec<Inline>) -> Block {
        Block::Paragraph {
            text: Inlines(runs),
        }
    }

    #[test]
    fn gutenberg_paragraphs_keep_their_marks_and_links_with_entities_decoded() {
        let html = "<!-- wp:paragraph -->\n<p>L&#8217;IA s&#8217;installe&nbsp;: <strong>trois \
            usages</strong> dominent, selon <a href=\"http://127.0.0.1:8081/etude-reuters/\">l&#8217;étude</a> \
            et <a href=\"https://reuters.example/r\"><em>Reuters</em></a>.</p>\n<!-- /wp:paragraph -->";
        assert_eq!(
            convert(html),
            [paragraph(vec![
                text("L’IA s’installe\u{a0}: "),
                Inline::Bold {
                    b: "trois usages".into()
                },
                text(" dominent, selon "),
                Inline::Link {
                    link: "l’étude".into(),
                    href: "/article/etude-reuters".into()
                },
                text(" et "),
                Inline::Link {
                    link: "Reuters".into(),
                    href: "https://reuters.example/r".into()
                },
                text("."),
            ])]
        );
    }

    #[test]
    fn headings_lists_and_quotes() {
        let html = "<h2 class=\"wp-block-heading\">Ce qui change</h2><h1>Égaré</h1><h5>Petit</h5>\
            <ul><li>La <em>transcription</em></li><li>La traduction<ul><li>vers l’anglais</li></ul></li></ul>\
            <ol><li>un</li></ol>\
            <blockquote class=\"wp-block-quote\"><p>Les outils ne remplacent pas l&#8217;enquête.</p>\
            <p>Jamais.</p><cite>Une rédactrice en chef</cite></blockquote>";
        assert_eq!(
            convert(html),
            [
                Block::Heading {
                    level: 2,
                    text: "Ce qui change".into()
                },
                Block::Heading {
                    level: 2,
                    text: "Égaré".into()
                },
                Block::Heading {
                    level: 3,
                    text: "Petit".into()
                },
                Block::List {
                    ordered: false,
                    items: vec![
                        Inlines(vec![
                            text("La "),
                            Inline::Italic {
                                i: "transcription".into()
                            }
                        ]),
                        Inlines(vec![text("La traduction")]),
                        Inlines(vec![text("vers l’anglais")]),
                    ],
                },
                Block::List {
                    ordered: true,
                    items: vec![Inlines(vec![text("un")])]
                },
                Block::Quote {
                    text: Inlines(vec![text(
                        "Les outils ne remplacent pas l’enquête. Jamais."
                    )]),
                    attribution: Some("Une rédactrice en chef".into()),
                },
            ]
        );
    }

    #[test]
    fn figures_images_and_lazy_copies_are_read_once() {
        let html = "<figure class=\"wp-block-image size-large\"><img loading=\"lazy\" \
            src=\"http://127.0.0.1:8081/wp-content/uploads/salle.jpg\" alt=\"Une salle de rédaction\" \
            srcset=\"x 1024w\"><figcaption class=\"wp-element-caption\">La salle, en mai.</figcaption></figure>\
            <p><img src=\"data:image/gif;base64,R0lGOD\" data-src=\"https://cdn.example/lazy.jpg\" alt=\"Paresseuse\">\
            <noscript><img src=\"https://cdn.example/lazy.jpg\" alt=\"Paresseuse\"></noscript></p>\
            <p><img src=\"image/gif;base64,R0lGOD\" data-src=\"https://cdn.example/lazy.jpg\" alt=\"Paresseuse\">\
            <img src=\"https://cdn.example/lazy.jpg\" alt=\"Paresseuse\"></p>\
            <figure class=\"wp-block-gallery\"><figure class=\"wp-block-image\"><img src=\"/a.jpg\" alt=\"A\">\
            <figcaption>Première</figcaption></figure><figure class=\"wp-block-image\"><img src=\"/b.jpg\" alt=\"\"></figure></figure>";
        let image = |src: &str, alt: &str, caption: Option<&str>| Block::Image {
            image: Image {
                src: src.into(),
                alt: alt.into(),
                credit: None,
                ..Image::default()
            },
            caption: caption.map(Into::into),
        };
        assert_eq!(
            convert(html),
            [
                image(
                    "http://127.0.0.1:8081/wp-content/uploads/salle.jpg",
                    "Une salle de rédaction",
                    Some("La salle, en mai."),
                ),
                image("https://cdn.example/lazy.jpg", "Paresseuse", None),
                // WordPress' version of the same, noscript stripped: one image still.
                image("https://cdn.example/lazy.jpg", "Paresseuse", None),
                image("/a.jpg", "A", Some("Première")),
                image("/b.jpg", "", None),
            ]
        );
    }

    #[test]
    fn embeds_become_a_link_to_their_source() {
        let html = "<figure class=\"wp-block-embed is-provider-youtube wp-block-embed-youtube\">\
            <div class=\"wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v=abc123\n</div></figure>\
            <figure class=\"kg-card kg-embed-card\"><iframe src=\"https://player.vimeo.com/video/1\"></iframe>\
            <figcaption>La conférence</figcaption></figure><iframe src=\"javascript:alert(1)\"></iframe>";
        assert_eq!(
            convert(html),
            [
                paragraph(vec![Inline::Link {
                    link: "Voir le contenu sur youtube.com".into(),
                    href: "https://www.youtube.com/watch?v=abc123".into(),
                }]),
                paragraph(vec![Inline::Link {
                    link: "La conférence".into(),
                    href: "https://player.vimeo.com/video/1".into(),
                }]),
            ]
        );
    }

    #[test]
    fn markup_never_passes_only_its_words_do() {
        let html = "<p><script>alert(1)</script>Sans <span onclick=\"x()\">danger</span> \
            <a href=\"javascript:alert(1)\">ici</a>.</p><style>p{}</style>\
            <div class=\"inconnu\"><marquee>Texte gardé</marquee></div>\
            <pre class=\"wp-block-code\"><code>let x = 1;</code></pre>\
            <table><tbody><tr><td>A</td><td>B</td></tr></tbody></table>";
        assert_eq!(
            convert(html),
            [
                paragraph(vec![text("Sans danger ici.")]),
                paragraph(vec![text("Texte gardé")]),
                paragraph(vec![Inline::Code {
                    code: "let x = 1;".into()
                }]),
                paragraph(vec![text("A · B")]),
            ]
        );
    }

    #[test]
    fn shortcodes_left_in_the_text_are_dropped_but_brackets_stay() {
        assert_eq!(
            convert("<p>[gallery ids=\"3,4\"] Texte après [1] et [sic].[/caption]</p>"),
            [paragraph(vec![text("Texte après [1] et [sic].")])]
        );
    }

    /// The fixture the browser test reads too (`tests/browser/cms.rs`): both parsers, the same
    /// blocks.
    #[test]
    fn a_gutenberg_post_gives_the_blocks_on_record() {
        let html = include_str!("../../tests/fixtures/cms/gutenberg.html");
        let expected: Vec<Block> = serde_json::from_str(include_str!(
            "../../tests/fixtures/cms/gutenberg.blocks.json"
        ))
        .unwrap();
        assert_eq!(blocks(&parse(html), &keep), expected);
    }
}

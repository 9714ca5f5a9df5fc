//! A parsed HTML fragment, as the converter reads it: elements with their attributes, text and
//! comments. Natively it comes from html5ever (through scraper); in the browser it will come from
//! the browser's own parser, so that the wasm carries no HTML parser. Entities are decoded by
//! the parser, as a browser decodes them.

/// One node of a fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element {
        /// Lower-case tag name.
        name: String,
        /// (lower-case name, value), in document order.
        attrs: Vec<(String, String)>,
        children: Vec<Node>,
    },
    Text(String),
    Comment(String),
}

impl Node {
    /// The element's tag name, or `None` for text and comments.
    pub fn name(&self) -> Option<&str> {
        match self {
            Node::Element { name, .. } => Some(name),
            _ => None,
        }
    }

    /// The value of attribute `name`, if the node is an element that has it.
    pub fn attr(&self, key: &str) -> Option<&str> {
        match self {
            Node::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// Whether the element's `class` attribute lists `class`.
    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|c| c == class))
    }

    pub fn children(&self) -> &[Node] {
        match self {
            Node::Element { children, .. } => children,
            _ => &[],
        }
    }

    /// The first descendant element (depth first) named `name`.
    pub fn find(&self, name: &str) -> Option<&Node> {
        self.children().iter().find_map(|child| {
            if child.name() == Some(name) {
                Some(child)
            } else {
                child.find(name)
            }
        })
    }

    /// All the text below the node, as it is (no white space collapsed).
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    fn push_text(&self, out: &mut String) {
        match self {
            Node::Text(t) => out.push_str(t),
            Node::Element { name, children, .. } => {
                if name == "br" {
                    out.push(' ');
                }
                // What a script or a style holds is not text a reader reads.
                if !matches!(name.as_str(), "script" | "style" | "noscript" | "template") {
                    children.iter().for_each(|c| c.push_text(out));
                }
            }
            Node::Comment(_) => {}
        }
    }
}

/// The text of an HTML fragment (a WordPress title or excerpt: `L&#8217;IA &amp; nous`), white
/// space collapsed.
pub fn text_of(html: &str) -> String {
    collapse(&parse(html).iter().map(Node::text).collect::<String>())
}

/// Runs of white space (no-break spaces kept) as one space, trimmed.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_ascii_whitespace()) {
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// Parses an HTML fragment (the content of a `<body>`), as a browser would.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(html: &str) -> Vec<Node> {
    let fragment = scraper::Html::parse_fragment(html);
    // html5ever puts a fragment's nodes under an `<html>` element of its own.
    let root = fragment.root_element();
    root.children().filter_map(convert).collect()
}

#[cfg(not(target_arch = "wasm32"))]
fn convert(node: ego_tree::NodeRef<'_, scraper::Node>) -> Option<Node> {
    match node.value() {
        scraper::Node::Element(element) => Some(Node::Element {
            name: element.name().to_ascii_lowercase(),
            attrs: element
                .attrs()
                .map(|(k, v)| (k.to_ascii_lowercase(), v.to_string()))
                .collect(),
            children: node.children().filter_map(convert).collect(),
        }),
        scraper::Node::Text(text) => Some(Node::Text(text.to_string())),
        scraper::Node::Comment(comment) => Some(Node::Comment(comment.to_string())),
        _ => None,
    }
}

/// Parses an HTML fragment with the browser's own parser (`DOMParser`): inert, no script runs
/// and nothing is fetched, as for any document it parses.
#[cfg(target_arch = "wasm32")]
pub fn parse(html: &str) -> Vec<Node> {
    let parsed = web_sys::DomParser::new()
        .and_then(|parser| parser.parse_from_string(html, web_sys::SupportedType::TextHtml));
    let Some(body) = parsed.ok().and_then(|document| document.body()) else {
        return Vec::new();
    };
    let children = body.child_nodes();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .filter_map(|node| convert(&node))
        .collect()
}

#[cfg(target_arch = "wasm32")]
fn convert(node: &web_sys::Node) -> Option<Node> {
    use wasm_bindgen::JsCast;
    match node.node_type() {
        web_sys::Node::ELEMENT_NODE => {
            let element: &web_sys::Element = node.unchecked_ref();
            let attributes = element.attributes();
            let attrs = (0..attributes.length())
                .filter_map(|i| attributes.item(i))
                .map(|a| (a.name().to_ascii_lowercase(), a.value()))
                .collect();
            let children = node.child_nodes();
            Some(Node::Element {
                name: element.tag_name().to_ascii_lowercase(),
                attrs,
                children: (0..children.length())
                    .filter_map(|i| children.item(i))
                    .filter_map(|child| convert(&child))
                    .collect(),
            })
        }
        web_sys::Node::TEXT_NODE => Some(Node::Text(node.text_content().unwrap_or_default())),
        web_sys::Node::COMMENT_NODE => Some(Node::Comment(node.text_content().unwrap_or_default())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_decoded_as_a_browser_decodes_them() {
        assert_eq!(
            text_of("L&#8217;IA &amp; la sant&eacute;&nbsp;: <em>enjeux</em> [&hellip;]"),
            "L’IA & la santé\u{a0}: enjeux […]"
        );
        assert_eq!(text_of("R&#038;D"), "R&D");
    }

    #[test]
    fn a_fragment_keeps_its_elements_attributes_and_comments() {
        let nodes = parse("<!-- wp:paragraph --><p class=\"a b\">Un <a href=\"/x\">lien</a></p>");
        assert_eq!(nodes[0], Node::Comment(" wp:paragraph ".into()));
        let p = &nodes[1];
        assert_eq!(p.name(), Some("p"));
        assert!(p.has_class("b") && !p.has_class("c"));
        assert_eq!(p.find("a").and_then(|a| a.attr("href")), Some("/x"));
        assert_eq!(p.text(), "Un lien");
    }
}

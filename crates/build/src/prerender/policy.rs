//! Each page's Content-Security-Policy: what the configuration allows (the content API's and
//! the newsletter's origins), plus the hash of every inline script and style the page holds,
//! written as a `<meta>` first in its `<head>`.

use super::markup;
use veille::escape;

/// Where a URL's requests go: its origin (`https://host[:port]`), or `None` for a path on this
/// site (or anything that is not an http(s) URL).
pub fn origin_of(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .map(|r| ("https", r))
        .or_else(|| url.strip_prefix("http://").map(|r| ("http", r)))?;
    let host = rest.1.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || host.contains(['"', '\'', ';', ' ', ',']) {
        return None;
    }
    Some(format!("{}://{}", rest.0, host.to_ascii_lowercase()))
}

/// What the Content Security Policy of a page allows beyond its own origin.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    /// `sha256-…` of each inline script the page runs.
    pub script_hashes: Vec<String>,
    /// `sha256-…` of each inline style element.
    pub style_hashes: Vec<String>,
    /// Origins the app may fetch from: the content API, the newsletter endpoint.
    pub connect: Vec<String>,
    /// Origins images may come from besides the site: the content API's.
    pub images: Vec<String>,
    /// Where the signup form may post besides the site (`'self'`, where the search forms go):
    /// the provider's origin; `None` in the preview mode, which posts nowhere.
    pub form_action: Option<String>,
}

impl Policy {
    /// The policy for a `<meta http-equiv>`: everything but `frame-ancestors`, which only a
    /// header can carry (see `public/_headers`). Never `'unsafe-inline'` or `'unsafe-eval'`:
    /// the wasm needs only `'wasm-unsafe-eval'`.
    pub fn meta(&self) -> String {
        let list = |items: &[String]| items.iter().map(|i| format!(" {i}")).collect::<String>();
        let quoted = |items: &[String]| items.iter().map(|h| format!(" '{h}'")).collect::<String>();
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; img-src 'self'{}; connect-src 'self'{}; object-src 'none'; base-uri 'self'; form-action 'self'{}",
            quoted(&self.script_hashes),
            quoted(&self.style_hashes),
            list(&self.images),
            list(&self.connect),
            self.form_action
                .as_deref()
                .map(|origin| format!(" {origin}"))
                .unwrap_or_default(),
        )
    }
}

/// The `sha256-…` of the inline scripts and styles of some HTML, in document order.
#[derive(Debug, Clone, Default)]
pub(super) struct Hashes {
    pub(super) scripts: Vec<String>,
    pub(super) styles: Vec<String>,
}

impl Hashes {
    pub(super) fn of(html: &str) -> Hashes {
        let mut hashes = Hashes::default();
        for (element, content) in inline_contents(html) {
            match element {
                Inline::Script => hashes.scripts.push(hash(content)),
                Inline::Style => hashes.styles.push(hash(content)),
            }
        }
        hashes
    }

    pub(super) fn extend(&mut self, more: Hashes) {
        self.scripts.extend(more.scripts);
        self.styles.extend(more.styles);
    }
}

/// How every page's Content-Security-Policy `<meta>` starts.
const POLICY_TAG: &str = "<meta http-equiv=\"Content-Security-Policy\"";

/// Removes a page's Content-Security-Policy `<meta>`, if it has one.
pub(super) fn strip_policy(html: &mut String) {
    if let Some(start) = html.find(POLICY_TAG) {
        if let Some(len) = html[start..].find('>') {
            html.replace_range(start..start + len + 1, "");
        }
    }
}

/// The Content-Security-Policy `<meta>` of a page, if it has one.
pub(super) fn policy_of(html: &str) -> Option<&str> {
    let start = html.find(POLICY_TAG)?;
    let len = html[start..].find('>')?;
    Some(&html[start..start + len + 1])
}

/// The Content-Security-Policy `<meta>` of a page: the configured origins and its hashes.
pub(super) fn policy_meta(base: &Policy, hashes: Hashes) -> String {
    let mut policy = base.clone();
    policy.script_hashes = hashes.scripts;
    policy.style_hashes = hashes.styles;
    format!(
        "{POLICY_TAG} content=\"{}\">",
        // The policy's own quotes are single.
        escape::double_quoted(&policy.meta())
    )
}

/// The page with its Content-Security-Policy `<meta>` first in `<head>` (right after the
/// charset, before any script): the configured origins, and the hash of each inline script and
/// style the page holds — computed from the finished page, so nothing inline runs unlisted.
pub fn with_policy(mut page: String, base: &Policy) -> String {
    let tag = policy_meta(base, Hashes::of(&page));
    let at = page
        .find("<meta charset")
        .and_then(|i| page[i..].find('>').map(|j| i + j + 1))
        .unwrap_or_else(|| page.find("</head>").unwrap_or(0));
    page.insert_str(at, &tag);
    page
}

/// An inline element the policy must list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Inline {
    Script,
    Style,
}

/// The contents of the inline `<script>` (executable ones: no `src`, a JavaScript type or none)
/// and `<style>` elements of a page, in document order, in one pass over it.
fn inline_contents(page: &str) -> impl Iterator<Item = (Inline, &str)> {
    let mut rest = page;
    std::iter::from_fn(move || loop {
        let start = rest.find('<')?;
        let after = &rest[start + 1..];
        let (element, name) = if after.starts_with("script") {
            (Inline::Script, "script")
        } else if after.starts_with("style") {
            (Inline::Style, "style")
        } else {
            rest = after;
            continue;
        };
        let after = &after[name.len()..];
        // `<scripts` or `<styled`: not the element.
        if !after.starts_with(['>', ' ', '\t', '\n']) {
            rest = after;
            continue;
        }
        let tag_end = after.find('>')?;
        let attrs = &after[..tag_end];
        let body = &after[tag_end + 1..];
        let close = if element == Inline::Script {
            "</script>"
        } else {
            "</style>"
        };
        let end = body.find(close)?;
        let content = &body[..end];
        rest = &body[end..];
        let lower = attrs.to_ascii_lowercase();
        let external = lower.contains("src=");
        let data_block = element == Inline::Script
            && markup::attribute(attrs, "type").is_some_and(|t| {
                !matches!(
                    t.to_ascii_lowercase().as_str(),
                    "module" | "text/javascript" | "application/javascript"
                )
            });
        if !external && !data_block {
            return Some((element, content));
        }
    })
}

/// `sha256-<base64>` of a script or style, as CSP spells it.
pub(super) fn hash(content: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha256::digest(content.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_of_configured_urls() {
        assert_eq!(
            origin_of("https://Contenu.Example.org/v1/"),
            Some("https://contenu.example.org".into())
        );
        assert_eq!(
            origin_of("http://127.0.0.1:8081/api"),
            Some("http://127.0.0.1:8081".into())
        );
        assert_eq!(origin_of("/api"), None);
        assert_eq!(origin_of(""), None);
        assert_eq!(origin_of("javascript:alert(1)"), None);
        assert_eq!(origin_of("https://a.example;script-src *"), None);
    }

    #[test]
    fn the_policy_is_strict() {
        let policy = Policy {
            script_hashes: vec!["sha256-AAA=".into(), "sha256-BBB=".into()],
            style_hashes: vec!["sha256-CCC=".into()],
            connect: vec![
                "https://api.example".into(),
                "https://lettre.example".into(),
            ],
            images: vec!["https://api.example".into()],
            form_action: Some("https://lettre.example".into()),
        };
        let csp = policy.meta();
        assert!(csp.starts_with("default-src 'self'; "));
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA=' 'sha256-BBB=';"));
        assert!(csp.contains("style-src 'self' 'sha256-CCC=';"));
        assert!(csp.contains("connect-src 'self' https://api.example https://lettre.example;"));
        assert!(csp.contains("img-src 'self' https://api.example;"));
        assert!(csp.contains(
            "object-src 'none'; base-uri 'self'; form-action 'self' https://lettre.example"
        ));
        assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"));
        assert!(
            !csp.contains("frame-ancestors"),
            "ignored in a <meta>: it goes in _headers"
        );
        // The preview mode's signup posts nowhere; the search forms go to the site's own page.
        assert!(Policy::default().meta().ends_with("form-action 'self'"));
    }

    #[test]
    fn the_policy_lists_inline_scripts_and_styles_but_not_data_or_external_ones() {
        let page = "<head><style>a{}</style><script type=module>m()</script>\
            <script src=/x.js></script><script type=\"application/ld+json\">{}</script>\
            <scripts>no</scripts><styled>no</styled></head><body><p>a < b</p>\
            <script>x()</script><style media=print>b{}</style></body>";
        let found: Vec<(Inline, &str)> = inline_contents(page).collect();
        assert_eq!(
            found,
            [
                (Inline::Style, "a{}"),
                (Inline::Script, "m()"),
                (Inline::Script, "x()"),
                (Inline::Style, "b{}"),
            ]
        );
    }
}

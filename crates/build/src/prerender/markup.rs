//! Reading trunk's `index.html` without an HTML parser: the `<meta>` values the prerender
//! needs and the attributes of a tag, whatever the quoting (trunk's minifier drops quotes).

/// The `content` of `<meta name="{name}">` in an HTML page, whatever the attribute order and
/// quoting (trunk's minifier drops the quotes); entities are not decoded.
pub fn meta_content(html: &str, name: &str) -> Option<String> {
    let mut rest = html;
    while let Some(start) = rest.find("<meta") {
        let tail = &rest[start + 5..];
        let end = tail.find('>')?;
        let attrs = attributes(&tail[..end]);
        let get = |key: &str| attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        if get("name").as_deref() == Some(name) {
            return Some(get("content").unwrap_or_default());
        }
        rest = &tail[end..];
    }
    None
}

/// The page with its `<meta name="{name}">` replaced by one whose `content` is `content`
/// (escaped); `None` when the page has no such tag.
pub fn set_meta(html: &str, name: &str, content: &str) -> Option<String> {
    let mut from = 0;
    while let Some(start) = html[from..].find("<meta").map(|i| from + i) {
        let end = start + html[start..].find('>')? + 1;
        let attrs = attributes(html[start + 5..end - 1].trim_end_matches('/'));
        if attrs.iter().any(|(k, v)| k == "name" && v == name) {
            let tag = format!(
                "<meta name=\"{name}\" content=\"{}\">",
                veille::escape::double_quoted(content)
            );
            return Some(format!("{}{tag}{}", &html[..start], &html[end..]));
        }
        from = end;
    }
    None
}

/// The page with a `<meta name="{name}" content="{content}">` (escaped) added at the end of its
/// head; `None` when it has no `</head>`.
pub fn add_meta(html: &str, name: &str, content: &str) -> Option<String> {
    let at = html.find("</head>")?;
    let tag = format!(
        "<meta name=\"{name}\" content=\"{}\">",
        veille::escape::double_quoted(content)
    );
    Some(format!("{}{tag}{}", &html[..at], &html[at..]))
}

/// The page without trunk's `<link rel=preload>` of the wasm, whatever the attribute order and
/// quoting; as it is when it has none.
pub fn without_wasm_preload(html: &str) -> String {
    without_link(html, |rel, href| {
        rel == Some("preload") && href.is_some_and(|h| h.ends_with(".wasm"))
    })
}

/// The page without its first `<link>` whose `rel` and `href` `matches`; as it is when none does.
fn without_link(html: &str, matches: impl Fn(Option<&str>, Option<&str>) -> bool) -> String {
    let mut from = 0;
    while let Some(start) = html[from..].find("<link").map(|i| from + i) {
        let Some(end) = html[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let attrs = attributes(html[start + 5..end - 1].trim_end_matches('/'));
        let get = |key: &str| {
            attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        if matches(get("rel"), get("href")) {
            return format!("{}{}", &html[..start], &html[end..]);
        }
        from = end;
    }
    html.to_string()
}

/// What trunk's loader starts: the app's JavaScript and wasm, as the addresses it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loader {
    pub js: String,
    pub wasm: String,
}

/// trunk's loader in a page: the inline module script that imports the app's JavaScript and
/// instantiates its wasm, with where it starts and ends.
fn loader_script(html: &str) -> Option<(usize, usize, Loader)> {
    let mut from = 0;
    while let Some(start) = html[from..].find("<script").map(|i| from + i) {
        let end = start + html[start..].find("</script>")? + "</script>".len();
        let script = &html[start..end];
        if let (Some(js), Some(wasm)) = (
            literal_after(script, "from"),
            literal_after(script, "module_or_path:"),
        ) {
            if script.contains("import init") && wasm.ends_with(".wasm") {
                return Some((start, end, Loader { js, wasm }));
            }
        }
        from = end;
    }
    None
}

/// The string literal (any of JavaScript's three quotes) right after `key` in `code`.
fn literal_after(code: &str, key: &str) -> Option<String> {
    let rest = code[code.find(key)? + key.len()..].trim_start();
    let quote = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))?;
    let inside = &rest[1..];
    Some(inside[..inside.find(quote)?].to_string())
}

/// The addresses trunk's loader starts in this page, if it has one.
pub fn trunk_loader(html: &str) -> Option<Loader> {
    loader_script(html).map(|(_, _, loader)| loader)
}

/// Where trunk puts the JavaScript files the app's wasm imports (wasm-bindgen's snippets).
const SNIPPETS: &str = "/snippets/";

/// The page without trunk's loader: its inline script, the `modulepreload` of the app's
/// JavaScript and of the snippets it imports, and the preload of its wasm (a page of islands
/// loads them itself, later, if ever).
pub fn without_trunk_loader(html: &str) -> String {
    let Some((start, end, loader)) = loader_script(html) else {
        return html.to_string();
    };
    let page = format!("{}{}", &html[..start], &html[end..]);
    let mut page = page;
    loop {
        let fewer = without_link(&page, |rel, href| {
            rel == Some("modulepreload")
                && href.is_some_and(|href| href == loader.js || href.starts_with(SNIPPETS))
        });
        if fewer.len() == page.len() {
            break;
        }
        page = fewer;
    }
    without_wasm_preload(&page)
}

/// The value of attribute `name` in a tag's inside (`attrs` of `<tag attrs>`).
pub fn attribute(attrs: &str, name: &str) -> Option<String> {
    attributes(attrs)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// The attributes of a tag's inside, as (lower-case name, value).
fn attributes(inside: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = inside.trim_end_matches('/').chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let name: String =
            std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace() && *c != '=')).collect();
        if name.is_empty() {
            break;
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'=').is_some() {
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            match chars.peek().copied() {
                Some(q @ ('"' | '\'')) => {
                    chars.next();
                    value = std::iter::from_fn(|| chars.next_if(|c| *c != q)).collect();
                    chars.next();
                }
                _ => value = std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace())).collect(),
            }
        }
        out.push((name.to_ascii_lowercase(), value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wasm_preload_goes_whatever_its_quoting_and_nothing_else() {
        let head = "<link rel=modulepreload href=/v.js><link as=fetch href=/v_bg.wasm rel=preload><link rel=preload href=/f.woff2>";
        assert_eq!(
            without_wasm_preload(head),
            "<link rel=modulepreload href=/v.js><link rel=preload href=/f.woff2>"
        );
        let quoted = r#"<link rel="preload" href="/v_bg.wasm" as="fetch" /><title>"#;
        assert_eq!(without_wasm_preload(quoted), "<title>");
        assert_eq!(
            without_wasm_preload("<link rel=stylesheet>"),
            "<link rel=stylesheet>"
        );
    }

    #[test]
    fn trunk_s_loader_is_found_and_removed_whatever_its_quoting() {
        let minified = "<style>x</style><link rel=modulepreload href=/veille-a1.js><link crossorigin href=/snippets/veille-b2/public/share.js rel=modulepreload><link as=fetch href=/veille-a1_bg.wasm rel=preload type=application/wasm><script type=module>import init,*as bindings from\"/veille-a1.js\";const wasm=await init({module_or_path:`/veille-a1_bg.wasm`});window.wasmBindings=bindings;dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\",{detail:{wasm}}))</script><link rel=icon href=/favicon.svg>";
        assert_eq!(
            trunk_loader(minified),
            Some(Loader {
                js: "/veille-a1.js".into(),
                wasm: "/veille-a1_bg.wasm".into()
            })
        );
        assert_eq!(
            without_trunk_loader(minified),
            "<style>x</style><link rel=icon href=/favicon.svg>"
        );
        let plain = "<script type=\"module\">\nimport init, * as bindings from '/v.js';\nconst wasm = await init({ module_or_path: '/v_bg.wasm' });\n</script>";
        assert_eq!(
            trunk_loader(plain).map(|l| l.wasm),
            Some("/v_bg.wasm".into())
        );
        assert_eq!(without_trunk_loader(plain), "");
        // A page without it (or with other scripts only) is left as it is.
        let other = "<script type=application/ld+json>{\"from\": \"x\"}</script>";
        assert_eq!(trunk_loader(other), None);
        assert_eq!(without_trunk_loader(other), other);
    }

    #[test]
    fn a_meta_is_rewritten_in_place_whatever_its_quoting() {
        let minified = "<meta charset=utf-8><meta name=veille-content-api><meta content=8000 name=veille-content-timeout-ms>";
        let edited = set_meta(minified, "veille-content-api", "/api").unwrap();
        assert_eq!(
            edited,
            "<meta charset=utf-8><meta name=\"veille-content-api\" content=\"/api\"><meta content=8000 name=veille-content-timeout-ms>"
        );
        assert_eq!(
            meta_content(&edited, "veille-content-api").as_deref(),
            Some("/api")
        );
        let plain = "<meta content='https://old.example' name='veille-content-api' />";
        let edited = set_meta(plain, "veille-content-api", "a\"b").unwrap();
        assert_eq!(
            meta_content(&edited, "veille-content-api").as_deref(),
            Some("a&quot;b")
        );
        assert_eq!(set_meta(minified, "absente", "x"), None);
    }

    #[test]
    fn metas_are_read_from_minified_and_plain_html() {
        let minified = "<meta name=veille-content-api><meta content=8000 name=veille-content-timeout-ms><meta content=\"listmonk https://l.example a,b\" name=veille-newsletter>";
        assert_eq!(
            meta_content(minified, "veille-content-api").as_deref(),
            Some("")
        );
        assert_eq!(
            meta_content(minified, "veille-content-timeout-ms").as_deref(),
            Some("8000")
        );
        assert_eq!(
            meta_content(minified, "veille-newsletter").as_deref(),
            Some("listmonk https://l.example a,b")
        );
        let plain = "<meta name='veille-content-api' content='/api' />";
        assert_eq!(
            meta_content(plain, "veille-content-api").as_deref(),
            Some("/api")
        );
        assert_eq!(meta_content(plain, "absente"), None);
    }
}

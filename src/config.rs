//! The runtime configuration: what the page's `<meta>` tags say (the content source, where
//! signups go, their timeouts), read when the app starts, so that a built site is configured by
//! editing its HTML, never by recompiling. The modules that own each setting name their tags
//! (`content::API_META`, `newsletter::PROVIDER_META`…) and read them through here.

/// The `content` of the page's `<meta name="…">`. `None` outside a browser, or when the page
/// has no such tag.
pub fn meta(name: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&format!("meta[name='{name}']")).ok())
            .flatten()
            .and_then(|m| m.get_attribute("content"))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        None
    }
}

/// A timeout in milliseconds as a `<meta>` gives it: a whole positive number, spaces around it
/// allowed; anything else (absent, empty, zero, words) is `default`.
pub fn timeout_ms(text: Option<&str>, default: u32) -> u32 {
    text.and_then(|t| t.trim().parse::<u32>().ok())
        .filter(|&ms| ms > 0)
        .unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::timeout_ms;

    #[test]
    fn timeouts_are_whole_positive_milliseconds() {
        assert_eq!(timeout_ms(Some("5000"), 8000), 5000);
        assert_eq!(timeout_ms(Some(" 250 "), 8000), 250);
        for bad in [
            None,
            Some(""),
            Some("0"),
            Some("-1"),
            Some("non"),
            Some("1.5"),
        ] {
            assert_eq!(timeout_ms(bad, 8000), 8000, "{bad:?}");
        }
    }
}

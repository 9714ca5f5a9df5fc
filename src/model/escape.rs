//! Text made safe to write into markup, by the native build only (in the browser the DOM
//! escapes): each function for one place, with only the escapes that place needs, so that the
//! pages stay as small as they are.

/// Text inside an HTML element (a `<title>`): `&`, `<` and `>`.
pub fn text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A value inside a double-quoted HTML attribute: `&` and `"` (single quotes, as in a
/// Content-Security-Policy, stay as they are).
pub fn double_quoted(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;")
}

/// Text made safe inside XML (and HTML) elements and attributes.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and line breaks are not allowed in XML 1.0.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_place_gets_the_escapes_it_needs() {
        let raw = "R&D <b>\"l'IA\"</b>\u{7}";
        assert_eq!(text(raw), "R&amp;D &lt;b&gt;\"l'IA\"&lt;/b&gt;\u{7}");
        assert_eq!(double_quoted(raw), "R&amp;D <b>&quot;l'IA&quot;</b>\u{7}");
        assert_eq!(xml(raw), "R&amp;D &lt;b&gt;&quot;l&apos;IA&quot;&lt;/b&gt;");
    }
}

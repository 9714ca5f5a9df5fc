//! The site's addresses, every path a page links to, a share row names or the build writes,
//! made here from a slug or a page number, and the file each one is written to. The router's
//! patterns that match them are the app's (`src/routes.rs`), which checks each path here
//! against its pattern.

/// The route parameter holding an article's, a tag's or an author's slug.
pub const SLUG: &str = "slug";
/// The route parameter holding a page number (absent on a list's first page).
pub const PAGE: &str = "page";

/// The home page.
pub const HOME: &str = "/";
/// The about page.
pub const ABOUT: &str = "/a-propos";
/// The search page. Its address holds the search, so that it can be shared and back and
/// forward work: `/recherche?q=…&rubrique=…&tri=date` ([`search_param`]).
pub const SEARCH: &str = "/recherche";
/// The search page's parameters, as `public/search.js` reads them: the words, one tag's slug
/// (the filter), and the order (`date`, or relevance when absent).
pub mod search_param {
    pub const QUERY: &str = "q";
    pub const TAG: &str = "rubrique";
    pub const SORT: &str = "tri";
}
/// The designers' workshop (builds with the `styleguide` feature only; never indexed).
pub const STYLEGUIDE: &str = "/styleguide";

/// An article's page.
pub fn article(slug: &str) -> String {
    format!("/article/{slug}")
}

/// A tag's page (its first page).
pub fn tag(slug: &str) -> String {
    format!("/tag/{slug}")
}

/// An author's page (its first page).
pub fn author(slug: &str) -> String {
    format!("/auteur/{slug}")
}

/// Page `n` of the list at `base` (`/` or a tag's page), its head ([`HEAD`], `0`) at `base`
/// itself: the page number is in the path (`/page/2`, `/tag/sante/page/2`), so that each page
/// is a file of its own once prerendered (a static host cannot serve by query string).
pub fn page_href(base: &str, n: u32) -> String {
    if n == HEAD {
        base.to_string()
    } else {
        format!("{}/page/{n}", base.trim_end_matches('/'))
    }
}

/// A list's head, as [`page_number`] reads a path without a page.
pub const HEAD: u32 = 0;

/// What [`page_number`] reads from a segment that is no page's: never asked for.
pub const NO_PAGE: u32 = u32::MAX;

/// A path as the site names it: without a final slash (static hosts add one to folders), `/`
/// for the home.
pub fn canonical(path: &str) -> &str {
    match path.trim_end_matches('/') {
        "" => HOME,
        trimmed => trimmed,
    }
}

/// The page number in a route's `:page` segment: the head ([`HEAD`]) when absent, [`NO_PAGE`]
/// (hence the 404) when it is not a positive whole number.
pub fn page_number(segment: Option<&str>) -> u32 {
    match segment {
        None => HEAD,
        Some(raw) => raw.parse().ok().filter(|&n| n != HEAD).unwrap_or(NO_PAGE),
    }
}

/// The file a path is written to under `dist/`: `/` → `index.html`, `/a/b` → `a/b/index.html`,
/// which any static host serves at `/a/b` and `/a/b/`.
pub fn file_for(path: &str) -> String {
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        "index.html".into()
    } else {
        format!("{trimmed}/index.html")
    }
}

/// Percent-encodes `text` for a URL query value: everything but RFC 3986's unreserved
/// characters (letters, digits, `-._~`) becomes `%XX` of its UTF-8 bytes; a space is `%20`. The
/// share links' texts, and what the live reading asks a CMS (a key pasted with a stray `&` or
/// `#` stays one value, which the CMS refuses in French, instead of becoming other parameters).
pub fn query_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(HEX[usize::from(byte >> 4)] as char);
                out.push(HEX[usize::from(byte & 0xf)] as char);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_keep_only_unreserved_characters() {
        for (value, encoded) in [
            ("a-b_c.d~e", "a-b_c.d~e"),
            ("a b&c=d?e#f/g+h", "a%20b%26c%3Dd%3Fe%23f%2Fg%2Bh"),
            ("é", "%C3%A9"),
            ("’", "%E2%80%99"),
            ("\u{a0}", "%C2%A0"),
        ] {
            assert_eq!(query_value(value), encoded, "{value:?}");
        }
    }

    #[test]
    fn paths_from_slugs() {
        assert_eq!(article("sommet-de-seoul"), "/article/sommet-de-seoul");
        assert_eq!(tag("sante"), "/tag/sante");
    }

    #[test]
    fn a_path_with_or_without_its_final_slash_is_the_same_page() {
        for (path, canonical_path) in [
            ("/", "/"),
            ("", "/"),
            ("//", "/"),
            ("/tag/ia/", "/tag/ia"),
            ("/tag/ia", "/tag/ia"),
        ] {
            assert_eq!(canonical(path), canonical_path, "{path:?}");
        }
    }

    #[test]
    fn page_numbers_from_the_path() {
        assert_eq!(page_number(None), HEAD);
        assert_eq!(page_number(Some("2")), 2);
        for bad in ["", "0", "-1", "deux", "2.5", "99999999999"] {
            assert_eq!(page_number(Some(bad)), NO_PAGE, "{bad}");
        }
    }

    #[test]
    fn page_links_keep_the_first_page_plain() {
        assert_eq!(page_href(HOME, HEAD), "/");
        assert_eq!(page_href(&tag("sante"), HEAD), "/tag/sante");
        assert_eq!(page_href(HOME, 1), "/page/1");
        assert_eq!(page_href(HOME, 3), "/page/3");
        assert_eq!(page_href(&tag("sante"), 2), "/tag/sante/page/2");
    }

    #[test]
    fn each_path_has_its_file() {
        assert_eq!(file_for(HOME), "index.html");
        assert_eq!(file_for(ABOUT), "a-propos/index.html");
        assert_eq!(file_for(&article("x")), "article/x/index.html");
        assert_eq!(
            file_for("/tag/sante/page/2/"),
            "tag/sante/page/2/index.html"
        );
    }
}

//! Veille slugs for a CMS's posts and terms. WordPress keeps a non-ASCII slug percent-encoded
//! (`%c3%a9lections` for « élections »); Veille's are lower-case ASCII letters, digits and
//! dashes. The mapping is a function of the CMS slug alone, so that an article keeps its address
//! from one import to the next.

use crate::model::content::is_valid_slug;

/// The Veille slug for a CMS slug: percent-decoded, accents dropped (« é » → `e`, « œ » → `oe`),
/// lower case, anything else a dash, at most 200 characters cut at a dash. `None` when nothing
/// is left (a slug in another script): the caller names the post by its id.
pub fn from_cms(cms: &str) -> Option<String> {
    let decoded = percent_decode(cms);
    let mut out = String::with_capacity(decoded.len());
    for c in decoded.chars().map(lower) {
        match unaccent(c) {
            Some(plain) => out.push_str(plain),
            None if c.is_ascii_alphanumeric() => out.push(c),
            None => out.push('-'),
        }
    }
    let mut slug = String::with_capacity(out.len());
    for part in out.split('-').filter(|p| !p.is_empty()) {
        if slug.len() + part.len() + 1 > 200 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(part);
    }
    is_valid_slug(&slug).then_some(slug)
}

/// The Veille slug of a post or term with CMS slug `cms` and id `id`, from these two alone, so
/// that the browser, reading the CMS at run time with no table of the site, finds the same
/// address as the import did and can go back from it: a slug that is already a Veille slug
/// stays as it is (looked up by slug); one that had to change (accents written out, another
/// script dropped) gets its id after it (`elections-1234`, looked up by id), since the change
/// cannot be undone; one with nothing left is `article-<id>`.
pub fn for_post(cms: &str, id: &str) -> String {
    with_id(cms, id, "article")
}

/// The same for a category or tag: `theme-<id>` when nothing is left.
pub fn for_term(cms: &str, id: &str) -> String {
    with_id(cms, id, "theme")
}

fn with_id(cms: &str, id: &str, word: &str) -> String {
    match from_cms(cms) {
        Some(slug) if slug == cms => slug,
        Some(slug) if slug.len() + id.len() < 200 => format!("{slug}-{id}"),
        _ => format!("{word}-{id}"),
    }
}

/// The id at the end of a slug [`for_post`] made from an id, if it has one: the digits (a
/// WordPress id) or the 24 hexadecimal digits (a Ghost id) after its last dash.
pub fn id_in(slug: &str) -> Option<&str> {
    let (_, id) = slug.rsplit_once('-')?;
    let wordpress = !id.is_empty() && id.len() <= 20 && id.bytes().all(|b| b.is_ascii_digit());
    let ghost = id.len() == 24 && id.bytes().all(|b| b.is_ascii_hexdigit());
    (wordpress || ghost).then_some(id)
}

/// `%XX` sequences decoded as UTF-8; anything malformed kept as it is.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The lower case of an ASCII or Latin-1 letter (and of Œ, Ÿ); any other character as it is, to
/// be dropped: no Unicode case tables in the wasm for letters no slug keeps.
fn lower(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Œ' => 'œ',
        'Ÿ' => 'ÿ',
        _ => c,
    }
}

/// The ASCII letters a Latin letter with a diacritic is written with in a URL.
fn unaccent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
        'ç' => "c",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'î' | 'ï' | 'í' | 'ì' => "i",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'ø' => "o",
        'ù' | 'û' | 'ü' | 'ú' => "u",
        'ÿ' | 'ý' => "y",
        'ñ' => "n",
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::from_cms;

    #[test]
    fn plain_slugs_stay_as_they_are() {
        assert_eq!(
            from_cms("sommet-de-seoul").as_deref(),
            Some("sommet-de-seoul")
        );
    }

    #[test]
    fn percent_encoded_french_slugs_lose_their_accents_not_their_letters() {
        assert_eq!(
            from_cms("%c3%a9lections-europ%c3%a9ennes").as_deref(),
            Some("elections-europeennes")
        );
        assert_eq!(
            from_cms("c%C5%93ur-%C3%A0-l%E2%80%99ouvrage").as_deref(),
            Some("coeur-a-l-ouvrage")
        );
        assert_eq!(from_cms("Été 2024 !").as_deref(), Some("ete-2024"));
        assert_eq!(
            from_cms("ÉLECTIONS-Œuvre-ÀÇÑ-Ÿ").as_deref(),
            Some("elections-oeuvre-acn-y")
        );
    }

    #[test]
    fn a_slug_with_nothing_latin_left_is_none() {
        assert_eq!(from_cms("%d8%a7%d9%84%d8%b0%d9%83%d8%a7%d8%a1"), None);
        assert_eq!(from_cms("---"), None);
        assert_eq!(from_cms(""), None);
    }

    #[test]
    fn a_post_keeps_a_slug_it_can_be_found_by() {
        use super::{for_post, id_in};
        assert_eq!(for_post("sommet-de-seoul", "12"), "sommet-de-seoul");
        assert_eq!(for_post("ia-%e4%b8%8a%e6%b5%b7", "31"), "ia-31");
        assert_eq!(for_post("%c3%a9t%c3%a9", "7"), "ete-7");
        assert_eq!(for_post("%d8%a7%d9%84", "8"), "article-8");
        assert_eq!(super::for_term("%d8%a7%d9%84", "8"), "theme-8");
        let ghost = "65a1b2c3d4e5f60718293a4b";
        assert_eq!(for_post("Été", ghost), format!("ete-{ghost}"));
        // What was made from an id gives it back; a plain slug ending in a word gives none.
        assert_eq!(id_in("ia-31"), Some("31"));
        assert_eq!(id_in("article-8"), Some("8"));
        assert_eq!(id_in(&format!("ete-{ghost}")), Some(ghost));
        assert_eq!(id_in("sommet-de-seoul"), None);
        assert_eq!(id_in("breve"), None);
        assert_eq!(id_in("x-"), None);
    }

    #[test]
    fn long_slugs_are_cut_at_a_dash_and_stay_valid() {
        let long = "mot-".repeat(80);
        let slug = from_cms(&long).unwrap();
        assert!(slug.len() <= 200 && !slug.ends_with('-'), "{slug}");
        // Malformed escapes are kept as characters, never a panic.
        assert_eq!(from_cms("100%-ia%zz").as_deref(), Some("100-ia-zz"));
    }
}

//! Veille slugs for a CMS's posts and terms. WordPress keeps a non-ASCII slug percent-encoded
//! (`%c3%a9lections` for « élections »); Veille's are lower-case ASCII letters, digits and
//! dashes. The mapping is a function of the CMS slug alone, so that an article keeps its address
//! from one import to the next.

use crate::content::is_valid_slug;

/// The Veille slug for a CMS slug: percent-decoded, accents dropped (« é » → `e`, « œ » → `oe`),
/// lower case, anything else a dash, at most 200 characters cut at a dash. `None` when nothing
/// is left (a slug in another script): the caller names the post by its id.
pub fn from_cms(cms: &str) -> Option<String> {
    let decoded = percent_decode(cms);
    let mut out = String::with_capacity(decoded.len());
    for c in decoded.chars().flat_map(|c| c.to_lowercase()) {
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
    }

    #[test]
    fn a_slug_with_nothing_latin_left_is_none() {
        assert_eq!(from_cms("%d8%a7%d9%84%d8%b0%d9%83%d8%a7%d8%a1"), None);
        assert_eq!(from_cms("---"), None);
        assert_eq!(from_cms(""), None);
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

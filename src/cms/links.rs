//! Links and image addresses in a CMS's posts: a link to one of the site's own posts becomes
//! its Veille address (`/article/<slug>`), an image of the site's own is made absolute (it stays
//! on the CMS), anything else is kept when [`safe_href`] allows it.

use crate::model::content::safe_href;
use std::collections::BTreeMap;

/// The addresses of one CMS site.
pub struct SiteLinks {
    /// The CMS site's public address, without a final slash.
    home: String,
    /// The CMS's post slug (lower case, as its links spell it) → Veille slug.
    slugs: BTreeMap<String, String>,
}

impl SiteLinks {
    /// `slugs`: (CMS slug, Veille slug) of every post of the site.
    pub fn new(home: &str, slugs: impl IntoIterator<Item = (String, String)>) -> SiteLinks {
        // Inserted one by one: collecting into a map sorts first, and a sort's code weighs on
        // the wasm (the maps of this module never need one).
        let mut by_cms = BTreeMap::new();
        for (cms, veille) in slugs {
            by_cms.insert(cms.to_ascii_lowercase(), veille);
        }
        SiteLinks {
            home: home.trim_end_matches('/').to_string(),
            slugs: by_cms,
        }
    }

    /// What becomes of `href` in an article: a post of the site → its Veille page; a path of
    /// the site → absolute on the CMS; anything else kept if safe, dropped if not.
    pub fn link(&self, href: &str) -> Option<String> {
        let href = href.trim();
        let path = href
            .strip_prefix(&self.home)
            .filter(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
            .or_else(|| {
                href.strip_prefix('/')
                    .map(|_| href)
                    .filter(|h| !h.starts_with("//"))
            });
        if let Some(path) = path {
            let path = path.split(['?', '#']).next().unwrap_or_default();
            let segment = path.trim_matches('/');
            if let Some(slug) = self.slugs.get(&segment.to_ascii_lowercase()) {
                return Some(crate::model::paths::article(slug));
            }
            // An image or file of the site: absolute, so that it loads from the CMS.
            if href.starts_with('/') {
                return safe_href(&format!("{}{href}", self.home)).map(str::to_string);
            }
        }
        safe_href(href).map(|h| self.untracked(h))
    }

    /// An outbound link without the `ref=<this site>` Ghost adds to every one of them: the
    /// reader's click tells the other site nothing Veille did not choose to.
    fn untracked(&self, href: &str) -> String {
        // Ghost names the site by its host alone, without a port.
        let host = self
            .home
            .split("://")
            .nth(1)
            .and_then(|h| h.split([':', '/']).next())
            .unwrap_or_default();
        let Some((before, query)) = href.split_once('?') else {
            return href.to_string();
        };
        let (query, fragment) = query
            .split_once('#')
            .map_or((query, None), |(q, f)| (q, Some(f)));
        let kept: Vec<&str> = query
            .split('&')
            .filter(|pair| *pair != format!("ref={host}") && !pair.is_empty())
            .collect();
        let mut out = before.to_string();
        if !kept.is_empty() {
            out.push('?');
            out.push_str(&kept.join("&"));
        }
        if let Some(fragment) = fragment {
            out.push('#');
            out.push_str(fragment);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::SiteLinks;

    #[test]
    fn links_to_the_site_s_posts_lead_to_veille_the_rest_stays_if_safe() {
        let links = SiteLinks::new(
            "https://cms.example:8443/",
            [
                ("%C3%A9t%C3%A9".to_string(), "ete".to_string()),
                ("sante".into(), "sante".into()),
            ],
        );
        let site = "https://cms.example:8443";
        let cases = [
            (format!("{site}/sante/"), Some("/article/sante".to_string())),
            (
                format!("{site}/sante?utm=x#haut"),
                Some("/article/sante".into()),
            ),
            ("/sante/".into(), Some("/article/sante".into())),
            (
                format!("{site}/%c3%a9t%c3%a9/"),
                Some("/article/ete".into()),
            ),
            (
                "/wp-content/a.png".into(),
                Some(format!("{site}/wp-content/a.png")),
            ),
            (
                "https://cms.example.evil/sante/".into(),
                Some("https://cms.example.evil/sante/".into()),
            ),
            (
                "https://ailleurs.example/page".into(),
                Some("https://ailleurs.example/page".into()),
            ),
            // Ghost's outbound tag goes, the page's own query stays.
            (
                "https://www.cnil.fr/?ref=cms.example".into(),
                Some("https://www.cnil.fr/".into()),
            ),
            (
                "https://a.example/?q=1&ref=cms.example#x".into(),
                Some("https://a.example/?q=1#x".into()),
            ),
            (
                "https://a.example/?ref=autre.example".into(),
                Some("https://a.example/?ref=autre.example".into()),
            ),
            ("//ailleurs.example/x".into(), None),
            ("javascript:alert(1)".into(), None),
        ];
        for (href, expected) in cases {
            assert_eq!(links.link(&href), expected, "{href}");
        }
    }
}

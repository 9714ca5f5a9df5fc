//! Links and image addresses in a CMS's posts: a link to one of the site's own posts becomes
//! its Veille address (`/article/<slug>`), an image of the site's own is made absolute (it stays
//! on the CMS), anything else is kept when [`safe_href`] allows it.

use crate::content::safe_href;
use std::collections::HashMap;

/// The addresses of one CMS site.
pub struct SiteLinks {
    /// The CMS site's public address, without a final slash.
    home: String,
    /// The CMS's post slug (lower case, as its links spell it) → Veille slug.
    slugs: HashMap<String, String>,
}

impl SiteLinks {
    /// `slugs`: (CMS slug, Veille slug) of every post of the site.
    pub fn new(home: &str, slugs: impl IntoIterator<Item = (String, String)>) -> SiteLinks {
        SiteLinks {
            home: home.trim_end_matches('/').to_string(),
            slugs: slugs
                .into_iter()
                .map(|(cms, veille)| (cms.to_ascii_lowercase(), veille))
                .collect(),
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
                return Some(crate::routes::article(slug));
            }
            // An image or file of the site: absolute, so that it loads from the CMS.
            if href.starts_with('/') {
                return safe_href(&format!("{}{href}", self.home)).map(str::to_string);
            }
        }
        safe_href(href).map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::SiteLinks;

    #[test]
    fn links_to_the_site_s_posts_lead_to_veille_the_rest_stays_if_safe() {
        let links = SiteLinks::new(
            "https://cms.example/",
            [
                ("%C3%A9t%C3%A9".to_string(), "ete".to_string()),
                ("sante".into(), "sante".into()),
            ],
        );
        for (href, expected) in [
            ("https://cms.example/sante/", Some("/article/sante")),
            (
                "https://cms.example/sante?utm=x#haut",
                Some("/article/sante"),
            ),
            ("/sante/", Some("/article/sante")),
            ("https://cms.example/%c3%a9t%c3%a9/", Some("/article/ete")),
            (
                "/wp-content/uploads/a.png",
                Some("https://cms.example/wp-content/uploads/a.png"),
            ),
            (
                "https://cms.example.evil/sante/",
                Some("https://cms.example.evil/sante/"),
            ),
            (
                "https://ailleurs.example/page",
                Some("https://ailleurs.example/page"),
            ),
            ("//ailleurs.example/x", None),
            ("javascript:alert(1)", None),
        ] {
            assert_eq!(links.link(href).as_deref(), expected, "{href}");
        }
    }
}

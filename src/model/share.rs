//! Share links, as pure functions: every network a francophone reader uses, built from the
//! article's canonical URL (never from the address in the browser), every parameter
//! percent-encoded. Plain links: no script, no iframe, no request to anyone before a click.

use super::paths::query_value as encode;

/// A network, or e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Network {
    X,
    LinkedIn,
    Facebook,
    Bluesky,
    WhatsApp,
    Telegram,
    Email,
}

impl Network {
    pub const ALL: [Network; 7] = [
        Network::X,
        Network::LinkedIn,
        Network::Facebook,
        Network::Bluesky,
        Network::WhatsApp,
        Network::Telegram,
        Network::Email,
    ];

    /// The name readers know it by.
    pub fn name(self) -> &'static str {
        match self {
            Network::X => "X",
            Network::LinkedIn => "LinkedIn",
            Network::Facebook => "Facebook",
            Network::Bluesky => "Bluesky",
            Network::WhatsApp => "WhatsApp",
            Network::Telegram => "Telegram",
            Network::Email => "e-mail",
        }
    }

    /// The network of an identifier ([`Network::id`]), as `site.json` names a profile's.
    pub fn from_id(id: &str) -> Option<Network> {
        Network::ALL.into_iter().find(|n| n.id() == id)
    }

    /// How a profile's network, named in `site.json` by its identifier, is shown: the name
    /// readers know it by, or for a network this list lacks (`mastodon`, `threads`…) its
    /// identifier with a capital letter.
    pub fn display_name(id: &str) -> String {
        match Network::from_id(id) {
            Some(network) => network.name().to_string(),
            None => {
                let mut chars = id.chars();
                chars
                    .next()
                    .map(|first| first.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        }
    }

    /// A stable identifier, for CSS classes and tests.
    pub fn id(self) -> &'static str {
        match self {
            Network::X => "x",
            Network::LinkedIn => "linkedin",
            Network::Facebook => "facebook",
            Network::Bluesky => "bluesky",
            Network::WhatsApp => "whatsapp",
            Network::Telegram => "telegram",
            Network::Email => "email",
        }
    }

    /// The link's accessible name: « Partager sur LinkedIn », « Envoyer par e-mail ».
    pub fn label(self) -> String {
        match self {
            Network::Email => "Envoyer par e-mail".to_string(),
            other => format!("Partager sur {}", other.name()),
        }
    }
}

/// The share link of `network` for an article: its `title`, its `lead` (e-mail body) and its
/// canonical `url`.
pub fn share_url(network: Network, title: &str, lead: &str, url: &str) -> String {
    ShareText::new(title, lead, url).url(network)
}

/// An article's texts percent-encoded once, for the links of every network.
pub struct ShareText {
    title: String,
    url: String,
    title_and_url: String,
    email_body: String,
}

impl ShareText {
    pub fn new(title: &str, lead: &str, url: &str) -> ShareText {
        ShareText {
            title: encode(title),
            url: encode(url),
            title_and_url: encode(&format!("{title} {url}")),
            // RFC 6068: line breaks in a body are CRLF.
            email_body: encode(&format!("{lead}\r\n\r\n{url}")),
        }
    }

    /// The share link of `network`.
    pub fn url(&self, network: Network) -> String {
        let ShareText {
            title: t,
            url: u,
            title_and_url,
            email_body,
        } = self;
        match network {
            Network::X => format!("https://x.com/intent/tweet?text={t}&url={u}"),
            Network::LinkedIn => {
                format!("https://www.linkedin.com/sharing/share-offsite/?url={u}")
            }
            Network::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
            Network::Bluesky => format!("https://bsky.app/intent/compose?text={title_and_url}"),
            Network::WhatsApp => format!("https://wa.me/?text={title_and_url}"),
            Network::Telegram => format!("https://t.me/share/url?url={u}&text={t}"),
            Network::Email => format!("mailto:?subject={t}&body={email_body}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_networks_are_named_as_readers_know_them() {
        assert_eq!(Network::display_name("linkedin"), "LinkedIn");
        assert_eq!(Network::display_name("bluesky"), "Bluesky");
        assert_eq!(Network::display_name("mastodon"), "Mastodon");
        assert_eq!(Network::display_name(""), "");
    }

    const TITLE: &str = "« L’IA & moi » : #1, vraiment ? 🤖 Été";
    const LEAD: &str = "Un chapô : court & précis.";
    const URL: &str = "https://veille-ia.example/article/l-ia-et-moi";
    const T: &str = "%C2%AB%20L%E2%80%99IA%20%26%20moi%20%C2%BB%20%3A%20%231%2C%20vraiment%20%3F%20%F0%9F%A4%96%20%C3%89t%C3%A9";
    const U: &str = "https%3A%2F%2Fveille-ia.example%2Farticle%2Fl-ia-et-moi";

    #[test]
    fn a_title_is_encoded_whole() {
        assert_eq!(encode(TITLE), T);
    }

    /// Each network's address, as its own documentation spells its share intent: the title and
    /// the link encoded whole, the e-mail's body the lead then the link.
    #[test]
    fn each_network_gets_its_own_share_address() {
        let body = "Un%20chap%C3%B4%20%3A%20court%20%26%20pr%C3%A9cis.%0D%0A%0D%0A";
        for (network, want) in [
            (
                Network::X,
                format!("https://x.com/intent/tweet?text={T}&url={U}"),
            ),
            (
                Network::LinkedIn,
                format!("https://www.linkedin.com/sharing/share-offsite/?url={U}"),
            ),
            (
                Network::Facebook,
                format!("https://www.facebook.com/sharer/sharer.php?u={U}"),
            ),
            (
                Network::Bluesky,
                format!("https://bsky.app/intent/compose?text={T}%20{U}"),
            ),
            (Network::WhatsApp, format!("https://wa.me/?text={T}%20{U}")),
            (
                Network::Telegram,
                format!("https://t.me/share/url?url={U}&text={T}"),
            ),
            (
                Network::Email,
                format!("mailto:?subject={T}&body={body}{U}"),
            ),
        ] {
            assert_eq!(share_url(network, TITLE, LEAD, URL), want, "{network:?}");
        }
    }

    #[test]
    fn labels_are_french() {
        assert_eq!(Network::LinkedIn.label(), "Partager sur LinkedIn");
        assert_eq!(Network::Email.label(), "Envoyer par e-mail");
    }
}

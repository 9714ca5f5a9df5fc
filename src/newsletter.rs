//! The newsletter signup, without the view: e-mail validation, where subscriptions go (from the
//! runtime configuration), the request each provider wants, and what its answer means.

use crate::{
    french,
    http::{exchange, Request, Transport},
};
use serde::Deserialize;
use std::fmt;

/// The `<meta name>` saying where subscriptions go; empty or absent means the preview mode.
/// `listmonk <base URL> <list uuid>[,<list uuid>…]` or `json <URL>`.
pub const PROVIDER_META: &str = "veille-newsletter";
/// The `<meta name>` holding the timeout in milliseconds.
pub const TIMEOUT_META: &str = "veille-newsletter-timeout-ms";
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;

/// Where a subscription is sent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Provider {
    /// Not configured: every state works, nothing is sent, and the widget says so.
    #[default]
    Preview,
    /// listmonk: `POST {base}/api/public/subscription`.
    Listmonk {
        base: String,
        lists: Vec<String>,
        timeout_ms: u32,
    },
    /// Any endpoint taking `POST {url}` with `{"email", "source"}`.
    Json { url: String, timeout_ms: u32 },
}

/// The bodies sent, serialised straight from structs (no `serde_json::Value` in the wasm).
#[derive(serde::Serialize)]
struct ListmonkBody<'a> {
    email: &'a str,
    name: &'a str,
    list_uuids: &'a [String],
}

#[derive(serde::Serialize)]
struct JsonBody<'a> {
    email: &'a str,
    source: &'a str,
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Strings and lists of strings: serialising them cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}

/// Where the signup form posts when the app is not running (JavaScript off or not loaded yet),
/// as a plain HTML form: the address and the hidden fields to send with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormTarget {
    pub action: String,
    pub hidden: Vec<(&'static str, String)>,
}

impl Provider {
    /// The plain-HTML fallback of the form: listmonk's public form handler
    /// (`POST {base}/subscription/form`, one `l` field per list), or for a JSON endpoint the
    /// endpoint itself. The preview has none: its form posts nowhere.
    pub fn form_target(&self) -> Option<FormTarget> {
        match self {
            Provider::Preview => None,
            Provider::Listmonk { base, lists, .. } => Some(FormTarget {
                action: format!("{base}/subscription/form"),
                hidden: lists.iter().map(|uuid| ("l", uuid.clone())).collect(),
            }),
            Provider::Json { url, .. } => Some(FormTarget {
                action: url.clone(),
                hidden: Vec::new(),
            }),
        }
    }

    /// The provider the runtime configuration describes; anything unreadable is the preview.
    pub fn from_config(spec: Option<&str>, timeout: Option<&str>) -> Provider {
        let timeout_ms = timeout
            .and_then(|t| t.trim().parse::<u32>().ok())
            .filter(|&ms| ms > 0)
            .unwrap_or(DEFAULT_TIMEOUT_MS);
        let words: Vec<&str> = spec.unwrap_or_default().split_whitespace().collect();
        match words.as_slice() {
            ["listmonk", base, lists] => Provider::Listmonk {
                base: base.trim_end_matches('/').to_string(),
                lists: lists
                    .split(',')
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect(),
                timeout_ms,
            },
            ["json", url] => Provider::Json {
                url: url.to_string(),
                timeout_ms,
            },
            _ => Provider::Preview,
        }
    }

    /// Reads the configuration from the page's `<meta>` tags (browser only; elsewhere preview).
    pub fn from_document() -> Provider {
        Provider::from_config(
            crate::http::meta(PROVIDER_META).as_deref(),
            crate::http::meta(TIMEOUT_META).as_deref(),
        )
    }

    /// The request that subscribes `email`, coming from `source` (an article's slug, `accueil`);
    /// `None` in preview mode.
    pub fn request(&self, email: &str, source: &str) -> Option<Request> {
        match self {
            Provider::Preview => None,
            Provider::Listmonk {
                base,
                lists,
                timeout_ms,
            } => Some(Request {
                url: format!("{base}/api/public/subscription"),
                json_body: Some(to_json(&ListmonkBody {
                    email,
                    name: "",
                    list_uuids: lists,
                })),
                timeout_ms: *timeout_ms,
            }),
            Provider::Json { url, timeout_ms } => Some(Request {
                url: url.clone(),
                json_body: Some(to_json(&JsonBody { email, source })),
                timeout_ms: *timeout_ms,
            }),
        }
    }
}

/// A subscription that went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subscribed {
    /// The provider sent a confirmation e-mail (double opt-in).
    pub confirm: bool,
}

/// Why a subscription did not go through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubscribeError {
    /// The provider refused the address, with its reason when it gave one.
    Refused(Option<String>),
    AlreadySubscribed,
    /// The service answered with a server error.
    Unavailable(u16),
    Network,
    Timeout,
}

impl fmt::Display for SubscribeError {
    /// The message the reader sees, in French.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SubscribeError::Refused(Some(reason)) => write!(
                f,
                "L’inscription a été refusée\u{a0}: {}",
                french::typography(reason)
            ),
            SubscribeError::Refused(None) => f.write_str(
                "L’inscription a été refusée. Vérifiez l’adresse, puis réessayez.",
            ),
            SubscribeError::AlreadySubscribed => {
                f.write_str("Cette adresse est déjà inscrite à la lettre. Rien de plus à faire\u{a0}!")
            }
            SubscribeError::Unavailable(code) => write!(
                f,
                "Le service d’inscription est momentanément indisponible (erreur {code}). Réessayez dans un instant."
            ),
            SubscribeError::Network => f.write_str(
                "Impossible de joindre le service d’inscription. Vérifiez votre connexion, puis réessayez.",
            ),
            SubscribeError::Timeout => f.write_str(
                "Le service d’inscription met trop de temps à répondre. Réessayez dans un instant.",
            ),
        }
    }
}

#[derive(Deserialize)]
struct ListmonkOk {
    data: ListmonkData,
}

#[derive(Deserialize)]
struct ListmonkData {
    #[serde(default)]
    has_optin: bool,
}

#[derive(Deserialize)]
struct Message {
    message: Option<String>,
}

#[derive(Deserialize)]
struct JsonOk {
    #[serde(default, alias = "has_optin")]
    confirmation_required: bool,
}

/// What the provider's answer (`status`, `body`) means.
pub fn parse_answer(
    provider: &Provider,
    status: u16,
    body: &str,
) -> Result<Subscribed, SubscribeError> {
    match status {
        200..=299 => {
            let confirm = match provider {
                Provider::Listmonk { .. } => serde_json::from_str::<ListmonkOk>(body)
                    .map(|ok| ok.data.has_optin)
                    .unwrap_or(false),
                _ => serde_json::from_str::<JsonOk>(body)
                    .map(|ok| ok.confirmation_required)
                    .unwrap_or(false),
            };
            Ok(Subscribed { confirm })
        }
        409 => Err(SubscribeError::AlreadySubscribed),
        408 | 429 | 500..=599 => Err(SubscribeError::Unavailable(status)),
        _ => {
            let reason = serde_json::from_str::<Message>(body)
                .ok()
                .and_then(|m| m.message)
                .map(|m| m.trim().to_string())
                .filter(|m| !m.is_empty() && m.len() <= 300);
            Err(SubscribeError::Refused(reason))
        }
    }
}

/// Subscribes `email`: one request to the provider (none in preview mode).
pub async fn subscribe(
    provider: &Provider,
    email: &str,
    source: &str,
) -> Result<Subscribed, SubscribeError> {
    let Some(request) = provider.request(email, source) else {
        return Ok(Subscribed { confirm: true });
    };
    match exchange(request).await {
        Ok((status, body)) => parse_answer(provider, status, &body),
        Err(Transport::Timeout) => Err(SubscribeError::Timeout),
        Err(Transport::Network(_)) => Err(SubscribeError::Network),
    }
}

/// Why an address is not accepted, as the reader reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailError {
    Empty,
    TooLong,
    Invalid,
}

impl fmt::Display for EmailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EmailError::Empty => "Saisissez votre adresse e-mail.",
            EmailError::TooLong => "Cette adresse est trop longue (254\u{a0}caractères au plus).",
            EmailError::Invalid => {
                "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr."
            }
        })
    }
}

/// Checks an address the way a reader types it: surrounding spaces are dropped; accents are
/// welcome in the name part and in the domain; a domain needs a dot and a top-level part of two
/// letters or more. Returns the address to send.
pub fn validate_email(input: &str) -> Result<String, EmailError> {
    let email = input.trim();
    if email.is_empty() {
        return Err(EmailError::Empty);
    }
    if email.chars().count() > 254 {
        return Err(EmailError::TooLong);
    }
    let (local, domain) = email.rsplit_once('@').ok_or(EmailError::Invalid)?;
    let local_ok = !local.is_empty()
        && local.chars().count() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"\"(),:;<>@[\\]".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars().count() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    if local_ok && domain_ok {
        Ok(email.to_string())
    } else {
        Err(EmailError::Invalid)
    }
}

/// The pitch with its `{membres}` placeholder replaced by the member count, rounded down to the
/// thousand and written the French way: « plus de 18 000 membres ».
pub fn pitch(template: &str, members: Option<u64>) -> String {
    match members {
        Some(n) if n >= 1000 => template.replace("{membres}", &french::number(n / 1000 * 1000)),
        Some(n) => template.replace("{membres}", &french::number(n)),
        None => template
            .replace("plus de {membres}", "de nombreux")
            .replace("{membres}", "de nombreux"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_the_app_the_form_posts_to_the_provider() {
        let listmonk = Provider::from_config(Some("listmonk https://l.example/ a,b"), None);
        assert_eq!(
            listmonk.form_target(),
            Some(FormTarget {
                action: "https://l.example/subscription/form".into(),
                hidden: vec![("l", "a".into()), ("l", "b".into())],
            })
        );
        let json = Provider::from_config(Some("json https://api.example/inscription"), None);
        assert_eq!(
            json.form_target().map(|t| t.action),
            Some("https://api.example/inscription".into())
        );
        assert_eq!(Provider::Preview.form_target(), None);
    }

    #[test]
    fn valid_addresses() {
        for email in [
            "claire@exemple.fr",
            "prenom.nom+veille@exemple.co.uk",
            "hélène.dupré@exemple.fr",
            "élève@école.fr",
            "a@b.io",
            "  espaces.autour@exemple.fr  ",
            "o'brien@exemple.ie",
            "x_y-z@sous-domaine.exemple.org",
        ] {
            assert_eq!(
                validate_email(email),
                Ok(email.trim().to_string()),
                "{email}"
            );
        }
    }

    #[test]
    fn invalid_addresses() {
        let long = format!("{}@exemple.fr", "a".repeat(250));
        let cases: [(&str, EmailError); 16] = [
            ("", EmailError::Empty),
            ("   ", EmailError::Empty),
            ("claire", EmailError::Invalid),
            ("claire@", EmailError::Invalid),
            ("@exemple.fr", EmailError::Invalid),
            ("claire@exemple", EmailError::Invalid),
            ("claire@exemple.f", EmailError::Invalid),
            ("claire@exemple.123", EmailError::Invalid),
            ("claire dupont@exemple.fr", EmailError::Invalid),
            ("claire@exe mple.fr", EmailError::Invalid),
            ("claire@@exemple.fr", EmailError::Invalid),
            (".claire@exemple.fr", EmailError::Invalid),
            ("claire..dupont@exemple.fr", EmailError::Invalid),
            ("claire@-exemple.fr", EmailError::Invalid),
            ("claire@exemple..fr", EmailError::Invalid),
            (&long, EmailError::TooLong),
        ];
        for (email, expected) in cases {
            assert_eq!(validate_email(email), Err(expected), "{email}");
        }
        assert!(validate_email(&format!("{}@exemple.fr", "a".repeat(65))).is_err());
    }

    #[test]
    fn the_configuration_names_the_provider() {
        assert_eq!(Provider::from_config(None, None), Provider::Preview);
        assert_eq!(Provider::from_config(Some(""), None), Provider::Preview);
        assert_eq!(
            Provider::from_config(Some("mailchimp x"), None),
            Provider::Preview
        );
        assert_eq!(
            Provider::from_config(
                Some("listmonk https://lettre.example/ a-1,b-2"),
                Some("5000")
            ),
            Provider::Listmonk {
                base: "https://lettre.example".into(),
                lists: vec!["a-1".into(), "b-2".into()],
                timeout_ms: 5000
            }
        );
        assert_eq!(
            Provider::from_config(Some("json https://api.example/inscription"), Some("non")),
            Provider::Json {
                url: "https://api.example/inscription".into(),
                timeout_ms: DEFAULT_TIMEOUT_MS
            }
        );
    }

    #[test]
    fn request_bodies_per_provider() {
        let listmonk = Provider::from_config(Some("listmonk https://l.example uuid-1"), None);
        let request = listmonk.request("claire@exemple.fr", "accueil").unwrap();
        assert_eq!(request.url, "https://l.example/api/public/subscription");
        let body: serde_json::Value = serde_json::from_str(&request.json_body.unwrap()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"email": "claire@exemple.fr", "name": "", "list_uuids": ["uuid-1"]})
        );
        let json = Provider::from_config(Some("json https://api.example/s"), None);
        let request = json
            .request("claire@exemple.fr", "sommet-de-seoul")
            .unwrap();
        assert_eq!(request.url, "https://api.example/s");
        let body: serde_json::Value = serde_json::from_str(&request.json_body.unwrap()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"email": "claire@exemple.fr", "source": "sommet-de-seoul"})
        );
        assert!(Provider::Preview
            .request("claire@exemple.fr", "accueil")
            .is_none());
    }

    #[test]
    fn answers_are_understood() {
        let listmonk = Provider::from_config(Some("listmonk https://l.example u"), None);
        let json = Provider::from_config(Some("json https://api.example/s"), None);
        assert_eq!(
            parse_answer(&listmonk, 200, r#"{"data": {"has_optin": true}}"#),
            Ok(Subscribed { confirm: true })
        );
        assert_eq!(
            parse_answer(&listmonk, 200, r#"{"data": {"has_optin": false}}"#),
            Ok(Subscribed { confirm: false })
        );
        assert_eq!(
            parse_answer(&listmonk, 200, "pas du json"),
            Ok(Subscribed { confirm: false })
        );
        assert_eq!(
            parse_answer(&json, 201, ""),
            Ok(Subscribed { confirm: false })
        );
        assert_eq!(
            parse_answer(&json, 200, r#"{"confirmation_required": true}"#),
            Ok(Subscribed { confirm: true })
        );
        assert_eq!(
            parse_answer(&listmonk, 400, r#"{"message": "Invalid email."}"#),
            Err(SubscribeError::Refused(Some("Invalid email.".into())))
        );
        assert_eq!(
            parse_answer(&json, 422, "<html>"),
            Err(SubscribeError::Refused(None))
        );
        assert_eq!(
            parse_answer(&json, 409, ""),
            Err(SubscribeError::AlreadySubscribed)
        );
        assert_eq!(
            parse_answer(&json, 503, ""),
            Err(SubscribeError::Unavailable(503))
        );
        assert_eq!(
            parse_answer(&json, 429, ""),
            Err(SubscribeError::Unavailable(429))
        );
    }

    #[test]
    fn messages_are_french() {
        assert_eq!(
            SubscribeError::Refused(Some("Adresse refusée : domaine inconnu".into())).to_string(),
            "L’inscription a été refusée\u{a0}: Adresse refusée\u{a0}: domaine inconnu"
        );
        assert!(SubscribeError::Timeout
            .to_string()
            .contains("trop de temps"));
        assert!(SubscribeError::Network
            .to_string()
            .contains("Impossible de joindre"));
        assert!(SubscribeError::Unavailable(500)
            .to_string()
            .contains("indisponible"));
        assert!(SubscribeError::AlreadySubscribed
            .to_string()
            .contains("déjà inscrite"));
        assert_eq!(
            EmailError::Empty.to_string(),
            "Saisissez votre adresse e-mail."
        );
    }

    #[test]
    fn the_pitch_shows_the_member_count_in_french() {
        let t = "Rejoignez plus de {membres} membres.";
        assert_eq!(
            pitch(t, Some(18_400)),
            "Rejoignez plus de 18\u{202f}000 membres."
        );
        assert_eq!(
            pitch(t, Some(1_234_567)),
            "Rejoignez plus de 1\u{202f}234\u{202f}000 membres."
        );
        assert_eq!(pitch(t, Some(800)), "Rejoignez plus de 800 membres.");
        assert_eq!(pitch("Sans nombre.", Some(18_400)), "Sans nombre.");
        assert_eq!(pitch(t, None), "Rejoignez de nombreux membres.");
    }
}

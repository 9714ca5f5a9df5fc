//! The newsletter signup, without the view: e-mail validation, where subscriptions go (from the
//! runtime configuration), the request each provider wants, and what its answer means.

pub mod json;
pub mod signup;

use crate::{
    french,
    http::{exchange, Request, Transport},
};
use std::fmt;

/// The `<meta name>` saying where subscriptions go; empty or absent means the preview mode.
/// `listmonk <base URL> <list uuid>[,<list uuid>…]` or `json <URL>`, each optionally followed by
/// `fr` when the provider answers in French (its refusals are then shown as it words them).
pub const PROVIDER_META: &str = "veille-newsletter";
/// The `<meta name>` holding the timeout in milliseconds.
pub const TIMEOUT_META: &str = "veille-newsletter-timeout-ms";
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;

/// Where a subscription is sent. Serialized into the newsletter box's island props.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub enum Provider {
    /// Not configured: every state works, nothing is sent, and the widget says so.
    #[default]
    Preview,
    /// listmonk: `POST {base}/api/public/subscription`.
    Listmonk {
        base: String,
        lists: Vec<String>,
        timeout_ms: u32,
        /// Configured in French (listmonk's language setting): its messages may be shown.
        french: bool,
    },
    /// Any endpoint taking `POST {url}` with `{"email", "source"}`.
    Json {
        url: String,
        timeout_ms: u32,
        /// Its `message`s are written in French and may be shown to readers.
        french: bool,
    },
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
        let timeout_ms = crate::config::timeout_ms(timeout, DEFAULT_TIMEOUT_MS);
        let mut words: Vec<&str> = spec.unwrap_or_default().split_whitespace().collect();
        let french = words.last() == Some(&"fr") && words.len() > 2;
        if french {
            words.pop();
        }
        match words.as_slice() {
            ["listmonk", base, lists] => Provider::Listmonk {
                base: base.trim_end_matches('/').to_string(),
                lists: lists
                    .split(',')
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect(),
                timeout_ms,
                french,
            },
            ["json", url] => Provider::Json {
                url: url.to_string(),
                timeout_ms,
                french,
            },
            _ => Provider::Preview,
        }
    }

    /// Reads the configuration from the page's `<meta>` tags (browser only; elsewhere preview).
    pub fn from_document() -> Provider {
        Provider::from_config(
            crate::config::meta(PROVIDER_META).as_deref(),
            crate::config::meta(TIMEOUT_META).as_deref(),
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
                ..
            } => Some(Request {
                url: format!("{base}/api/public/subscription"),
                json_body: Some(json::object(&[
                    ("email", json::string(email)),
                    ("name", json::string("")),
                    ("list_uuids", json::strings(lists)),
                ])),
                timeout_ms: *timeout_ms,
                headers: &[],
            }),
            Provider::Json {
                url, timeout_ms, ..
            } => Some(Request {
                url: url.clone(),
                json_body: Some(json::object(&[
                    ("email", json::string(email)),
                    ("source", json::string(source)),
                ])),
                timeout_ms: *timeout_ms,
                headers: &[],
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
    /// The provider refused the subscription; what its answer says of why.
    Refused(Refusal),
    AlreadySubscribed,
    /// The service answered with a server error.
    Unavailable(u16),
    Network,
    Timeout,
}

/// Why a provider refused a subscription, as far as its answer tells. Providers answer in
/// their own language (listmonk in English unless configured otherwise): readers are told in
/// French what the known answers mean, and see a provider's own words only when it is
/// configured as speaking French.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The address itself (listmonk's « Invalid email. », a 422).
    Address,
    /// Addresses of that domain are not accepted (listmonk's domain blocklist).
    Domain,
    /// The signup is set up wrong on the site's side: no list, an unknown or private list, an
    /// endpoint that does not exist.
    Configuration,
    /// The provider's anti-bot check failed.
    Captcha,
    /// The provider's own words, from a provider configured as answering in French.
    Said(String),
    /// Nothing more precise.
    Unexplained,
}

impl Refusal {
    /// What a refusal with HTTP `status` and `message` (the answer's `message` field, if any)
    /// means. `french`: the provider answers in French, its words may be shown.
    pub fn of(status: u16, message: Option<&str>, french: bool) -> Refusal {
        let message = message.map(str::trim).filter(|m| !m.is_empty());
        if let Some(said) = message.filter(|m| french && m.chars().count() <= 300) {
            return Refusal::Said(said.to_string());
        }
        // listmonk's messages (its en.json, across versions), compared without case, spaces
        // or the final full stop.
        // ASCII case only: listmonk's messages are English, and Unicode case tables would
        // weigh 5 kB of wasm.
        let known = message.map(|m| {
            m.trim_end_matches('.')
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_ascii_lowercase()
        });
        match known.as_deref() {
            Some("invalid email" | "invalid e-mail" | "invalid email address") => Refusal::Address,
            Some("domain is blocklisted" | "domain blocklisted" | "domain is not allowed") => {
                Refusal::Domain
            }
            Some(
                "no valid lists selected"
                | "no lists given"
                | "no lists selected"
                | "invalid uuid"
                | "invalid list uuid"
                | "invalid name"
                | "invalid length for name"
                | "list not found",
            ) => Refusal::Configuration,
            Some("invalid captcha" | "captcha verification failed") => Refusal::Captcha,
            _ => match status {
                422 => Refusal::Address,
                401 | 403 | 404 | 405 => Refusal::Configuration,
                _ => Refusal::Unexplained,
            },
        }
    }
}

impl fmt::Display for SubscribeError {
    /// The message the reader sees, in French.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SubscribeError::Refused(Refusal::Said(reason)) => write!(
                f,
                "L’inscription a été refusée\u{a0}: {}",
                french::typography(reason)
            ),
            SubscribeError::Refused(Refusal::Address) => f.write_str(
                "Le service d’inscription n’accepte pas cette adresse. Vérifiez-la, puis réessayez.",
            ),
            SubscribeError::Refused(Refusal::Domain) => f.write_str(
                "Le service d’inscription n’accepte pas les adresses de ce domaine. Essayez avec une autre adresse.",
            ),
            SubscribeError::Refused(Refusal::Configuration) => f.write_str(
                "L’inscription est momentanément impossible, à cause d’un réglage de notre côté. Réessayez plus tard ou écrivez à la rédaction.",
            ),
            SubscribeError::Refused(Refusal::Captcha) => f.write_str(
                "La vérification anti-robot du service d’inscription a échoué. Réessayez.",
            ),
            SubscribeError::Refused(Refusal::Unexplained) => f.write_str(
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

/// What the provider's answer (`status`, `body`) means.
pub fn parse_answer(
    provider: &Provider,
    status: u16,
    body: &str,
) -> Result<Subscribed, SubscribeError> {
    match status {
        200..=299 => {
            let yes = |path: &[&str]| json::field(body, path) == Some(json::Found::Bool(true));
            let confirm = match provider {
                Provider::Listmonk { .. } => yes(&["data", "has_optin"]),
                _ => yes(&["confirmation_required"]) || yes(&["has_optin"]),
            };
            Ok(Subscribed { confirm })
        }
        409 => Err(SubscribeError::AlreadySubscribed),
        408 | 429 | 500..=599 => Err(SubscribeError::Unavailable(status)),
        _ => {
            let message = match json::field(body, &["message"]) {
                Some(json::Found::Text(text)) => Some(text),
                _ => None,
            };
            // listmonk answers a known subscriber with a 400 on some paths.
            let lower = message.as_deref().unwrap_or_default().to_ascii_lowercase();
            if lower.contains("already exists") || lower.contains("already subscribed") {
                return Err(SubscribeError::AlreadySubscribed);
            }
            let french = matches!(
                provider,
                Provider::Listmonk { french: true, .. } | Provider::Json { french: true, .. }
            );
            Err(SubscribeError::Refused(Refusal::of(
                status,
                message.as_deref(),
                french,
            )))
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
        Ok(answer) => parse_answer(provider, answer.status, &answer.body),
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
                timeout_ms: 5000,
                french: false,
            }
        );
        assert_eq!(
            Provider::from_config(Some("json https://api.example/inscription"), Some("non")),
            Provider::Json {
                url: "https://api.example/inscription".into(),
                timeout_ms: DEFAULT_TIMEOUT_MS,
                french: false,
            }
        );
        // A trailing `fr`: the provider answers in French.
        assert_eq!(
            Provider::from_config(Some("json https://api.example/inscription fr"), None),
            Provider::Json {
                url: "https://api.example/inscription".into(),
                timeout_ms: DEFAULT_TIMEOUT_MS,
                french: true,
            }
        );
        assert!(matches!(
            Provider::from_config(Some("listmonk https://l.example a fr"), None),
            Provider::Listmonk { french: true, ref lists, .. } if lists == &["a"]
        ));
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
            parse_answer(&json, 400, "<html>"),
            Err(SubscribeError::Refused(Refusal::Unexplained))
        );
        assert_eq!(
            parse_answer(&json, 422, "<html>"),
            Err(SubscribeError::Refused(Refusal::Address))
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
    fn a_provider_s_english_answers_become_french_messages() {
        let listmonk = Provider::from_config(Some("listmonk https://l.example u"), None);
        let json = Provider::from_config(Some("json https://api.example/s"), None);
        let refused =
            |provider: &Provider, status, body: &str| match parse_answer(provider, status, body) {
                Err(SubscribeError::Refused(why)) => Some(why),
                _ => None,
            };
        // listmonk's messages, as its versions word them.
        for (body, expected) in [
            (r#"{"message": "Invalid email."}"#, Refusal::Address),
            (r#"{"message": "invalid email"}"#, Refusal::Address),
            (r#"{"message": "Invalid e-mail"}"#, Refusal::Address),
            (r#"{"message": "Domain is blocklisted."}"#, Refusal::Domain),
            (
                r#"{"message": "No valid lists selected."}"#,
                Refusal::Configuration,
            ),
            (r#"{"message": "Invalid UUID"}"#, Refusal::Configuration),
            (
                r#"{"message": "Invalid length for name."}"#,
                Refusal::Configuration,
            ),
            (r#"{"message": "Invalid captcha."}"#, Refusal::Captcha),
            (
                r#"{"message": "Something we never heard of"}"#,
                Refusal::Unexplained,
            ),
            ("", Refusal::Unexplained),
        ] {
            assert_eq!(refused(&listmonk, 400, body), Some(expected), "{body}");
        }
        assert_eq!(
            parse_answer(&listmonk, 400, r#"{"message": "E-mail already exists."}"#),
            Err(SubscribeError::AlreadySubscribed)
        );
        // By status when the words say nothing known.
        assert_eq!(
            refused(&json, 404, "Not Found"),
            Some(Refusal::Configuration)
        );
        assert_eq!(
            refused(&json, 403, r#"{"message": "Forbidden"}"#),
            Some(Refusal::Configuration)
        );
        assert_eq!(
            refused(&json, 422, r#"{"message": "Unprocessable"}"#),
            Some(Refusal::Address)
        );
        // No English reaches the reader, whatever the provider says.
        for body in [
            r#"{"message": "Invalid email."}"#,
            r#"{"message": "Your request could not be processed"}"#,
            r#"{"message": "<script>x</script>"}"#,
        ] {
            for provider in [&listmonk, &json] {
                let shown = parse_answer(provider, 400, body).unwrap_err().to_string();
                assert!(
                    !shown.contains("Invalid")
                        && !shown.contains("request")
                        && !shown.contains('<'),
                    "{shown}"
                );
            }
        }
        // A provider configured as answering in French: its words are shown, typeset.
        let french = Provider::from_config(Some("json https://api.example/s fr"), None);
        assert_eq!(
            parse_answer(
                &french,
                400,
                r#"{"message": "Adresse refusée : domaine inconnu"}"#
            )
            .unwrap_err()
            .to_string(),
            "L’inscription a été refusée\u{a0}: Adresse refusée\u{a0}: domaine inconnu"
        );
        // …unless it says nothing.
        assert_eq!(
            refused(&french, 400, r#"{"message": " "}"#),
            Some(Refusal::Unexplained)
        );
    }

    #[test]
    fn messages_are_french() {
        for why in [
            Refusal::Address,
            Refusal::Domain,
            Refusal::Configuration,
            Refusal::Captcha,
            Refusal::Unexplained,
        ] {
            let message = SubscribeError::Refused(why).to_string();
            assert!(
                message.ends_with('.') && message.contains("inscription"),
                "{message}"
            );
        }
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

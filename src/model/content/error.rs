//! Why content could not be had, and what the reader is told.

use serde::{de::DeserializeOwned, Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::fmt;

/// Every way reading content can fail. Serialisable, so a prerendered page can carry it (read
/// back by the hand-written [`Deserialize`] below).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ContentError {
    /// No answer at all: offline, DNS, connection refused, CORS.
    Network { detail: String },
    /// The server took longer than the configured timeout.
    Timeout { after_ms: u32 },
    /// The server answered with an HTTP error other than 404.
    Status { code: u16 },
    /// The JSON could not be read: bad syntax or a value of the wrong type, at `path`.
    Malformed { path: String, detail: String },
    /// A required field is absent, at `path`.
    MissingField { field: String, path: String },
    /// A field holds a value the site cannot use (a slug that is not plain, two articles with
    /// the same slug, a site address that is not absolute), at `path`; `reason` says why, in
    /// French.
    Invalid { path: String, reason: String },
    /// No such article, tag or page.
    NotFound,
}

impl ContentError {
    /// Whether trying again may help (the page then offers « Réessayer »).
    pub fn is_retryable(&self) -> bool {
        match self {
            ContentError::Network { .. } | ContentError::Timeout { .. } => true,
            ContentError::Status { code } => *code >= 500 || *code == 408 || *code == 429,
            // A truncated or garbled answer from a proxy may come out right the next time.
            ContentError::Malformed { .. } => true,
            ContentError::MissingField { .. }
            | ContentError::Invalid { .. }
            | ContentError::NotFound => false,
        }
    }
}

/// Reads what the derived `Serialize` writes (`"NotFound"`, `{"Status":{"code":503}}`) through a
/// JSON value, which the app reads anyway, rather than through serde's derived reader: for seven
/// variants with fields, that one is a visitor per variant and per field name, compiled for
/// each reader of JSON (docs/performance.md, « The wasm's serde »).
impl<'de> Deserialize<'de> for ContentError {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(de)?;
        from_value(&value).ok_or_else(|| serde::de::Error::custom("erreur de contenu illisible"))
    }
}

fn from_value(value: &Value) -> Option<ContentError> {
    if value.as_str() == Some("NotFound") {
        return Some(ContentError::NotFound);
    }
    let object = value.as_object().filter(|o| o.len() == 1)?;
    let (variant, fields) = object.iter().next()?;
    let text = |name: &str| fields.get(name)?.as_str().map(str::to_string);
    let whole = |name: &str| fields.get(name)?.as_u64();
    Some(match variant.as_str() {
        "Network" => ContentError::Network {
            detail: text("detail")?,
        },
        "Timeout" => ContentError::Timeout {
            after_ms: whole("after_ms")?.try_into().ok()?,
        },
        "Status" => ContentError::Status {
            code: whole("code")?.try_into().ok()?,
        },
        "Malformed" => ContentError::Malformed {
            path: text("path")?,
            detail: text("detail")?,
        },
        "MissingField" => ContentError::MissingField {
            field: text("field")?,
            path: text("path")?,
        },
        "Invalid" => ContentError::Invalid {
            path: text("path")?,
            reason: text("reason")?,
        },
        "NotFound" if fields.is_null() => ContentError::NotFound,
        _ => return None,
    })
}

impl fmt::Display for ContentError {
    /// The message a reader sees, in French.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentError::Network { .. } => f.write_str(
                "Impossible de joindre le serveur de contenus. Vérifiez votre connexion, puis réessayez.",
            ),
            ContentError::Timeout { after_ms } => write!(
                f,
                "Le serveur de contenus n’a pas répondu à temps (au-delà de {}). Réessayez dans un instant.",
                duration_fr(*after_ms)
            ),
            ContentError::Status { code } if *code >= 500 => write!(
                f,
                "Le serveur de contenus rencontre une difficulté (erreur {code}). Réessayez dans un instant."
            ),
            ContentError::Status { code } => write!(
                f,
                "Le serveur de contenus a refusé la demande (erreur {code})."
            ),
            ContentError::Malformed { path, .. } => write!(
                f,
                "Les données reçues sont illisibles (à l’emplacement «\u{a0}{}\u{a0}»).",
                display_path(path)
            ),
            ContentError::MissingField { field, path } => write!(
                f,
                "Les données reçues sont incomplètes\u{a0}: le champ «\u{a0}{field}\u{a0}» manque (à l’emplacement «\u{a0}{}\u{a0}»).",
                display_path(path)
            ),
            ContentError::Invalid { path, reason } => write!(
                f,
                "Les données reçues sont invalides\u{a0}: {reason} (à l’emplacement «\u{a0}{}\u{a0}»).",
                display_path(path)
            ),
            ContentError::NotFound => f.write_str("Cette page n’existe pas."),
        }
    }
}

impl ContentError {
    /// The message for an editor checking files: what a reader would see, and for unreadable
    /// JSON the parser's own detail (line, column, what it expected).
    pub fn for_editors(&self) -> String {
        match self {
            ContentError::Malformed { detail, .. } => format!("{self} Détail\u{a0}: {detail}"),
            _ => self.to_string(),
        }
    }
}

fn display_path(path: &str) -> &str {
    if path.is_empty() || path == "." {
        "racine"
    } else {
        path
    }
}

fn duration_fr(ms: u32) -> String {
    if ms.is_multiple_of(1000) {
        let s = ms / 1000;
        format!("{s}\u{a0}seconde{}", if s > 1 { "s" } else { "" })
    } else {
        format!("{ms}\u{a0}ms")
    }
}

/// Parses JSON into `T`, turning serde's error into a typed one that names the field and
/// where it is: its path in native tools (`body[3].alt`, for editors checking files), its line
/// and column in the browser (tracking the path doubles the parsing code of every content type
/// in the wasm).
pub fn parse_json<T: DeserializeOwned>(json: &str) -> Result<T, ContentError> {
    // Tracking the path makes parsing about twice as slow: valid files (nearly all of them) are
    // parsed without it, and only a file that fails is read again to say where.
    #[cfg(not(target_arch = "wasm32"))]
    let parsed = serde_json::from_str(json).map_err(|_| {
        let de = &mut serde_json::Deserializer::from_str(json);
        match serde_path_to_error::deserialize::<_, T>(de) {
            Err(err) => (err.path().to_string(), err.into_inner()),
            // Cannot happen (the same parser on the same text); say so rather than panic.
            Ok(_) => (
                String::new(),
                serde::de::Error::custom("parsed only on the second reading"),
            ),
        }
    });
    #[cfg(target_arch = "wasm32")]
    let parsed = serde_json::from_str(json).map_err(|err| {
        let at = format!("ligne {}, colonne {}", err.line(), err.column());
        (at, err)
    });
    parsed.map_err(|(path, inner)| {
        let detail = inner.to_string();
        match missing_field(&detail) {
            Some(field) => ContentError::MissingField {
                field: field.to_string(),
                path,
            },
            None => ContentError::Malformed { path, detail },
        }
    })
}

/// serde's "missing field `title` at line 3 column 1" → `title`.
fn missing_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("missing field `")?;
    rest.split('`').next()
}

#[cfg(test)]
mod tests {
    use super::ContentError;

    #[test]
    fn every_error_reads_back_as_written() {
        let all = [
            ContentError::Network {
                detail: "refusé « x »".into(),
            },
            ContentError::Timeout { after_ms: 8_000 },
            ContentError::Status { code: 503 },
            ContentError::Malformed {
                path: "body[3]".into(),
                detail: "expected `,`".into(),
            },
            ContentError::MissingField {
                field: "title".into(),
                path: "articles/x.json".into(),
            },
            ContentError::Invalid {
                path: "slug".into(),
                reason: "pas un slug".into(),
            },
            ContentError::NotFound,
        ];
        for error in all {
            let json = serde_json::to_string(&error).unwrap();
            assert_eq!(
                serde_json::from_str::<ContentError>(&json).unwrap(),
                error,
                "{json}"
            );
            // And inside what a resource carries.
            let result: Result<u8, ContentError> = Err(error.clone());
            let json = serde_json::to_string(&result).unwrap();
            let back: Result<u8, ContentError> = serde_json::from_str(&json).unwrap();
            assert_eq!(back, Err(error));
        }
        assert_eq!(
            serde_json::from_str::<ContentError>(r#"{"NotFound":null}"#).unwrap(),
            ContentError::NotFound
        );
    }

    #[test]
    fn anything_else_is_refused() {
        for json in [
            r#""Perdu""#,
            r#"{"Status":{"code":"503"}}"#,
            r#"{"Status":{"code":70000}}"#,
            r#"{"Timeout":{}}"#,
            r#"{"Network":{"detail":"a"},"Status":{"code":500}}"#,
            r#"{"NotFound":{"x":1}}"#,
            "[]",
            "12",
        ] {
            assert!(
                serde_json::from_str::<ContentError>(json).is_err(),
                "{json}"
            );
        }
    }
}

//! Why an import stopped, by kind: what a reader of the log is told (in French, [`Display`]),
//! and whether trying again later may help, which a tool that imports on its own (a cron job,
//! a watcher) needs to know. Whatever the kind, the content directory is left as it was.

use std::fmt::{self, Display};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// No answer: the CMS is down, out of reach or too slow.
    Unreachable(String),
    /// The CMS answered with an error status, or refused the key.
    Refused { status: u16, message: String },
    /// An answer that is not what the API gives: not JSON, not a list, not this CMS.
    Unreadable(String),
    /// What the CMS publishes does not pass Veille's checks (a slug, two articles alike).
    Invalid(String),
    /// The content directory could not be read or written.
    Files(String),
}

impl ImportError {
    /// Whether the same import may succeed later without anyone changing anything: the CMS
    /// was out of reach, or answered with a server error or « too many requests ».
    pub fn is_retryable(&self) -> bool {
        match self {
            ImportError::Unreachable(_) => true,
            ImportError::Refused { status, .. } => *status >= 500 || *status == 429,
            ImportError::Unreadable(_) | ImportError::Invalid(_) | ImportError::Files(_) => false,
        }
    }
}

impl Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Unreachable(message)
            | ImportError::Refused { message, .. }
            | ImportError::Unreadable(message)
            | ImportError::Invalid(message)
            | ImportError::Files(message) => f.write_str(message),
        }
    }
}

impl From<ImportError> for String {
    fn from(error: ImportError) -> String {
        error.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::ImportError::*;

    #[test]
    fn only_what_may_pass_later_is_retried() {
        let refused = |status| Refused {
            status,
            message: String::new(),
        };
        assert!(Unreachable("a".into()).is_retryable());
        assert!(refused(503).is_retryable() && refused(429).is_retryable());
        assert!(!refused(401).is_retryable() && !refused(404).is_retryable());
        for fatal in [
            Unreadable("a".into()),
            Invalid("a".into()),
            Files("a".into()),
        ] {
            assert!(!fatal.is_retryable());
        }
        assert_eq!(
            Files("dossier\u{a0}: refusé".into()).to_string(),
            "dossier\u{a0}: refusé"
        );
    }
}

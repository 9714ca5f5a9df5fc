//! Why an import stopped, by kind: what a reader of the log is told (in French, [`Display`]),
//! and whether trying again later may help, which a tool that imports on its own (a cron job,
//! a watcher) needs to know. Whatever the kind, the content directory is left as it was.

use crate::model::{content::LoadError, files::FileError};
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
    Files(FileError),
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
            | ImportError::Invalid(message) => f.write_str(message),
            ImportError::Files(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for ImportError {}

crate::model::wrap_errors!(ImportError {
    FileError => Files,
});

/// The content directory as the last import left it: a file that cannot be read, or one that
/// no longer passes the checks (edited by hand since).
impl From<LoadError> for ImportError {
    fn from(error: LoadError) -> Self {
        match error {
            LoadError::File(error) => ImportError::Files(error),
            content @ LoadError::Content { .. } => ImportError::Invalid(content.to_string()),
        }
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
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let files = Files(crate::model::files::FileError::io(
            std::path::Path::new("contenu"),
            crate::model::files::Doing::List,
            &denied,
        ));
        for fatal in [Unreadable("a".into()), Invalid("a".into()), files.clone()] {
            assert!(!fatal.is_retryable());
        }
        assert_eq!(
            files.to_string(),
            "contenu\u{a0}: impossible de lire le dossier (permission refusée)"
        );
    }
}

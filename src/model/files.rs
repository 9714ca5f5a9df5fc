//! Why a native tool could not read, write or remove a file: which file, what it was doing and
//! the system's reason, said in French (the standard library says it in English), for a log
//! that an editor or a technical lead reads. Native tools only, like [`super::output`].

use std::{
    fmt::{self, Display},
    io::{self, ErrorKind},
    path::{Path, PathBuf},
};

/// What a tool was doing with a file when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doing {
    Read,
    Write,
    /// Creating a folder.
    Create,
    Remove,
    /// Listing a folder.
    List,
    /// Putting a new copy in place of a file.
    Replace,
}

impl Doing {
    fn verb(self) -> &'static str {
        match self {
            Doing::Read => "impossible de lire le fichier",
            Doing::Write => "impossible d’écrire le fichier",
            Doing::Create => "impossible de créer le dossier",
            Doing::Remove => "impossible de supprimer le fichier",
            Doing::List => "impossible de lire le dossier",
            Doing::Replace => "impossible de remplacer le fichier",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// The system refused or failed.
    Io {
        path: PathBuf,
        doing: Doing,
        kind: ErrorKind,
        /// The system's own error number, said when its kind has no French words here.
        code: Option<i32>,
    },
    /// A file that a build would write outside its output folder, refused before anything was
    /// written ([`super::output::unsafe_name`], or a link in the folder leading elsewhere).
    Outside {
        dir: PathBuf,
        name: String,
        why: &'static str,
    },
}

impl FileError {
    pub fn io(path: &Path, doing: Doing, error: &io::Error) -> FileError {
        FileError::Io {
            path: path.to_path_buf(),
            doing,
            kind: error.kind(),
            code: error.raw_os_error(),
        }
    }

    /// For `map_err`: `fs::read(&path).map_err(FileError::at(&path, Doing::Read))`.
    pub fn at(path: &Path, doing: Doing) -> impl FnOnce(io::Error) -> FileError + '_ {
        move |error| FileError::io(path, doing, &error)
    }
}

/// The system's reason for `kind` (and its error number `code`), in French.
pub fn reason(kind: ErrorKind, code: Option<i32>) -> String {
    let said = match kind {
        ErrorKind::NotFound => "introuvable",
        ErrorKind::PermissionDenied => "permission refusée",
        ErrorKind::AlreadyExists => "existe déjà",
        ErrorKind::StorageFull => "disque plein",
        ErrorKind::QuotaExceeded => "quota dépassé",
        ErrorKind::ReadOnlyFilesystem => "système de fichiers en lecture seule",
        ErrorKind::IsADirectory => "c’est un dossier",
        ErrorKind::NotADirectory => "un élément du chemin n’est pas un dossier",
        ErrorKind::DirectoryNotEmpty => "dossier non vide",
        ErrorKind::InvalidData => "ce n’est pas du texte UTF-8",
        ErrorKind::FileTooLarge => "fichier trop grand",
        ErrorKind::InvalidFilename => "nom de fichier invalide",
        ErrorKind::AddrInUse => "adresse déjà utilisée",
        ErrorKind::AddrNotAvailable => "adresse indisponible sur cette machine",
        _ => {
            return match code {
                Some(code) => format!("erreur du système n°\u{a0}{code}"),
                None => "erreur d’entrée-sortie".to_string(),
            }
        }
    };
    said.to_string()
}

impl Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Io {
                path,
                doing,
                kind,
                code,
            } => write!(
                f,
                "{}\u{a0}: {} ({})",
                path.display(),
                doing.verb(),
                reason(*kind, *code)
            ),
            FileError::Outside { dir, name, why } => write!(
                f,
                "{}\u{a0}: écriture de {name:?} refusée, hors du dossier de sortie\u{a0}: {why}",
                dir.display()
            ),
        }
    }
}

impl std::error::Error for FileError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_s_reason_is_said_in_french_with_the_file() {
        let missing = Path::new("/nulle-part/site.json");
        let error = std::fs::read(missing).map_err(FileError::at(missing, Doing::Read));
        assert_eq!(
            error.unwrap_err().to_string(),
            "/nulle-part/site.json\u{a0}: impossible de lire le fichier (introuvable)"
        );
        let full = io::Error::from_raw_os_error(28);
        assert_eq!(
            FileError::io(Path::new("dist/a.html"), Doing::Write, &full).to_string(),
            "dist/a.html\u{a0}: impossible d’écrire le fichier (disque plein)"
        );
        // A kind without French words here: the system's number, never its English.
        let odd = io::Error::from_raw_os_error(71);
        assert!(FileError::io(Path::new("x"), Doing::Remove, &odd)
            .to_string()
            .ends_with("(erreur du système n°\u{a0}71)"));
    }
}

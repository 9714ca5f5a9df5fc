//! Why the prerender could not build a site or bring one up to date, by kind, said in French
//! ([`Display`]) for the build's log. Whatever the kind, each file of the site is whole: as it
//! was, or as the build made it.

use std::fmt::{self, Display};
use veille::model::{content::LoadError, files::FileError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildError {
    /// A file of the site, of trunk's output or of the content could not be read or written.
    File(FileError),
    /// The content directory: a file missing, or one that does not pass the checks.
    Content(LoadError),
    /// trunk's page, or a page an earlier build made from it, lacks what the prerender fills in
    /// (`index.html : pas de </head>`): not trunk's output, or edited since.
    Template(String),
    /// The list of the pages an earlier build wrote (`routes.json`) cannot be read: the site
    /// must be built whole once before it is brought up to date.
    List(String),
    /// Rendering a route panicked (a bug): its page is left as it was.
    Render { path: String },
}

impl Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::File(error) => error.fmt(f),
            BuildError::Content(error) => error.fmt(f),
            BuildError::Template(message) | BuildError::List(message) => f.write_str(message),
            BuildError::Render { path } => {
                write!(
                    f,
                    "{path}\u{a0}: le rendu de la page a échoué (une erreur du programme)"
                )
            }
        }
    }
}

impl std::error::Error for BuildError {}

veille::model::wrap_errors!(BuildError {
    FileError => File,
    LoadError => Content,
});

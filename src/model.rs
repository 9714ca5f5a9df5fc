//! The bottom layer of Veille: what the site is made of and how it is named, with no framework
//! and no I/O but the native tools' files. It imports nothing from the crate (tests/layers.rs).
//! The content model and its checks ([`content`]), the site's paths ([`paths`]), dates read as
//! seconds ([`dates`]), slugs made from a CMS's ([`slug`]), French formatting and typography
//! ([`french`]), images' sizes ([`images`]), share links ([`share`]), escaping for the native
//! writers ([`escape`]), JSON and files written ([`output`]), work shared over the cores
//! ([`parallel`]). Every layer above uses it: the CMS mapping ([`crate::cms`]), the app, the
//! build.

/// `wrap_errors!(Outer { Inner => Variant, … })`: each `impl From<Inner> for Outer`, which puts
/// the error in `Outer::Variant` (through its own `From` when the variant holds another type),
/// so that `?` carries an error up a stage with its kind. Exported: the build stage
/// (`veille-build`) wraps its errors with it too.
#[macro_export]
macro_rules! wrap_errors {
    ($outer:ident { $($inner:ty => $variant:ident),+ $(,)? }) => {
        $(
            impl From<$inner> for $outer {
                fn from(error: $inner) -> Self {
                    $outer::$variant(error.into())
                }
            }
        )+
    };
}
pub use crate::wrap_errors;

pub mod content;
pub mod dates;
pub mod escape;
/// Native tools only, like `output`.
pub mod files;
pub mod french;
pub mod images;
/// Native tools only (never called by the app, so not in its wasm).
pub mod output;
pub mod parallel;
pub mod paths;
pub mod share;
pub mod slug;

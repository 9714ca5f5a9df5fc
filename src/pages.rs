//! One file per route.

pub mod about;
pub mod article;
pub mod author;
pub mod home;
pub mod loading;
pub mod not_found;
pub mod search;
#[cfg(feature = "styleguide")]
pub mod styleguide;
pub mod tag;

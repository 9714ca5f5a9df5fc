//! One file per route; `loading` and `listing` are what several routes share.

pub mod about;
pub mod article;
pub mod author;
pub mod home;
pub mod listing;
pub mod loading;
pub mod not_found;
pub mod search;
#[cfg(feature = "styleguide")]
pub mod styleguide;
pub mod tag;

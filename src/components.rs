//! Widgets shared by several pages, one file each.

pub mod article_list;
pub mod footer;
pub mod header;

//! Widgets shared by several pages, one file each.

pub mod article_body;
pub mod article_list;
pub mod content_error;
pub mod footer;
pub mod head;
pub mod header;
pub mod listing;
pub mod newsletter;
pub mod page_heading;
pub mod pager;
pub mod picture;
pub mod search_form;
pub mod share;
pub mod specimen;

//! The JSON content API over HTTP: one GET through [`crate::http`], every failure turned into a
//! [`ContentError`].

use super::{error::parse_json, ContentError};
use crate::http::{exchange, Request, Transport};
use serde::de::DeserializeOwned;
use std::future::Future;

/// The largest answer the app parses: a page of the index or an article is a few kilobytes;
/// anything past this is a broken or hostile server, and parsing it would freeze a phone.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// GETs `url` and parses its JSON body. The returned future is `Send` (in the browser it only
/// ever runs on the one thread) so that it can feed a Leptos `Resource`.
pub fn get_json<T: DeserializeOwned + Send + 'static>(
    url: String,
    timeout_ms: u32,
) -> impl Future<Output = Result<T, ContentError>> + Send + 'static {
    send_wrapper::SendWrapper::new(async move {
        let request = Request {
            url,
            json_body: None,
            timeout_ms,
        };
        match exchange(request).await {
            Err(Transport::Timeout) => Err(ContentError::Timeout {
                after_ms: timeout_ms,
            }),
            Err(Transport::Network(detail)) => Err(ContentError::Network { detail }),
            Ok((200..=299, text)) if text.len() > MAX_BODY_BYTES => Err(ContentError::Malformed {
                path: String::new(),
                detail: format!("answer of {} bytes, over {MAX_BODY_BYTES}", text.len()),
            }),
            Ok((200..=299, text)) => parse_json(&text),
            Ok((404 | 410, _)) => Err(ContentError::NotFound),
            Ok((code, _)) => Err(ContentError::Status { code }),
        }
    })
}

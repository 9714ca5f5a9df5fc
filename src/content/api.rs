//! Content over HTTP: one GET through [`crate::http`], every failure turned into a
//! [`ContentError`]. Veille's own JSON API reads through [`get_json`]; a CMS read at run time
//! ([`super::live`]) through [`get`], which also gives the headers and leaves the statuses a CMS
//! answers in its own way to it.

use super::ContentError;
use crate::http::{exchange, Answer, Request, Transport};
use serde::de::DeserializeOwned;
use std::future::Future;

/// The largest answer the app parses: a page of the index or an article is a few kilobytes
/// (a CMS's page of posts with their bodies, a few hundred); anything past this is a broken or
/// hostile server, and parsing it would freeze a phone.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// GETs `url` and gives the answer of any status, with the `headers` asked for; no answer at
/// all, or one over [`MAX_BODY_BYTES`], is an error. The future is `Send` (in the browser it
/// only ever runs on the one thread) so that it can feed a Leptos `Resource`.
pub fn get(
    url: String,
    timeout_ms: u32,
    headers: &'static [&'static str],
) -> impl Future<Output = Result<Answer, ContentError>> + Send + 'static {
    send_wrapper::SendWrapper::new(async move {
        let request = Request {
            url,
            json_body: None,
            timeout_ms,
            headers,
        };
        match exchange(request).await {
            Err(Transport::Timeout) => Err(ContentError::Timeout {
                after_ms: timeout_ms,
            }),
            Err(Transport::Network(detail)) => Err(ContentError::Network { detail }),
            Ok(answer) if answer.body.len() > MAX_BODY_BYTES => Err(ContentError::Malformed {
                path: String::new(),
                detail: format!(
                    "answer of {} bytes, over {MAX_BODY_BYTES}",
                    answer.body.len()
                ),
            }),
            Ok(answer) => Ok(answer),
        }
    })
}

/// A 2xx answer's JSON (the CMS adapters read theirs alike).
pub use crate::cms::live::json_of;

/// GETs `url` and parses its JSON body ([`json_of`]).
pub fn get_json<T: DeserializeOwned + Send + 'static>(
    url: String,
    timeout_ms: u32,
) -> impl Future<Output = Result<T, ContentError>> + Send + 'static {
    let answer = get(url, timeout_ms, &[]);
    async move { json_of(&answer.await?) }
}

//! The JSON content API over HTTP (gloo-net): one GET with a timeout, cancelled when the page
//! that asked for it goes away, and every failure turned into a [`ContentError`].

use super::ContentError;
use serde::de::DeserializeOwned;
use std::future::Future;

/// GETs `url` and parses its JSON body. The returned future is `Send` (it only ever runs on the
/// browser's single thread) so that it can feed a Leptos `Resource`.
#[cfg(target_arch = "wasm32")]
pub fn get_json<T: DeserializeOwned + Send + 'static>(
    url: String,
    timeout_ms: u32,
) -> impl Future<Output = Result<T, ContentError>> + Send + 'static {
    send_wrapper::SendWrapper::new(browser::get_json(url, timeout_ms))
}

/// Outside a browser (native tests, the prerender step) there is no HTTP client: the API source
/// answers with a network error instead of panicking.
#[cfg(not(target_arch = "wasm32"))]
pub fn get_json<T: DeserializeOwned + Send + 'static>(
    url: String,
    _timeout_ms: u32,
) -> impl Future<Output = Result<T, ContentError>> + Send + 'static {
    std::future::ready(Err(ContentError::Network {
        detail: format!("no HTTP client outside the browser: {url}"),
    }))
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::super::{error::parse_json, ContentError};
    use gloo_net::http::Request;
    use leptos::prelude::on_cleanup;
    use send_wrapper::SendWrapper;
    use serde::de::DeserializeOwned;
    use std::{cell::Cell, rc::Rc};
    use wasm_bindgen::{closure::Closure, JsCast};

    pub async fn get_json<T: DeserializeOwned>(
        url: String,
        timeout_ms: u32,
    ) -> Result<T, ContentError> {
        let controller = web_sys::AbortController::new().map_err(|_| ContentError::Network {
            detail: "AbortController unavailable".into(),
        })?;
        let signal = controller.signal();

        // Cancel the request when the reader navigates away from the page that made it.
        let on_leave = SendWrapper::new(controller.clone());
        on_cleanup(move || on_leave.abort());

        // Cancel it too when it takes longer than the timeout, and remember why.
        let timed_out = Rc::new(Cell::new(false));
        let on_timeout = {
            let timed_out = timed_out.clone();
            let controller = controller.clone();
            Closure::once(move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let window = web_sys::window();
        let timer = window.as_ref().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                timeout_ms.min(i32::MAX as u32) as i32,
            )
            .ok()
        });

        let failed = |detail: String| {
            if timed_out.get() {
                ContentError::Timeout {
                    after_ms: timeout_ms,
                }
            } else {
                ContentError::Network { detail }
            }
        };
        let result = async {
            let response = Request::get(&url)
                .abort_signal(Some(&signal))
                .send()
                .await
                .map_err(|e| failed(e.to_string()))?;
            match response.status() {
                200..=299 => {}
                404 | 410 => return Err(ContentError::NotFound),
                code => return Err(ContentError::Status { code }),
            }
            let text = response.text().await.map_err(|e| failed(e.to_string()))?;
            parse_json(&text)
        }
        .await;

        if let (Some(window), Some(timer)) = (window, timer) {
            window.clear_timeout_with_handle(timer);
        }
        drop(on_timeout);
        result
    }
}

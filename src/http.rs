//! One HTTP exchange from the browser (gloo-net), shared by the content API and the newsletter:
//! a timeout, cancellation when the reactive owner that asked for it is cleaned up (the reader
//! left the page), and the status and body of the answer, whatever the status. [`Answer`] is
//! also what the native import's transport answers (`cms::import::Get`).

/// Why no answer came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transport {
    /// Offline, refused, blocked (CORS), cut.
    Network(String),
    /// Longer than the timeout: the request was cancelled.
    Timeout,
}

/// A request: GET when `json_body` is `None`, POST of that JSON otherwise.
pub struct Request {
    pub url: String,
    pub json_body: Option<String>,
    pub timeout_ms: u32,
    /// The response headers to read (WordPress counts its items in `X-WP-Total`).
    pub headers: &'static [&'static str],
}

/// What came back: the status, the body and the headers the request asked for, in its order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: String,
    pub headers: Vec<Option<String>>,
}

/// Sends `request` and returns the answer, whatever its status.
#[cfg(target_arch = "wasm32")]
pub async fn exchange(request: Request) -> Result<Answer, Transport> {
    use leptos::prelude::{on_cleanup, set_timeout_with_handle};
    use send_wrapper::SendWrapper;
    use std::{cell::Cell, rc::Rc, time::Duration};

    let Request {
        url,
        json_body,
        timeout_ms,
        headers,
    } = request;
    let controller = web_sys::AbortController::new()
        .map_err(|_| Transport::Network("AbortController unavailable".into()))?;
    let signal = controller.signal();

    // Cancel the request when the reader navigates away from the page that made it.
    let on_leave = SendWrapper::new(controller.clone());
    on_cleanup(move || on_leave.abort());

    // Cancel it too when it takes longer than the timeout, and remember why.
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let timed_out = timed_out.clone();
        let controller = controller.clone();
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            // setTimeout takes a signed 32-bit delay.
            Duration::from_millis(u64::from(timeout_ms.min(i32::MAX as u32))),
        )
        .ok()
    };
    let failed = |detail: String| {
        if timed_out.get() {
            Transport::Timeout
        } else {
            Transport::Network(detail)
        }
    };

    let result = async {
        let builder = match &json_body {
            None => gloo_net::http::Request::get(&url),
            Some(_) => {
                gloo_net::http::Request::post(&url).header("Content-Type", "application/json")
            }
        }
        .abort_signal(Some(&signal));
        let sent = match json_body {
            None => builder.send().await,
            Some(body) => match builder.body(body) {
                Ok(request) => request.send().await,
                Err(e) => Err(e),
            },
        };
        let response = sent.map_err(|e| failed(e.to_string()))?;
        let status = response.status();
        let read = headers
            .iter()
            .map(|name| response.headers().get(name))
            .collect();
        let body = response.text().await.map_err(|e| failed(e.to_string()))?;
        Ok(Answer {
            status,
            body,
            headers: read,
        })
    }
    .await;

    if let Some(timer) = timer {
        timer.clear();
    }
    result
}

/// Outside a browser (native tests, the prerender step) there is no HTTP client: every request
/// fails as a network error instead of panicking.
#[cfg(not(target_arch = "wasm32"))]
pub async fn exchange(request: Request) -> Result<Answer, Transport> {
    Err(Transport::Network(format!(
        "pas de client HTTP hors du navigateur\u{a0}: {}",
        request.url
    )))
}

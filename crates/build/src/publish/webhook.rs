//! The notifications that start a round at once (`veille-content watch --listen ADDR --secret
//! S`), on a small HTTP listener of its own:
//!
//! - `POST /ghost`: Ghost's webhooks (post published, edited, unpublished, deleted; tags),
//!   signed by Ghost in `X-Ghost-Signature`;
//! - `POST /wordpress`: the notifications of `tools/wordpress/veille-publication.php` (a
//!   plugin for `mu-plugins`: WordPress sends no webhooks of its own), signed alike in
//!   `X-Veille-Signature`;
//! - `GET /sante`: the watcher's health, as JSON, for monitoring.
//!
//! Both signatures are Ghost's scheme, `sha256=<hex>, t=<milliseconds>`: HMAC-SHA256, keyed by
//! the shared secret, of the body followed by the timestamp. Missing, wrong, or more than five
//! minutes away from now: refused (401) and said in the log. A notification names at most which
//! posts changed ([`Notice::posts`]), never what they say: the round reads those posts from the
//! CMS itself, so that a replayed or repeated one costs a round that finds the site current,
//! never a wrong page.

use sha2::{Digest, Sha256};
use std::{
    io::{BufRead, BufReader, Read, Write},
    net::{TcpListener, TcpStream},
    sync::{mpsc::Sender, Arc, Mutex},
    time::{Duration, SystemTime, UNIX_EPOCH},
};

/// How far a signature's time may be from now.
const TOLERANCE_MS: u64 = 5 * 60 * 1000;
/// The largest body read: a Ghost post with its HTML fits many times over.
const MAX_BODY: usize = 4 << 20;

/// HMAC-SHA256 (RFC 2104) of `message` keyed by `key`.
pub fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut block = [0u8; BLOCK];
    if key.len() > BLOCK {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block.map(|k| k ^ byte);
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

/// The signature a sender puts in its header for `body` at `timestamp_ms`.
pub fn sign(secret: &str, body: &[u8], timestamp_ms: u64) -> String {
    let mut message = body.to_vec();
    message.extend_from_slice(timestamp_ms.to_string().as_bytes());
    let mac = hmac_sha256(secret.as_bytes(), &message);
    let hex: String = mac.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256={hex}, t={timestamp_ms}")
}

/// Whether `header` signs `body` with `secret`, at a time within five minutes of `now_ms`;
/// else why not, in French.
pub fn verify(
    header: Option<&str>,
    body: &[u8],
    secret: &str,
    now_ms: u64,
) -> Result<(), &'static str> {
    let header = header.ok_or("signature absente")?;
    let mut hash = None;
    let mut time = None;
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("sha256", value)) => hash = Some(value.trim()),
            Some(("t", value)) => time = value.trim().parse::<u64>().ok(),
            _ => {}
        }
    }
    let (Some(hash), Some(time)) = (hash, time) else {
        return Err("signature illisible (attendu\u{a0}: sha256=…, t=…)");
    };
    if now_ms.abs_diff(time) > TOLERANCE_MS {
        return Err("signature périmée (plus de cinq minutes d’écart)");
    }
    let expected = sign(secret, body, time);
    let expected = expected
        .strip_prefix("sha256=")
        .and_then(|rest| rest.split(',').next())
        .unwrap_or_default();
    // Compared in constant time: how long it takes says nothing of how much was right.
    let same = hash.len() == expected.len()
        && hash
            .bytes()
            .zip(expected.bytes())
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0;
    if same {
        Ok(())
    } else {
        Err("signature fausse")
    }
}

/// One HTTP request, as much of it as the listener reads.
#[derive(Debug, Default)]
pub struct Request {
    pub method: String,
    pub path: String,
    /// Names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Why a request was not read whole, in French ([`std::fmt::Display`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadRequest {
    /// No request line, or not text.
    Unreadable,
    /// Headers cut short or not text.
    Headers,
    /// A body longer than [`MAX_BODY`], in bytes.
    TooLong(usize),
    /// Fewer bytes than `Content-Length` said, or none in time.
    Incomplete,
}

impl std::fmt::Display for BadRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BadRequest::Unreadable => f.write_str("requête illisible"),
            BadRequest::Headers => f.write_str("en-têtes illisibles"),
            BadRequest::TooLong(length) => write!(f, "corps trop long ({length} octets)"),
            BadRequest::Incomplete => f.write_str("corps incomplet"),
        }
    }
}

/// Reads one request (HTTP/1.x, a body of `Content-Length` bytes at most [`MAX_BODY`]).
pub fn read_request(stream: impl Read) -> Result<Request, BadRequest> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader
        .read_line(&mut line)
        .map_err(|_| BadRequest::Unreadable)?;
    let mut words = line.split_whitespace();
    let (Some(method), Some(target)) = (words.next(), words.next()) else {
        return Err(BadRequest::Unreadable);
    };
    let mut request = Request {
        method: method.to_string(),
        path: target.split('?').next().unwrap_or(target).to_string(),
        ..Request::default()
    };
    loop {
        line.clear();
        reader
            .read_line(&mut line)
            .map_err(|_| BadRequest::Headers)?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            request
                .headers
                .push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    let length: usize = request
        .header("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if length > MAX_BODY {
        return Err(BadRequest::TooLong(length));
    }
    request.body = vec![0; length];
    reader
        .read_exact(&mut request.body)
        .map_err(|_| BadRequest::Incomplete)?;
    Ok(request)
}

/// A signed notification, as the watcher gets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Its sender and what it says happened, for the log.
    pub said: String,
    /// The CMS's ids of the posts it names, when it names only posts: the round reads those
    /// alone. `None` (a theme changed, a payload without ids): the whole listing.
    pub posts: Option<Vec<String>>,
}

impl Notice {
    /// Several notices close together, as one round reads them: every post they name, or the
    /// whole listing as soon as one of them asks for it.
    pub fn merge(notices: &[Notice]) -> Option<Vec<String>> {
        let mut posts: Vec<String> = Vec::new();
        for notice in notices {
            for id in notice.posts.as_ref()? {
                if !posts.contains(id) {
                    posts.push(id.clone());
                }
            }
        }
        Some(posts)
    }
}

/// What the listener makes of a request.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// A notification, signed: a round now. Its sender, what it says happened, and the posts
    /// it names ([`Notice::posts`]).
    Notified {
        sender: &'static str,
        event: String,
        posts: Option<Vec<String>>,
    },
    /// Refused, and why (answered 401, or 404 for an unknown path).
    Refused { status: u16, why: String },
    /// `GET /sante`.
    Health,
}

/// Judges `request` against the shared `secret`, at `now_ms`.
pub fn judge(request: &Request, secret: &str, now_ms: u64) -> Verdict {
    let (sender, header) = match (request.method.as_str(), request.path.as_str()) {
        ("GET", "/sante") => return Verdict::Health,
        ("POST", "/ghost") => ("Ghost", "x-ghost-signature"),
        ("POST", "/wordpress") => ("WordPress", "x-veille-signature"),
        (method, path) => {
            return Verdict::Refused {
                status: 404,
                why: format!("{method} {path}\u{a0}: adresse inconnue"),
            }
        }
    };
    if let Err(why) = verify(request.header(header), &request.body, secret, now_ms) {
        return Verdict::Refused {
            status: 401,
            why: format!("{sender}\u{a0}: {why}"),
        };
    }
    Verdict::Notified {
        sender,
        event: event_of(&request.body),
        posts: posts_of(&request.body),
    }
}

/// The ids of the posts a notification names, when it names only posts: Ghost's post webhooks
/// carry the post as it is now and as it was (`current` is empty once deleted); the plugin's
/// changes each name theirs, or none for a theme. Ids are the CMS's: plain letters and digits,
/// else the notification is read as naming nothing.
fn posts_of(body: &[u8]) -> Option<Vec<String>> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let id = |v: &serde_json::Value| -> Option<String> {
        let id = match v {
            serde_json::Value::Number(n) => n.as_u64()?.to_string(),
            serde_json::Value::String(s) => s.clone(),
            _ => return None,
        };
        (!id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric()))
            .then_some(id)
    };
    let mut posts: Vec<String> = Vec::new();
    if let Some(changes) = value["changes"].as_array() {
        for change in changes {
            posts.push(id(&change["post"])?);
        }
    } else {
        let post = value.get("post")?;
        for side in ["current", "previous"] {
            if let Some(found) = id(&post[side]["id"]) {
                posts.push(found);
            }
        }
    }
    posts.dedup();
    (!posts.is_empty()).then_some(posts)
}

/// What a notification says happened: Ghost's payload names no event, but its post's status
/// says it (`published`, `draft`…), and a deletion comes empty; the plugin's names it.
fn event_of(body: &[u8]) -> String {
    let value: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    if let Some(event) = value["event"].as_str() {
        return event.to_string();
    }
    let post = &value["post"]["current"];
    match (post["slug"].as_str(), post["status"].as_str()) {
        (Some(slug), Some(status)) => format!("{slug} ({status})"),
        _ if value["tag"].is_object() => "thème".into(),
        _ => "changement".into(),
    }
}

/// Milliseconds since 1970.
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// Listens on `address` (its own thread); each signed notification sends a line for the log
/// to `notify`, each refusal is logged with `log`, and `GET /sante` answers what `health` holds.
/// The address bound (a port 0 asks the system for one).
pub fn listen(
    address: &str,
    secret: String,
    health: Arc<Mutex<String>>,
    notify: Sender<Notice>,
    log: impl Fn(&str) + Send + 'static,
) -> Result<std::net::SocketAddr, std::io::Error> {
    let listener = TcpListener::bind(address)?;
    let bound = listener.local_addr()?;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            let answer = match read_request(&stream) {
                Err(why) => {
                    log(&format!("notification refusée\u{a0}: {why}"));
                    (400, "requête illisible\n".to_string())
                }
                Ok(request) => match judge(&request, &secret, now_ms()) {
                    Verdict::Health => (200, health.lock().map(|h| h.clone()).unwrap_or_default()),
                    Verdict::Refused { status, why } => {
                        log(&format!("notification refusée\u{a0}: {why}"));
                        (status, format!("{why}\n"))
                    }
                    Verdict::Notified {
                        sender,
                        event,
                        posts,
                    } => {
                        let _ = notify.send(Notice {
                            said: format!("{sender}\u{a0}: {event}"),
                            posts,
                        });
                        (202, "reçu\n".to_string())
                    }
                },
            };
            respond(stream, answer);
        }
    });
    Ok(bound)
}

fn respond(mut stream: TcpStream, (status, body): (u16, String)) {
    let reason = match status {
        200 => "OK",
        202 => "Accepted",
        400 => "Bad Request",
        401 => "Unauthorized",
        _ => "Not Found",
    };
    let kind = if status == 200 {
        "application/json"
    } else {
        "text/plain; charset=utf-8"
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_sha256_matches_rfc_4231() {
        // Test case 2 of RFC 4231.
        let mac = hmac_sha256(b"Jefe", b"what do ya want for nothing?");
        let hex: String = mac.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex,
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // Test case 6: a key longer than a block is hashed first.
        let mac = hmac_sha256(
            &[0xaa; 131],
            b"Test Using Larger Than Block-Size Key - Hash Key First",
        );
        assert_eq!(mac[..4], [0x60, 0xe4, 0x31, 0x59]);
    }

    #[test]
    fn a_signature_is_checked_whole_and_in_time() {
        let body = br#"{"post":{"current":{"slug":"x","status":"published"}}}"#;
        let now = 1_765_000_000_000;
        let good = sign("secret", body, now);
        assert!(good.starts_with("sha256=") && good.ends_with(&format!(", t={now}")));
        assert_eq!(verify(Some(&good), body, "secret", now + 1000), Ok(()));
        let refused = |header: Option<&str>, body: &[u8], secret: &str, at: u64| {
            verify(header, body, secret, at).unwrap_err()
        };
        assert_eq!(refused(None, body, "secret", now), "signature absente");
        assert_eq!(refused(Some(&good), body, "autre", now), "signature fausse");
        assert_eq!(
            refused(Some(&good), b"{}", "secret", now),
            "signature fausse"
        );
        assert!(refused(Some(&good), body, "secret", now + 6 * 60 * 1000).contains("périmée"));
        assert!(refused(Some("sha256=abc"), body, "secret", now).contains("illisible"));
        // Ghost's header spells a space after the comma; without it, the same.
        assert_eq!(
            verify(Some(&good.replace(", ", ",")), body, "secret", now),
            Ok(())
        );
    }

    #[test]
    fn requests_are_judged_by_path_and_signature() {
        let now = 1_765_000_000_000;
        let body =
            br#"{"post":{"current":{"id":"6753a1f0c2","slug":"ia-et-sante","status":"published"}}}"#
                .to_vec();
        let ghost = Request {
            method: "POST".into(),
            path: "/ghost".into(),
            headers: vec![("x-ghost-signature".into(), sign("s", &body, now))],
            body: body.clone(),
        };
        assert_eq!(
            judge(&ghost, "s", now),
            Verdict::Notified {
                sender: "Ghost",
                event: "ia-et-sante (published)".into(),
                posts: Some(vec!["6753a1f0c2".into()]),
            }
        );
        let wrong = Request {
            path: "/wordpress".into(),
            ..ghost
        };
        assert!(matches!(
            judge(&wrong, "s", now),
            Verdict::Refused { status: 401, .. }
        ));
        let health = Request {
            method: "GET".into(),
            path: "/sante".into(),
            ..Request::default()
        };
        assert_eq!(judge(&health, "s", now), Verdict::Health);
    }

    #[test]
    fn a_notification_names_its_posts_or_asks_for_the_whole_listing() {
        let posts = |body: &str| posts_of(body.as_bytes());
        // Ghost: published or edited, unpublished (both sides), deleted (`current` empty).
        assert_eq!(
            posts(r#"{"post":{"current":{"id":"a1"},"previous":{"id":"a1"}}}"#),
            Some(vec!["a1".into()])
        );
        assert_eq!(
            posts(r#"{"post":{"current":{},"previous":{"id":"b2"}}}"#),
            Some(vec!["b2".into()])
        );
        // The plugin: its changes, each naming a post; a theme names none.
        assert_eq!(
            posts(r#"{"event":"post.updated","changes":[{"post":12},{"post":40}]}"#),
            Some(vec!["12".into(), "40".into()])
        );
        for whole in [
            r#"{"event":"term.edited","changes":[{"post":12},{"post":null}]}"#,
            r#"{"tag":{"current":{"id":"t1"}}}"#,
            r#"{"post":{"current":{"id":"../../etc"}}}"#,
            "pas du JSON",
        ] {
            assert_eq!(posts(whole), None, "{whole}");
        }
        let named = |posts: Option<Vec<&str>>| Notice {
            said: String::new(),
            posts: posts.map(|p| p.into_iter().map(str::to_string).collect()),
        };
        assert_eq!(
            Notice::merge(&[named(Some(vec!["1", "2"])), named(Some(vec!["2", "3"]))]),
            Some(vec!["1".into(), "2".into(), "3".into()])
        );
        assert_eq!(Notice::merge(&[named(Some(vec!["1"])), named(None)]), None);
    }

    #[test]
    fn a_request_is_read_with_its_body_and_nothing_beyond() {
        let raw = b"POST /ghost?x=1 HTTP/1.1\r\nHost: a\r\nX-Ghost-Signature: sha256=ab, t=1\r\nContent-Length: 2\r\n\r\n{}tail";
        let request = read_request(&raw[..]).unwrap();
        assert_eq!(
            (request.method.as_str(), request.path.as_str()),
            ("POST", "/ghost")
        );
        assert_eq!(request.header("x-ghost-signature"), Some("sha256=ab, t=1"));
        assert_eq!(request.body, b"{}");
        let huge = b"POST /ghost HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n";
        assert!(read_request(&huge[..])
            .unwrap_err()
            .to_string()
            .contains("trop long"));
    }
}

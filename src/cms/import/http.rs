//! The import's transport: `GET` over HTTP(S), behind a trait so that the stages above it are
//! tested on recorded answers as well as against a real server, and an image's size read from
//! its first bytes.

use super::ImportError;
pub use crate::http::Answer;
use std::time::Duration;

/// What the import asks of HTTP: `GET url`, with the response headers named in `headers`
/// ([`Answer`], the browser's type too); any status is an answer, no answer at all is
/// [`ImportError::Unreachable`]. A trait, so that the logic is tested on recorded answers as
/// well as against a real server.
pub trait Get: Sync {
    fn get(&self, url: &str, headers: &[&str]) -> Result<Answer, ImportError>;
    /// The first `limit` bytes of a file (an image), or fewer when it is shorter;
    /// [`ImportError::Refused`] for a status other than 2xx.
    fn head_bytes(&self, url: &str, limit: usize) -> Result<Vec<u8>, ImportError>;
}

/// No answer from `url`: the transport's reason (in English: it is ureq's) as a detail.
fn unreachable(url: &str) -> impl FnOnce(ureq::Error) -> ImportError + '_ {
    move |e| ImportError::Unreachable(format!("{url}\u{a0}: pas de réponse ({e})"))
}

/// An answer cut short or not text.
fn unreadable<E: std::fmt::Display>(url: &str) -> impl FnOnce(E) -> ImportError + '_ {
    move |e| ImportError::Unreadable(format!("{url}\u{a0}: réponse illisible ({e})"))
}

/// HTTP(S) with ureq: a timeout per request, any status answered (the import reads the error),
/// bodies up to 64 MB.
pub struct Http(ureq::Agent);

impl Http {
    pub fn new() -> Http {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(60)))
            .http_status_as_error(false)
            .user_agent("veille-content (import)")
            .build();
        Http(config.into())
    }
}

impl Default for Http {
    fn default() -> Self {
        Http::new()
    }
}

impl Get for Http {
    fn get(&self, url: &str, headers: &[&str]) -> Result<Answer, ImportError> {
        let mut response = self
            .0
            .get(url)
            .header("Accept", "application/json")
            .call()
            .map_err(unreachable(url))?;
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.trim().to_string())
        };
        let headers = headers.iter().map(|name| header(name)).collect();
        let body = response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_string()
            .map_err(unreadable(url))?;
        Ok(Answer {
            status: response.status().as_u16(),
            body,
            headers,
        })
    }

    fn head_bytes(&self, url: &str, limit: usize) -> Result<Vec<u8>, ImportError> {
        use std::io::Read;
        // A range, which static servers honour; one that does not sends the whole file, of
        // which only the start is read.
        let mut response = self
            .0
            .get(url)
            .header("Range", &format!("bytes=0-{}", limit.saturating_sub(1)))
            .call()
            .map_err(unreachable(url))?;
        let status = response.status().as_u16();
        if !(200..300).contains(&status) {
            return Err(refused(url, status));
        }
        let mut bytes = Vec::with_capacity(limit);
        response
            .body_mut()
            .as_reader()
            .take(limit as u64)
            .read_to_end(&mut bytes)
            .map_err(unreadable(url))?;
        Ok(bytes)
    }
}

/// A file the server would not give.
pub fn refused(url: &str, status: u16) -> ImportError {
    ImportError::Refused {
        status,
        message: format!("{url}\u{a0}: le serveur répond {status}"),
    }
}

/// The width and height of the image at `url`, read from its first bytes (its header): 64 kB,
/// then the first 8 MB when its header is further in (a JPEG's metadata before its size).
pub fn image_size(http: &dyn Get, url: &str) -> Result<(u32, u32), ImportError> {
    let mut last = String::new();
    for limit in [64 * 1024, 8 * 1024 * 1024] {
        let bytes = http.head_bytes(url, limit)?;
        match imagesize::blob_size(&bytes) {
            Ok(size) => {
                let side = |n: usize| u32::try_from(n).ok().filter(|&n| n > 0);
                return side(size.width).zip(side(size.height)).ok_or_else(|| {
                    ImportError::Unreadable(format!("{url}\u{a0}: image sans taille"))
                });
            }
            Err(e) => last = e.to_string(),
        }
        if bytes.len() < limit {
            break;
        }
    }
    Err(ImportError::Unreadable(format!(
        "{url}\u{a0}: pas une image lisible ({last})"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// Files as a server would give them: the start asked for, or a status.
    struct Files(Vec<(&'static str, Result<Vec<u8>, u16>)>);

    impl Get for Files {
        fn get(&self, url: &str, _headers: &[&str]) -> Result<Answer, ImportError> {
            Err(ImportError::Unreachable(format!(
                "{url}\u{a0}: pas demandé par ces tests"
            )))
        }
        fn head_bytes(&self, url: &str, limit: usize) -> Result<Vec<u8>, ImportError> {
            match self.0.iter().find(|(u, _)| *u == url).map(|(_, f)| f) {
                Some(Ok(bytes)) => Ok(bytes[..bytes.len().min(limit)].to_vec()),
                Some(Err(status)) => Err(refused(url, *status)),
                None => Err(ImportError::Unreachable(format!(
                    "{url}\u{a0}: pas de réponse"
                ))),
            }
        }
    }

    /// A JPEG whose size comes after 100 kB of metadata (a camera's), then its frame header.
    fn jpeg_after_metadata() -> Vec<u8> {
        let mut jpeg = vec![0xFF, 0xD8];
        for _ in 0..2 {
            // APP1 segments of 50 kB each (a segment's length is at most 64 kB).
            jpeg.extend([0xFF, 0xE1, 0xC3, 0x52]);
            jpeg.extend(std::iter::repeat_n(0u8, 0xC352 - 2));
        }
        // SOF0: precision 8, height 2988, width 5312, three components.
        jpeg.extend([0xFF, 0xC0, 0x00, 0x11, 0x08, 0x0B, 0xAC, 0x14, 0xC0, 0x03]);
        jpeg.extend([1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        jpeg.extend([0xFF, 0xD9]);
        jpeg
    }

    #[test]
    fn an_image_s_size_is_read_from_its_first_bytes() {
        let png = fs::read("public/images/evaluer-un-classifieur.png").unwrap();
        let files = Files(vec![
            ("http://cms/a.png", Ok(png)),
            ("http://cms/photo.jpg", Ok(jpeg_after_metadata())),
            (
                "http://cms/texte.jpg",
                Ok(b"<!doctype html><p>Pare-feu</p>".to_vec()),
            ),
            ("http://cms/absente.jpg", Err(404)),
        ]);
        assert_eq!(image_size(&files, "http://cms/a.png"), Ok((1200, 630)));
        // Its header beyond the first 64 kB: read further.
        assert_eq!(image_size(&files, "http://cms/photo.jpg"), Ok((5312, 2988)));
        let html = image_size(&files, "http://cms/texte.jpg").unwrap_err();
        assert!(html.to_string().contains("pas une image lisible"), "{html}");
        let gone = image_size(&files, "http://cms/absente.jpg").unwrap_err();
        assert!(gone.to_string().contains("404"), "{gone}");
    }
}

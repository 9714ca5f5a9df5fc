//! Copies of a CMS's images made at import (`veille-content import … --images local`), served
//! by the site itself: each picture at a few widths in AVIF, with JPEG copies for browsers that
//! read no AVIF, written under the content directory's `media/` (which the prerender copies to
//! `dist/media/`), their names made from the image's bytes, so that they can be cached for
//! good. Made once per image: `media/media.json` records each address done, and a later import
//! (or the next post showing the same image) reuses the copies without fetching the image
//! again. Native only.

use super::import::{Get, ImportError};
use crate::model::{
    content::{Article, ArticleSummary, Block, Format, Image, Resized},
    files::{Doing, FileError},
    images::{self, scaled},
};
use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
    time::Instant,
};
use veille_imaging::{ImageError, Picture};

/// The folder of the copies, in the content directory and in the built site.
pub const DIR: &str = "media";
/// The record of the images done, in [`DIR`].
const RECORD: &str = "media.json";
/// The widths made, each one only when narrower than the image (the widest it has is kept
/// too, up to the last of these): a phone's 768, a tablet's or a high-density phone's 1,024,
/// and 1,536 for wide screens and share previews (at least 1,200 px).
pub const WIDTHS: [u32; 4] = [480, 768, 1024, 1536];
/// AVIF's encoder: speed (1 slowest, 10 fastest) and quality (1–100). At 9, files as small as
/// at 8 for much less time; 10 is quicker still but every reader then fetches heavier copies
/// (docs/performance.md, « The import's image copies »).
const AVIF_SPEED: u8 = 9;
const AVIF_QUALITY: u8 = 60;
/// The JPEG copies' quality.
const JPEG_QUALITY: u8 = 80;
/// The largest image fetched (64 MB).
const MAX_BYTES: usize = 64 * 1024 * 1024;

/// One image done: its size, the widths made, and its copies' name.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Done {
    /// The copies' names start with it: `<stem>-<width>.avif`, `<stem>-<width>.jpg`.
    pub stem: String,
    pub width: u32,
    pub height: u32,
    pub widths: Vec<u32>,
}

/// What the copies cost: images made, reused, failed, the time spent making them and the bytes
/// written.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Cost {
    pub made: usize,
    pub reused: usize,
    pub failed: usize,
    pub millis: u128,
    pub bytes: u64,
}

/// The copies of a content directory: its record, read once, written back by [`Media::save`].
pub struct Media {
    dir: PathBuf,
    record: BTreeMap<String, Done>,
    pub cost: Cost,
}

impl Media {
    /// The copies under `content/media/` (the folder made if missing).
    pub fn open(content: &Path) -> Result<Media, FileError> {
        let dir = content.join(DIR);
        fs::create_dir_all(&dir).map_err(FileError::at(&dir, Doing::Create))?;
        let record = fs::read_to_string(dir.join(RECORD))
            .ok()
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        Ok(Media {
            dir,
            record,
            cost: Cost::default(),
        })
    }

    /// Writes the record of the images done.
    pub fn save(&self) -> Result<(), FileError> {
        let path = self.dir.join(RECORD);
        // A map of plain structs with string keys: serialising it cannot fail.
        let json = serde_json::to_string_pretty(&self.record).expect("a record serialises");
        fs::write(&path, json).map_err(FileError::at(&path, Doing::Write))
    }

    /// Every image of `articles` (covers and the text's) served from the site: made, or reused
    /// when done before. An image that cannot be fetched or read keeps the CMS's address (and
    /// its sizes), and is said on `progress`. The images to make are shared over the machine's
    /// cores, one image per thread at a time ([`crate::model::parallel::map`]): an AVIF encoder keeps
    /// one core busy for a second or more per copy. Whether each article changed (an image of it
    /// now served from the site), by position: what the import has to write again.
    pub fn localize(
        &mut self,
        http: &dyn Get,
        articles: &mut [Article],
        progress: &mut dyn std::io::Write,
    ) -> Vec<bool> {
        let mut changed = vec![false; articles.len()];
        let mut images: Vec<(usize, &mut Image)> = articles
            .iter_mut()
            .enumerate()
            .flat_map(|(i, article)| {
                article
                    .summary
                    .cover
                    .iter_mut()
                    .chain(article.body.iter_mut().filter_map(|block| match block {
                        Block::Image { image, .. } => Some(image),
                        _ => None,
                    }))
                    .map(move |image| (i, image))
            })
            .collect();
        let sources: Vec<Option<String>> = images.iter().map(|(_, image)| source(image)).collect();
        // Each address not done yet, once, in the order first met.
        let mut wanted: Vec<String> = Vec::new();
        for source in sources.iter().flatten() {
            let done = self.record.get(source).is_some_and(|d| self.has_files(d));
            if !done && !wanted.contains(source) {
                wanted.push(source.clone());
            }
        }
        let started = Instant::now();
        let made = crate::model::parallel::map(wanted, |source| {
            let result = http
                .head_bytes(&source, MAX_BYTES)
                .and_then(|bytes| self.make(&source, &bytes));
            (source, result)
        });
        let mut failures = BTreeMap::new();
        let mut made_now = Vec::new();
        for (source, result) in made {
            match result {
                Ok((done, written)) => {
                    self.cost.made += 1;
                    self.cost.bytes += written;
                    self.record.insert(source.clone(), done);
                    made_now.push(source);
                }
                Err(e) => {
                    failures.insert(source, e);
                }
            }
        }
        self.cost.millis += started.elapsed().as_millis();
        for ((article, image), source) in images.iter_mut().zip(&sources) {
            let Some(source) = source else { continue };
            if let Some(e) = failures.get(source) {
                self.cost.failed += 1;
                let _ = writeln!(progress, "image gardée sur le CMS, sans copie\u{a0}: {e}");
            } else if let Some(done) = self.record.get(source) {
                // An image's first use after its making is that making; every other, a reuse.
                match made_now.iter().position(|s| s == source) {
                    Some(i) => {
                        made_now.swap_remove(i);
                    }
                    None => self.cost.reused += 1,
                }
                let before = image.clone();
                served(image, done);
                changed[*article] |= **image != before;
            }
        }
        changed
    }

    /// Whether every copy of `done` is on disk.
    fn has_files(&self, done: &Done) -> bool {
        done.widths.iter().all(|w| {
            ["avif", "jpg"]
                .iter()
                .all(|ext| self.dir.join(format!("{}-{w}.{ext}", done.stem)).is_file())
        })
    }

    /// Decodes `bytes` (the image at `source`) and writes its copies; what was done and the
    /// bytes written.
    fn make(&self, source: &str, bytes: &[u8]) -> Result<(Done, u64), ImportError> {
        // The decoder's and encoders' reasons are in English: given as a detail.
        let failed = |what: &str| ImportError::Unreadable(format!("{source}\u{a0}: {what}"));
        let mut copy =
            Picture::decode(bytes).map_err(|e| failed(&format!("image illisible ({e})")))?;
        let (width, height) = (copy.width(), copy.height());
        if width == 0 || height == 0 {
            return Err(failed("image vide"));
        }
        let stem = stem(bytes);
        let mut written = 0;
        let widths = widths_for(width);
        // From the widest copy down, each resized from the one before: a step of at most 1.5
        // costs less than one from a camera's 16 megapixels, for the same sharpness.
        for &w in widths.iter().rev() {
            if w != copy.width() {
                copy = copy.resized(w, scaled(height, w, width).max(1));
            }
            let named = |e: ImageError| failed(&format!("copie impossible ({e})"));
            let encoded = [
                ("avif", copy.avif(AVIF_SPEED, AVIF_QUALITY).map_err(named)?),
                ("jpg", copy.jpeg(JPEG_QUALITY).map_err(named)?),
            ];
            for (ext, encoded) in encoded {
                let path = self.dir.join(format!("{stem}-{w}.{ext}"));
                fs::write(&path, &encoded).map_err(FileError::at(&path, Doing::Write))?;
                written += encoded.len() as u64;
            }
        }
        Ok((
            Done {
                stem,
                width,
                height,
                widths,
            },
            written,
        ))
    }
}

/// The address the copies of `image` are made from, or `None` when it is already the site's own
/// (the sample's, or copies made before): the narrowest of the CMS's sizes that is as wide as the
/// widest copy, else its widest. Less to fetch and decode than an original of 2,560 px, and one
/// source for a cover and its copy in the text, whose lists of sizes differ (WordPress leaves
/// sizes over 2,048 px out of a text's srcset).
/// Whether an image of an article (its cover, in its `summary`, or one in its `body`) is still
/// served from elsewhere: what [`Media::localize`] would copy, and so change the article.
pub fn to_copy(summary: &ArticleSummary, body: &[Block]) -> bool {
    let body = body.iter().filter_map(|block| match block {
        Block::Image { image, .. } => Some(image),
        _ => None,
    });
    summary
        .cover
        .iter()
        .chain(body)
        .any(|image| source(image).is_some())
}

fn source(image: &Image) -> Option<String> {
    let widest = WIDTHS[WIDTHS.len() - 1];
    let all = images::candidates(image);
    let source = all
        .iter()
        .find(|&&(_, width)| width >= widest)
        .or(all.last())
        .map(|(src, _)| src.to_string())
        .unwrap_or_else(|| image.src.clone());
    (source.starts_with("http://") || source.starts_with("https://")).then_some(source)
}

/// The widths made of an image `width` pixels wide: those of [`WIDTHS`] narrower than it, and
/// its own when it is narrower than the last.
pub fn widths_for(width: u32) -> Vec<u32> {
    let widest = WIDTHS[WIDTHS.len() - 1];
    let mut widths: Vec<u32> = WIDTHS.into_iter().filter(|&w| w < width).collect();
    if width <= widest {
        widths.push(width);
    }
    widths
}

/// The copies' name for an image of these bytes: their 64-bit FNV-1a hash in 16 hex digits.
/// Made from what the image is, not from its address: a name never changes what it holds, so
/// the copies are cached for good (`public/_headers`).
pub fn stem(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// `image` as the site serves it from its copies of `done`: the widest JPEG as `src`, with its
/// size; the JPEG widths as `sizes`, the AVIF ones as its one other format.
pub fn served(image: &mut Image, done: &Done) {
    let at = |w: u32, ext: &str| format!("/{DIR}/{}-{w}.{ext}", done.stem);
    let Some(&widest) = done.widths.last() else {
        return;
    };
    image.src = at(widest, "jpg");
    image.width = Some(widest);
    image.height = Some(scaled(done.height, widest, done.width).max(1));
    image.sizes = done
        .widths
        .iter()
        .map(|&w| Resized {
            src: at(w, "jpg"),
            width: w,
        })
        .collect();
    image.formats = vec![Format {
        mime: "image/avif".into(),
        sizes: done
            .widths
            .iter()
            .map(|&w| Resized {
                src: at(w, "avif"),
                width: w,
            })
            .collect(),
    }];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cms::import::Answer;
    use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

    /// A CMS that serves one photo, counting how often it is fetched.
    struct Photo {
        jpeg: Vec<u8>,
        fetched: AtomicUsize,
    }

    impl Get for Photo {
        fn get(&self, url: &str, _headers: &[&str]) -> Result<Answer, ImportError> {
            Err(ImportError::Unreachable(format!(
                "{url}\u{a0}: pas demandé par ces tests"
            )))
        }
        fn head_bytes(&self, url: &str, _limit: usize) -> Result<Vec<u8>, ImportError> {
            if url.ends_with("/photo.jpg") {
                self.fetched.fetch_add(1, SeqCst);
                Ok(self.jpeg.clone())
            } else if url.ends_with("/page.jpg") {
                Ok(b"<!doctype html><p>Pare-feu</p>".to_vec())
            } else {
                Err(crate::cms::import::refused(url, 404))
            }
        }
    }

    /// A 800 × 450 picture with detail (a gradient and rings), as a camera's JPEG: small, for
    /// the encoder's sake in a debug build.
    fn photo() -> Photo {
        let picture = Picture::from_fn(800, 450, &|x, y| {
            let ring = (((x as f32 - 400.0).hypot(y as f32 - 225.0)) / 9.0).sin();
            [(x / 4) as u8, (y / 2) as u8, (128.0 + 100.0 * ring) as u8]
        });
        Photo {
            jpeg: picture.jpeg(JPEG_QUALITY).unwrap(),
            fetched: AtomicUsize::new(0),
        }
    }

    fn article(cover: &str, body: &str) -> Article {
        let mut article = crate::model::content::bundled()
            .unwrap()
            .articles()
            .next()
            .unwrap();
        article.summary.cover = Some(Image {
            src: cover.into(),
            alt: "Une photo".into(),
            ..Image::default()
        });
        article.body = vec![Block::Image {
            image: Image {
                src: body.into(),
                alt: "La même".into(),
                ..Image::default()
            },
            caption: None,
        }];
        article
    }

    #[test]
    fn widths_stop_at_the_image_s_own() {
        assert_eq!(widths_for(5312), [480, 768, 1024, 1536]);
        assert_eq!(widths_for(1200), [480, 768, 1024, 1200]);
        assert_eq!(widths_for(300), [300]);
        assert_eq!(stem(b"a"), "af63dc4c8601ec8c");
        assert_ne!(stem(b"a"), stem(b"b"));
    }

    #[test]
    fn an_image_is_made_once_in_avif_and_jpeg_and_served_from_the_site() {
        let content = std::env::temp_dir().join(format!("veille-media-{}", std::process::id()));
        let _ = fs::remove_dir_all(&content);
        let cms = photo();
        let url = "https://cms.example/up/photo.jpg";
        // The same photo as a cover and in the text: fetched and made once.
        let mut articles = vec![article(url, url)];
        let mut media = Media::open(&content).unwrap();
        media.localize(&cms, &mut articles, &mut std::io::sink());
        media.save().unwrap();
        assert_eq!(cms.fetched.load(SeqCst), 1);
        assert_eq!(
            (media.cost.made, media.cost.reused, media.cost.failed),
            (1, 1, 0)
        );
        let cover = articles[0].summary.cover.as_ref().unwrap();
        let stem = stem(&cms.jpeg);
        assert_eq!(cover.src, format!("/media/{stem}-800.jpg"));
        assert_eq!((cover.width, cover.height), (Some(800), Some(450)));
        assert_eq!(
            cover.sizes.iter().map(|s| s.width).collect::<Vec<_>>(),
            [480, 768, 800]
        );
        assert_eq!(cover.formats[0].mime, "image/avif");
        assert_eq!(
            cover.formats[0].sizes[1].src,
            format!("/media/{stem}-768.avif")
        );
        // Real files, each format read back at its size; AVIF lighter than JPEG.
        for w in [480, 768, 800] {
            let jpg = fs::read(content.join(format!("media/{stem}-{w}.jpg"))).unwrap();
            let avif = fs::read(content.join(format!("media/{stem}-{w}.avif"))).unwrap();
            assert_eq!(Picture::decode(&jpg).unwrap().width(), w);
            assert!(
                avif.len() < jpg.len(),
                "{w}: AVIF {} ≥ JPEG {}",
                avif.len(),
                jpg.len()
            );
            assert_eq!(&avif[4..12], b"ftypavif");
        }
        assert!(media.cost.bytes > 0);
        // A later import: nothing fetched, nothing made, the same addresses.
        let mut again = vec![article(url, url)];
        let mut media = Media::open(&content).unwrap();
        media.localize(&cms, &mut again, &mut std::io::sink());
        assert_eq!(cms.fetched.load(SeqCst), 1);
        assert_eq!((media.cost.made, media.cost.reused), (0, 2));
        assert_eq!(again, articles);
        // A copy deleted since: made again.
        fs::remove_file(content.join(format!("media/{stem}-768.avif"))).unwrap();
        let mut media = Media::open(&content).unwrap();
        media.localize(&cms, &mut [article(url, url)], &mut std::io::sink());
        assert_eq!((cms.fetched.load(SeqCst), media.cost.made), (2, 1));
        let _ = fs::remove_dir_all(&content);
    }

    #[test]
    fn an_image_that_cannot_be_had_stays_on_the_cms_and_is_said() {
        let content =
            std::env::temp_dir().join(format!("veille-media-fail-{}", std::process::id()));
        let _ = fs::remove_dir_all(&content);
        let mut articles = vec![article(
            "https://cms.example/up/absente.jpg",
            "https://cms.example/up/page.jpg",
        )];
        let before = articles.clone();
        let mut media = Media::open(&content).unwrap();
        let mut said = Vec::new();
        media.localize(&photo(), &mut articles, &mut said);
        assert_eq!(articles, before);
        assert_eq!(media.cost.failed, 2);
        let said = String::from_utf8(said).unwrap();
        assert!(
            said.contains("absente.jpg\u{a0}: le serveur répond 404"),
            "{said}"
        );
        assert!(said.contains("page.jpg\u{a0}: image illisible"), "{said}");
        let _ = fs::remove_dir_all(&content);
    }
}

//! Images as the pages show them: the widths a reader's browser may choose from (`srcset`, from
//! what the source made: a CMS's own sizes), the width each slot of the layout gives them
//! (`sizes`, from `style/main.css`), their intrinsic size (`width` and `height`, so that nothing
//! moves when they arrive), and the copy that share previews name. Pure, natively tested.

use crate::model::content::{safe_href, Format, Image, Resized};

/// A place in the layout where an image is shown, and the width `style/main.css` gives it there.
/// Each `sizes` below is that width, computed from the CSS: change one with the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// An article's cover and its body's figures: the article's column (`.article`,
    /// `--article-width` 44rem) in the page's padding (`.page`, 1rem a side).
    Article,
    /// A card of a list (`.article-list`): a grid of columns at least 20rem wide with 1.5rem
    /// gaps, in the page's 72rem less its padding: one column under 43.5rem, two under 65rem,
    /// three beyond (70rem holds no four: 4 × 20 + 3 × 1.5 = 84.5rem).
    Card,
    /// The home's lead story (`.card--lead`): the whole width on a phone, three fifths of the
    /// page from 48rem on.
    Lead,
}

impl Slot {
    /// The `sizes` attribute of an image in this slot.
    pub const fn sizes(self) -> &'static str {
        match self {
            Slot::Article => "(min-width: 46rem) 44rem, calc(100vw - 2rem)",
            Slot::Card => {
                "(min-width: 72rem) 22.34rem, (min-width: 65rem) calc((100vw - 5rem) / 3), \
                 (min-width: 43.5rem) calc((100vw - 3.5rem) / 2), calc(100vw - 2rem)"
            }
            Slot::Lead => "(min-width: 72rem) 42rem, (min-width: 48rem) calc((100vw - 2rem) * 0.6), calc(100vw - 2rem)",
        }
    }
}

/// The width and height of an image: its own when the source says them, else those of the
/// sample's covers (1200 × 630), whose shape the covers' CSS keeps.
pub fn dimensions(image: &Image) -> (u32, u32) {
    match (image.width, image.height) {
        (Some(w), Some(h)) if w > 0 && h > 0 => (w, h),
        _ => (1200, 630),
    }
}

/// Every width of the picture, narrowest first, each once: the source's other sizes and the
/// image itself when its width is known. Addresses [`safe_href`] refuses are left out.
pub fn candidates(image: &Image) -> Vec<(&str, u32)> {
    let own = image
        .width
        .filter(|&w| w > 0)
        .and_then(|width| Some((safe_href(&image.src)?, width)));
    widths(&image.sizes, own)
}

/// `sizes` (and `own`), narrowest first, each width and each address once, the unsafe left out.
fn widths<'a>(sizes: &'a [Resized], own: Option<(&'a str, u32)>) -> Vec<(&'a str, u32)> {
    let mut all: Vec<(&str, u32)> = sizes
        .iter()
        .filter(|v| v.width > 0)
        .filter_map(|v| Some((safe_href(&v.src)?, v.width)))
        .chain(own)
        .collect();
    all.sort_by_key(|&(_, width)| width);
    all.dedup_by_key(|&mut (_, width)| width);
    let mut seen = Vec::new();
    all.retain(|&(src, _)| {
        let new = !seen.contains(&src);
        seen.push(src);
        new
    });
    all
}

/// The `srcset` attribute (`a.jpg 300w, b.jpg 768w`), when the source has more than one width;
/// `None` otherwise (the `src` alone is then the only choice). Spaces and commas, which
/// separate its entries, are percent-encoded in the addresses.
pub fn srcset(image: &Image) -> Option<String> {
    let all = candidates(image);
    (all.len() > 1).then(|| written(&all))
}

/// The `srcset` of a `<source>` of `format`: its widths, even one (the format is the choice);
/// `None` when it has none that can be named.
pub fn format_srcset(format: &Format) -> Option<String> {
    let all = widths(&format.sizes, None);
    (!all.is_empty()).then(|| written(&all))
}

/// Candidates as a `srcset` says them.
fn written(all: &[(&str, u32)]) -> String {
    all.iter()
        .map(|(src, width)| format!("{} {width}w", src.replace(' ', "%20").replace(',', "%2C")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Share previews (Open Graph, X, search engines' large previews) want at least this width.
pub const SHARE_WIDTH: u32 = 1200;

/// The copy of an image that share previews name, with its size when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareImage<'a> {
    pub src: &'a str,
    pub size: Option<(u32, u32)>,
}

/// What share previews show of `image`: its raster copy made for them (`share`, 1200 × 630,
/// the sample's SVG covers), else the narrowest of its widths that is at least
/// [`SHARE_WIDTH`] wide, else the widest it has; with its height in the picture's proportions.
pub fn share_image(image: &Image) -> Option<ShareImage<'_>> {
    if let Some(share) = image.share.as_deref().and_then(safe_href) {
        return Some(ShareImage {
            src: share,
            size: Some((1200, 630)),
        });
    }
    let all = candidates(image);
    let ratio = match (image.width, image.height) {
        (Some(w), Some(h)) if w > 0 && h > 0 => Some((w, h)),
        _ => None,
    };
    let chosen = all
        .iter()
        .find(|&&(_, width)| width >= SHARE_WIDTH)
        .or(all.last());
    match chosen {
        Some(&(src, width)) => Some(ShareImage {
            src,
            size: ratio.map(|(w, h)| (width, scaled(h, width, w))),
        }),
        None => safe_href(&image.src).map(|src| ShareImage { src, size: None }),
    }
}

/// `height × width / of`, rounded: the height of a copy `width` wide of a picture `of` wide.
pub fn scaled(height: u32, width: u32, of: u32) -> u32 {
    ((u64::from(height) * u64::from(width) + u64::from(of) / 2) / u64::from(of)) as u32
}

/// Reads a `srcset` attribute as written by a CMS: its entries with a width descriptor
/// (`url 768w`), in order; entries with a density descriptor (`2x`) or none are left out.
pub fn parse_srcset(srcset: &str) -> Vec<(String, u32)> {
    srcset
        .split(',')
        .filter_map(|entry| {
            let mut parts = entry.split_whitespace();
            let src = parts.next()?;
            let width = parts.next()?.strip_suffix('w')?.parse::<u32>().ok()?;
            (parts.next().is_none() && width > 0).then(|| (src.to_string(), width))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo() -> Image {
        Image {
            src: "https://cms.example/up/photo-scaled.jpg".into(),
            alt: "Une photo".into(),
            width: Some(2560),
            height: Some(1440),
            sizes: [300, 1024, 768, 1536, 2048]
                .into_iter()
                .map(|w| Resized {
                    src: format!("https://cms.example/up/photo-{w}.jpg"),
                    width: w,
                })
                .collect(),
            ..Image::default()
        }
    }

    #[test]
    fn the_srcset_lists_every_width_narrowest_first_the_image_itself_included() {
        assert_eq!(
            srcset(&photo()).unwrap(),
            "https://cms.example/up/photo-300.jpg 300w, https://cms.example/up/photo-768.jpg 768w, \
             https://cms.example/up/photo-1024.jpg 1024w, https://cms.example/up/photo-1536.jpg 1536w, \
             https://cms.example/up/photo-2048.jpg 2048w, https://cms.example/up/photo-scaled.jpg 2560w"
        );
    }

    #[test]
    fn with_one_width_or_none_known_there_is_no_srcset() {
        let mut lone = photo();
        lone.sizes.clear();
        assert_eq!(srcset(&lone), None);
        let unknown = Image {
            src: "/images/a.svg".into(),
            ..Image::default()
        };
        assert_eq!(srcset(&unknown), None);
        assert_eq!(dimensions(&unknown), (1200, 630));
        assert_eq!(dimensions(&photo()), (2560, 1440));
    }

    #[test]
    fn unsafe_addresses_twice_named_and_repeated_widths_are_left_out() {
        let mut image = photo();
        image.sizes = vec![
            Resized {
                src: "javascript:alert(1)".into(),
                width: 500,
            },
            Resized {
                src: "https://cms.example/up/a b,c.jpg".into(),
                width: 600,
            },
            Resized {
                src: "https://cms.example/up/other.jpg".into(),
                width: 600,
            },
            Resized {
                src: "https://cms.example/up/photo-scaled.jpg".into(),
                width: 3000,
            },
        ];
        assert_eq!(
            srcset(&image).unwrap(),
            "https://cms.example/up/a%20b%2Cc.jpg 600w, https://cms.example/up/photo-scaled.jpg 2560w"
        );
    }

    #[test]
    fn share_previews_get_the_narrowest_copy_at_least_1200_wide_with_its_height() {
        assert_eq!(
            share_image(&photo()),
            Some(ShareImage {
                src: "https://cms.example/up/photo-1536.jpg",
                size: Some((1536, 864)),
            })
        );
        // Only small sizes: the widest there is.
        let mut small = photo();
        small.sizes.retain(|v| v.width < 1000);
        small.width = Some(900);
        small.height = Some(600);
        small.src = "https://cms.example/up/photo-900.jpg".into();
        assert_eq!(
            share_image(&small),
            Some(ShareImage {
                src: "https://cms.example/up/photo-900.jpg",
                size: Some((900, 600)),
            })
        );
        // A copy made for them wins; an image of unknown size is named as it is.
        let mut sample = Image {
            src: "/images/a.svg".into(),
            share: Some("/images/a.png".into()),
            ..Image::default()
        };
        assert_eq!(share_image(&sample).unwrap().src, "/images/a.png");
        assert_eq!(share_image(&sample).unwrap().size, Some((1200, 630)));
        sample.share = None;
        assert_eq!(
            share_image(&sample),
            Some(ShareImage {
                src: "/images/a.svg",
                size: None
            })
        );
    }

    #[test]
    fn a_format_s_source_names_its_widths_even_one() {
        let format = |sizes: Vec<(&str, u32)>| Format {
            mime: "image/avif".into(),
            sizes: sizes
                .into_iter()
                .map(|(src, width)| Resized {
                    src: src.into(),
                    width,
                })
                .collect(),
        };
        assert_eq!(
            format_srcset(&format(vec![("/b.avif", 1000), ("/a.avif", 600)])).as_deref(),
            Some("/a.avif 600w, /b.avif 1000w")
        );
        assert_eq!(
            format_srcset(&format(vec![("/a.avif", 600)])).as_deref(),
            Some("/a.avif 600w")
        );
        assert_eq!(format_srcset(&format(vec![("javascript:x", 600)])), None);
        assert_eq!(format_srcset(&format(vec![])), None);
    }

    #[test]
    fn a_cms_srcset_is_read_by_width() {
        let wp = "http://h/a-300x169.jpg 300w, http://h/a-1024x576.jpg 1024w, http://h/a.jpg 2x, bad, http://h/b.jpg 0w";
        assert_eq!(
            parse_srcset(wp),
            [
                ("http://h/a-300x169.jpg".to_string(), 300),
                ("http://h/a-1024x576.jpg".to_string(), 1024)
            ]
        );
        assert_eq!(parse_srcset(""), []);
    }

    #[test]
    fn the_slots_sizes_are_the_css_widths() {
        let css = include_str!("../../style/main.css");
        assert!(css.contains("--article-width: 44rem;"));
        assert!(css.contains("--page-width: 72rem;"));
        assert!(css.contains("minmax(min(100%, 20rem), 1fr)"));
        assert!(css.contains("grid-template-columns: 3fr 2fr;"));
        assert!(Slot::Article.sizes().contains("44rem"));
    }
}

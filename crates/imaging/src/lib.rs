//! The pixel work of the import's image copies (`src/cms/media.rs` in Veille): a photo decoded,
//! resized, and encoded in AVIF and JPEG. Native only: no wasm links it.
//!
//! A crate of its own for the debug builds' sake. Rust compiles a generic or `#[inline]`
//! function where it is called, at the caller's optimisation level: called from Veille's crate,
//! the AVIF encoder (`image` → `ravif` → `rav1e`, generic over the pixel type) ran unoptimised
//! in the tests, whatever the profile said of those crates. Called from here, it is compiled
//! with this crate's settings, optimised in every profile (the workspace's `Cargo.toml`), while
//! Veille's own code stays quick to compile. So every function here is neither generic nor
//! `#[inline]`: that is what keeps the encoders' code in this crate.

pub use image::ImageError;
use image::{
    codecs::{avif::AvifEncoder, jpeg::JpegEncoder},
    imageops::{self, FilterType},
    ExtendedColorType, ImageEncoder, RgbImage,
};

/// A picture in 8-bit RGB: what the copies are made of (an alpha channel is dropped, as the
/// copies are photographs shown on the page's background).
pub struct Picture(RgbImage);

impl Picture {
    /// A JPEG, PNG or AVIF file's bytes, decoded.
    pub fn decode(bytes: &[u8]) -> Result<Picture, ImageError> {
        image::load_from_memory(bytes).map(|picture| Picture(picture.to_rgb8()))
    }

    /// A picture of `width` × `height` pixels whose colour at each pixel is `color(x, y)`.
    pub fn from_fn(width: u32, height: u32, color: &dyn Fn(u32, u32) -> [u8; 3]) -> Picture {
        Picture(RgbImage::from_fn(width, height, |x, y| {
            image::Rgb(color(x, y))
        }))
    }

    pub fn width(&self) -> u32 {
        self.0.width()
    }

    pub fn height(&self) -> u32 {
        self.0.height()
    }

    /// The picture at `width` × `height`, resampled by Catmull-Rom: sharp without ringing.
    pub fn resized(&self, width: u32, height: u32) -> Picture {
        Picture(imageops::resize(
            &self.0,
            width,
            height,
            FilterType::CatmullRom,
        ))
    }

    /// An AVIF file: `speed` from 1 (slowest) to 10, `quality` from 1 to 100.
    pub fn avif(&self, speed: u8, quality: u8) -> Result<Vec<u8>, ImageError> {
        let mut out = Vec::new();
        AvifEncoder::new_with_speed_quality(&mut out, speed, quality).write_image(
            self.0.as_raw(),
            self.width(),
            self.height(),
            ExtendedColorType::Rgb8,
        )?;
        Ok(out)
    }

    /// A baseline JPEG file of this `quality` (1 to 100).
    pub fn jpeg(&self, quality: u8) -> Result<Vec<u8>, ImageError> {
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, quality).encode_image(&self.0)?;
        Ok(out)
    }
}

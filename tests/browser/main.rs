//! The browser tests, in one binary (`cargo test --target wasm32-unknown-unknown --features
//! csr`): the real app and its widgets in the real DOM of a headless Chromium, one module per
//! subject. One binary rather than one per file: each would be a debug wasm of its own, linked,
//! rewritten by wasm-bindgen and loaded in a Chromium of its own after every change.

#![cfg(target_arch = "wasm32")]

mod support;

mod cms;
mod content_api;
mod islands;
mod newsletter;
mod reading;
mod share;
mod styleguide;
mod web;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

//! The browser entry point: installs the panic hook in debug builds and mounts the app.

#[cfg(feature = "csr")]
fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(veille::App);
}

/// Without a rendering mode there is nothing to mount: the crate is then only a library
/// (native unit tests, clippy on the host).
#[cfg(not(feature = "csr"))]
fn main() {}

//! The browser entry point: installs the panic hook in debug builds, reads the runtime
//! configuration from the page's `<meta>` tags, and mounts the app.

#[cfg(feature = "csr")]
fn main() {
    use veille::{content::Source, newsletter::Provider, App};

    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    let source = Source::from_document();
    let newsletter = Provider::from_document();
    leptos::mount::mount_to_body(move || leptos::view! { <App source newsletter /> });
}

/// Without a rendering mode there is nothing to mount: the crate is then only a library
/// (native unit tests, clippy on the host).
#[cfg(not(feature = "csr"))]
fn main() {}

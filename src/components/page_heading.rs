//! The page's `h1`. After a client-side navigation it takes the focus as soon as the new page's
//! content is in place, so that keyboard and screen-reader users land on the new title (read
//! out) rather than on `<body>`, and the next Tab goes on from there, not from the top.
//!
//! Every page builds its `h1` with this component inside the view of its loaded content: that
//! view is built again for each address, even when the element itself is reused from the
//! previous page (article to article), so its effect runs exactly when the page has arrived.

use leptos::{html, prelude::*};
use leptos_router::hooks::use_location;

/// The path of the last page whose heading was built, put in context by the shell: a heading
/// built for another path is a page the reader navigated to. The first page of a visit (loaded
/// or hydrated, not navigated to) keeps the focus where the browser put it.
#[derive(Debug, Clone, Copy)]
pub struct Arrivals(StoredValue<Option<String>>);

impl Default for Arrivals {
    fn default() -> Arrivals {
        Arrivals(StoredValue::new(None))
    }
}

impl Arrivals {
    /// Records that the page at `path` has its heading; whether the reader navigated to it.
    fn arrived(self, path: String) -> bool {
        let previous = self.0.get_value();
        let navigated = previous.as_ref().is_some_and(|p| *p != path);
        if previous.as_deref() != Some(path.as_str()) {
            self.0.set_value(Some(path));
        }
        navigated
    }
}

#[component]
pub fn PageHeading(class: &'static str, children: Children) -> impl IntoView {
    let heading: NodeRef<html::H1> = NodeRef::new();
    if let Some(arrivals) = use_context::<Arrivals>() {
        let location = use_location();
        // Effects run only in the browser. The heading's element is filled in when the view is
        // built or rebuilt, which may come after this effect's first run: it waits for it (the
        // node reference is reactive), then decides once.
        Effect::new(move |decided: Option<bool>| {
            if decided == Some(true) {
                return true;
            }
            let Some(h1) = heading.get() else {
                return false;
            };
            if arrivals.arrived(location.pathname.get_untracked()) {
                let _ = h1.focus();
            }
            true
        });
    }
    // tabindex="-1": focusable by script only, never a stop of the Tab order.
    view! {
        <h1 class=class tabindex="-1" node_ref=heading>
            {children()}
        </h1>
    }
}

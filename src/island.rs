//! How a widget becomes an island: on a page of islands (the prerender provides
//! [`PageOfIslands`]), [`island()`] renders it inside a `<leptos-island>` carrying its props as
//! JSON, which the islands' wasm ([`crate::islands`]) brings to life; anywhere else it is the
//! widget itself. Below the components that use it, so that they never import the islands' wasm
//! that imports them.

use leptos::{
    either::Either, prelude::*, tachys::html::islands::Island, tachys::reactive_graph::OwnedView,
};
use serde::Serialize;

/// Provided by the prerender while it renders a page of islands.
#[derive(Debug, Clone, Copy)]
pub struct PageOfIslands;

/// `data-component` of the newsletter box's island.
pub const NEWSLETTER: &str = "lettre";

/// Marks an island brought to life, so that it never is twice (islands are looked for again
/// after each client-side navigation, by the islands' wasm and by `navigation.js`).
pub const ALIVE: &str = "data-vivant";

/// `view(props)`: as an island named `name` on a page of islands, as itself anywhere else.
pub fn island<P, V>(
    name: &'static str,
    props: P,
    view: fn(P) -> V,
) -> Either<Island<OwnedView<V>>, V>
where
    P: Serialize + 'static,
    V: IntoView + 'static,
{
    if use_context::<PageOfIslands>().is_some() {
        Either::Left(wrap(name, props, view))
    } else {
        Either::Right(view(props))
    }
}

/// `view(props)` as an island named `name`. Its props are serialized into the page only by the
/// prerender: nothing else reads them.
pub fn wrap<P, V>(name: &'static str, props: P, view: fn(P) -> V) -> Island<OwnedView<V>>
where
    P: Serialize + 'static,
    V: IntoView + 'static,
{
    #[cfg(feature = "ssr")]
    let json = serde_json::to_string(&props).unwrap_or_default();
    // Its own owner, in hydration mode: the markers the islands' wasm walks are written (and
    // then expected) inside the island whatever the page around it does.
    #[cfg(any(feature = "ssr", feature = "hydrate", feature = "islands"))]
    let owned = Owner::new().with(|| Owner::with_hydration(move || OwnedView::new(view(props))));
    #[cfg(not(any(feature = "ssr", feature = "hydrate", feature = "islands")))]
    let owned = Owner::new().with(move || OwnedView::new(view(props)));
    let island = Island::new(name, owned);
    #[cfg(feature = "ssr")]
    let island = island.with_props(json);
    island
}

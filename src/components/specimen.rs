//! How a component knows it is shown as a specimen in the designers' style guide: the two
//! contexts the guide provides, and the questions production components ask of them (leave
//! `<head>` alone; give a landmark a name of its own). Present in every build, the guide itself
//! only in builds with the `styleguide` feature.

use leptos::prelude::*;

/// Put in the context by the style guide: pages rendered inside it leave `<head>` alone.
#[derive(Debug, Clone, Copy)]
pub struct InStyleGuide;

/// Put in the context by each specimen of the style guide: its name and theme. Components
/// that are landmarks add it to their accessible name, so that the guide's many copies of them
/// stay distinguishable (axe-core's landmark-unique); on the site they have their plain name.
#[derive(Debug, Clone)]
pub struct SpecimenLabel(pub String);

/// `name`, or `name — specimen` inside a style guide specimen.
pub fn landmark_name(name: &str) -> String {
    match use_context::<SpecimenLabel>() {
        Some(SpecimenLabel(label)) => format!("{name} — {label}"),
        None => name.to_string(),
    }
}

/// Whether the component renders inside the style guide.
pub fn in_style_guide() -> bool {
    use_context::<InStyleGuide>().is_some()
}

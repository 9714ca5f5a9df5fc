//! The crate's layers, bottom up, and the test that keeps them so: a module imports only from
//! the modules before it in [`LAYERS`] (or from itself), so that no two modules need each other
//! and a newcomer can read the crate from the bottom. `src/lib.rs` declares its modules in this
//! order.
//!
//! These layers are one crate rather than a crate each: split into crates, the code the wasm
//! shares weighs more (rustc gives every crate its own copy of the standard library's inlined
//! generic code), measured in docs/architecture.md. The crates around it are native only, so
//! they cost the readers nothing: above every layer the build stage, `crates/build` (prerender,
//! feeds, publication, the tools: Cargo itself keeps this crate from importing it), and below
//! every layer `crates/imaging` (the image copies' pixel work, for `cms::media`).

/// `(layer, module)`, bottom up. Every module is compiled into the four builds (`csr`,
/// `hydrate`, `islands`, `ssr`); native-only parts are gated inside (`cms::import`).
pub const LAYERS: &[(&str, &str)] = &[
    // What the site is made of and how it is named: no framework, no browser, no network.
    ("model", "model"),
    // One HTTP exchange and its answer, the browser's (the import's transport answers alike).
    ("transport", "http"),
    // WordPress and Ghost mapped onto the model; their import (native, gated inside).
    ("cms", "cms"),
    // Where content and signups come from: the page's configuration, the one `Source`.
    ("sources", "config"),
    ("sources", "content"),
    ("sources", "newsletter"),
    // The site around the pages: addresses, metadata, search, what the browser is asked.
    ("site", "routes"),
    ("site", "seo"),
    ("site", "search"),
    ("site", "hydration"),
    ("site", "browser"),
    // The Leptos views: widgets, the islands' wasm that revives some of them, pages, the app.
    ("views", "island"),
    ("views", "components"),
    ("views", "islands"),
    ("views", "pages"),
    ("views", "app"),
];

/// What `lib.rs` re-exports from the model under their old names, and so may be imported as
/// `crate::french` and so on: they count as the model.
const MODEL_NAMES: &[&str] = &["escape", "french", "images", "output", "parallel", "share"];

#[cfg(test)]
mod tests {
    use super::*;
    use std::{fs, path::Path};

    fn rank(module: &str) -> Option<usize> {
        let module = if MODEL_NAMES.contains(&module) {
            "model"
        } else {
            module
        };
        LAYERS.iter().position(|(_, m)| *m == module)
    }

    /// The modules a file's code names after `crate::` (comments left out), as written:
    /// `crate::content::Site`, `crate::{content, routes::tag}`.
    fn imports(code: &str) -> Vec<String> {
        let code: String = code
            .lines()
            .map(|line| line.split_once("//").map_or(line, |(code, _)| code))
            .collect::<Vec<_>>()
            .join("\n");
        let mut found = Vec::new();
        let mut rest = code.as_str();
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                // The group's first names at depth one: `{content, routes::{tag, SLUG}}`.
                let mut depth = 1;
                let mut name = String::new();
                let mut expect_name = true;
                for c in group.chars() {
                    if depth == 1 && expect_name && (c.is_alphanumeric() || c == '_') {
                        name.push(c);
                        continue;
                    }
                    if !name.is_empty() {
                        found.push(std::mem::take(&mut name));
                        expect_name = false;
                    }
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 1 => break,
                        '}' => depth -= 1,
                        ',' if depth == 1 => expect_name = true,
                        _ => {}
                    }
                }
                if !name.is_empty() {
                    found.push(name);
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.push(name);
            }
        }
        found
    }

    fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    #[test]
    fn a_module_imports_only_from_the_layers_below_it() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut all = Vec::new();
        files(&src, &mut all);
        let mut wrong = Vec::new();
        for path in all {
            let relative = path.strip_prefix(&src).unwrap();
            let top = relative.components().next().unwrap().as_os_str();
            let top = top.to_str().unwrap().trim_end_matches(".rs");
            // The crate's roots sit above every layer.
            if ["lib", "main", "layers"].contains(&top) {
                continue;
            }
            let Some(own) = rank(top) else {
                wrong.push(format!("{top}: absent de LAYERS (src/layers.rs)"));
                continue;
            };
            let code = fs::read_to_string(&path).unwrap();
            for name in imports(&code) {
                match rank(&name) {
                    Some(r) if r <= own => {}
                    Some(_) => wrong.push(format!("{}: crate::{name}", relative.display())),
                    // `crate::App` and other items of the root.
                    None => {}
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "imports from a layer above:\n{}",
            wrong.join("\n")
        );
    }

    #[test]
    fn lib_declares_the_layers_in_order_in_every_build() {
        let lib = include_str!("lib.rs");
        let mut declared = Vec::new();
        let mut gated = false;
        for line in lib.lines().map(str::trim) {
            if line.starts_with("#[cfg(") {
                gated = true;
            } else if let Some(name) = line.strip_prefix("pub mod ").or(line.strip_prefix("mod ")) {
                let name = name.trim_end_matches(';');
                if name != "layers" {
                    declared.push((name, gated));
                }
                gated = false;
            } else if !line.starts_with("//") {
                gated = false;
            }
        }
        let expected: Vec<(&str, bool)> = LAYERS.iter().map(|(_, m)| (*m, false)).collect();
        assert_eq!(declared, expected);
    }

    #[test]
    fn imports_are_read_from_paths_and_groups() {
        let code = "use crate::{\n    content::{Site, Tag},\n    routes::tag, french,\n};\n\
                    // crate::app in a comment\nlet x = crate::seo::absolute(s, p);";
        assert_eq!(imports(code), ["content", "routes", "french", "seo"]);
    }
}

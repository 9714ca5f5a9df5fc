//! `veille-minify FILE…`: each file, an ES module of the site (`dist/navigation.js`,
//! `dist/search.js`, `dist/share.js`), rewritten minified: comments and spaces gone, local names shortened (a
//! module's top level is its own; its exports keep their names), the safest compression
//! (nothing dropped that a side effect could need). Their source in `public/` is written to be
//! read, with a comment for every why and names that say what they hold; a cold article page
//! loads `navigation.js` (`tests/budget.json`). A script that does not parse is an error: it
//! would not run in the browser either.

use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions};
use oxc_minifier::{CompressOptions, MangleOptions, Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::SourceType;
use std::{fs, process::ExitCode};

/// `js`, an ES module named `name`, minified.
fn minify(name: &str, js: &str) -> Result<String, String> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, js, SourceType::mjs()).parse();
    if let Some(error) = parsed.errors.first() {
        return Err(format!("{name}\u{a0}: script illisible ({error})"));
    }
    let mut program = parsed.program;
    let minified = Minifier::new(MinifierOptions {
        mangle: Some(MangleOptions {
            top_level: true,
            ..MangleOptions::default()
        }),
        compress: Some(CompressOptions::safest()),
    })
    .minify(&allocator, &mut program);
    Ok(Codegen::new()
        .with_options(CodegenOptions::minify())
        .with_scoping(minified.scoping)
        .build(&program)
        .code)
}

fn main() -> ExitCode {
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let done = fs::read_to_string(&path)
            .map_err(|e| format!("{path}\u{a0}: {e}"))
            .and_then(|js| minify(&path, &js))
            .and_then(|out| fs::write(&path, out).map_err(|e| format!("{path}\u{a0}: {e}")));
        if let Err(e) = done {
            eprintln!("veille-minify\u{a0}: {e}");
            failed = true;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::minify;
    use std::{fs, path::Path};

    #[test]
    fn a_script_is_minified_and_still_says_the_same() {
        let js = "// header\n/** Doc. */\nconst long_name = \"Réessayer\";\nexport function start(reader) {\n  return `${long_name} ${reader}`;\n}\nwindow.veille = { start };\n";
        let out = minify("a.js", js).unwrap();
        assert!(
            !out.contains("header") && !out.contains("Doc.") && !out.contains("long_name"),
            "{out}"
        );
        assert!(out.contains("Réessayer"), "{out}");
        assert!(out.contains("export") && out.contains("start"), "{out}");
        assert!(out.contains("window.veille"), "{out}");
        assert!(minify("b.js", "const = ;")
            .unwrap_err()
            .starts_with("b.js\u{a0}: script illisible"));
    }

    #[test]
    fn the_site_s_scripts_are_minified_whole() {
        for name in ["navigation.js", "search.js", "share.js"] {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../public")
                .join(name);
            let js = fs::read_to_string(&path).unwrap();
            let out = minify(name, &js).unwrap();
            // What the browser tests and the Rust side rely on is still there.
            for word in [
                "import(",
                "addEventListener(",
                "veille:page",
                "data-vivant",
                "Chargement de la page…",
                "La recherche met trop de temps",
                // share.js's exports, which navigation.js and the full app's wasm import.
                "./share.js",
                "canShare",
                "export async function copy",
            ] {
                assert_eq!(out.contains(word), js.contains(word), "{name}: {word}");
            }
            assert!(
                out.len() * 2 < js.len(),
                "{name}: {} → {} bytes",
                js.len(),
                out.len()
            );
        }
    }
}

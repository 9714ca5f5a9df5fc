//! The site's own scripts as readers get them (`navigation.js`, `search.js`, `share.js`, copied from
//! `public/` by trunk): without their comment lines. Their source is written to be read, with
//! a comment for every why; a cold article page loads `navigation.js` (`tests/budget.json`),
//! and its comments were a sixth of what it weighed. `./dev.sh build` then minifies them
//! (`tools/minify`, a package of its own); this step keeps a prerender run alone, on trunk's
//! output, from shipping their comments.

use std::{fs, path::Path};

/// The scripts of `public/` that ship as written, by name under `dist/`.
pub const SCRIPTS: [&str; 3] = ["navigation.js", "search.js", "share.js"];

/// `js` without its comment lines and blank lines: a line that is a `//` comment, and a `/* */`
/// block that starts a line (through the line that closes it). Code, and a comment after code
/// on its line, are kept as they are; so is everything inside a template literal, which these
/// scripts never start a line with a comment in. Running it again changes nothing.
pub fn without_comments(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut in_block = false;
    for line in js.lines() {
        let code = line.trim_start();
        if in_block {
            in_block = !line.contains("*/");
            continue;
        }
        if code.starts_with("/*") {
            in_block = !code.contains("*/");
            continue;
        }
        if code.is_empty() || code.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Rewrites each of [`SCRIPTS`] that `dist` holds without its comments; the files rewritten
/// (none when they are already without: minified, or shrunk by an earlier run).
pub fn shrink(dist: &Path) -> Result<Vec<String>, veille::model::files::FileError> {
    let mut done = Vec::new();
    for name in SCRIPTS {
        let path = dist.join(name);
        let Ok(js) = fs::read_to_string(&path) else {
            continue;
        };
        let shrunk = without_comments(&js);
        if shrunk != js {
            veille::output::write(dist, name, &shrunk)?;
            done.push(name.to_string());
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_lines_go_and_code_stays() {
        let js = "// header\n\nconst a = 1; // kept\n  /** doc\n   * more\n   */\nfunction f() {\n  /* one line */\n  return a / 2; /* kept */\n}\nconst url = \"https://x\";\n";
        let out = without_comments(js);
        assert_eq!(
            out,
            "const a = 1; // kept\nfunction f() {\n  return a / 2; /* kept */\n}\nconst url = \"https://x\";\n"
        );
        assert_eq!(without_comments(&out), out);
    }

    #[test]
    fn the_shipped_scripts_lose_only_comment_lines() {
        for name in SCRIPTS {
            // The workspace's root, two folders up from this crate's.
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../public")
                .join(name);
            let js = fs::read_to_string(&path).unwrap();
            let out = without_comments(&js);
            // Lines of the source, in order, none of them a comment; every `import(`, `export`
            // and `addEventListener` of the source is still there (the browser tests run the
            // shrunk scripts).
            let mut source = js.lines();
            for line in out.lines() {
                assert!(
                    source.any(|l| l == line),
                    "{name}: {line:?} is not a line of the source"
                );
                assert!(!line.trim_start().starts_with("//"), "{name}: {line:?}");
            }
            for word in ["import(", "export ", "addEventListener("] {
                assert_eq!(
                    out.matches(word).count(),
                    code_count(&js, word),
                    "{name}: {word}"
                );
            }
            assert!(
                out.len() * 10 < js.len() * 8,
                "{name}: {} → {} bytes",
                js.len(),
                out.len()
            );
        }
    }

    /// How many times `word` appears on lines that hold code (a `//` comment line does not).
    fn code_count(js: &str, word: &str) -> usize {
        js.lines()
            .filter(|l| {
                let t = l.trim_start();
                !t.starts_with("//") && !t.starts_with('*') && !t.starts_with("/*")
            })
            .map(|l| l.matches(word).count())
            .sum()
    }
}

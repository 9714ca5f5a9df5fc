//! Compiles the bundled content into the app: `public/api/site.json` and every
//! `public/api/articles/*.json`, listed in a generated `$OUT_DIR/bundled.rs` that
//! `src/model/content.rs` includes.

use std::{env, fs, path::Path};

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").unwrap();
    let api = Path::new(&root).join("public/api");
    let articles_dir = api.join("articles");
    println!("cargo:rerun-if-changed={}", api.join("site.json").display());
    println!("cargo:rerun-if-changed={}", articles_dir.display());

    let mut files: Vec<_> = fs::read_dir(&articles_dir)
        .expect("public/api/articles/ must exist")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();

    let mut out = String::new();
    out.push_str(&format!(
        "pub static SITE_JSON: &str = include_str!({:?});\n",
        api.join("site.json").display().to_string()
    ));
    out.push_str("pub static ARTICLE_FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().unwrap().to_string_lossy();
        out.push_str(&format!(
            "    ({:?}, include_str!({:?})),\n",
            format!("articles/{name}"),
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("bundled.rs"),
        out,
    )
    .unwrap();
}

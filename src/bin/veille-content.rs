//! Content tooling (native, not part of the shipped site).
//!
//! ```text
//! veille-content api [DIR]                    write DIR's derived API files (default public/api)
//! veille-content synthetic N DIR [SEED]       write a synthetic archive of N articles into DIR
//! ```
//!
//! The derived files are every page of the index (`index/N.json`) and of each tag
//! (`tags/<slug>/N.json`), computed from `site.json` and `articles/*.json`.

use std::{fs, path::Path, process::ExitCode};
use veille::content::{synthetic, Catalog};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["api"] => write_api(Path::new("public/api")),
        ["api", dir] => write_api(Path::new(dir)),
        ["synthetic", n, dir] => synthetic(n, dir, "1"),
        ["synthetic", n, dir, seed] => synthetic(n, dir, seed),
        _ => Err("usage: veille-content api [DIR] | synthetic N DIR [SEED]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("veille-content: {message}");
            ExitCode::FAILURE
        }
    }
}

fn write_api(dir: &Path) -> Result<(), String> {
    let catalog = Catalog::from_dir(dir)?;
    write_derived(&catalog, dir)
}

fn write_derived(catalog: &Catalog, dir: &Path) -> Result<(), String> {
    for sub in ["index", "tags", "related"] {
        let path = dir.join(sub);
        if path.exists() {
            fs::remove_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let files = catalog.derived_api_files();
    for (path, json) in &files {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!(
        "{}: {} derived files for {} articles",
        dir.display(),
        files.len(),
        catalog.summaries().len()
    );
    Ok(())
}

fn synthetic(n: &str, dir: &str, seed: &str) -> Result<(), String> {
    let n: usize = n
        .parse()
        .map_err(|_| format!("not a number of articles: {n}"))?;
    let seed: u64 = seed.parse().map_err(|_| format!("not a seed: {seed}"))?;
    let dir = Path::new(dir);
    let catalog = synthetic::write(dir, n, seed)?;
    write_derived(&catalog, dir)
}

//! Writing the files of a build under its output folder, and nowhere else (native tools only).
//!
//! File names are made from content (slugs), which is checked where it is read
//! ([`crate::model::content::Check`]); the writer refuses on its own any name that would leave the
//! folder, so that a check missed upstream, or a folder replaced by a link, never lets a build
//! write elsewhere.

pub use super::files::{Doing, FileError};
use std::{
    fs,
    path::{Component, Path, PathBuf},
};

/// Why `name` may not be written under an output folder, if it may not: it must be a relative
/// path of plain parts (no `..`, `.`, root or drive), without backslashes or NUL characters.
pub fn unsafe_name(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("le nom est vide");
    }
    if name.contains('\0') {
        return Some("le nom contient un caractère NUL");
    }
    // A separator on Windows, and a way to climb out on any host that treats it as one.
    if name.contains('\\') {
        return Some("le nom contient une barre oblique inversée");
    }
    let path = Path::new(name);
    for part in path.components() {
        match part {
            Component::Normal(_) => {}
            Component::ParentDir => return Some("le nom remonte d’un dossier (..)"),
            Component::CurDir => return Some("le nom contient un «\u{a0}.\u{a0}» seul"),
            Component::RootDir | Component::Prefix(_) => {
                return Some("le nom est un chemin absolu")
            }
        }
    }
    None
}

/// Writes `text` to `dir/name`, creating its folders, and returns its path. Refuses a name
/// that [`unsafe_name`] rejects, and a file whose folder is not inside `dir` (a symbolic link
/// inside the output pointing elsewhere), before creating anything.
pub fn write(dir: &Path, name: &str, text: &str) -> Result<PathBuf, FileError> {
    write_bytes(dir, name, text.as_bytes())
}

/// [`write()`] for any bytes (a wasm file copied from another build).
pub fn write_bytes(dir: &Path, name: &str, text: &[u8]) -> Result<PathBuf, FileError> {
    let path = place(dir, name)?;
    fs::write(&path, text).map_err(FileError::at(&path, Doing::Write))?;
    Ok(path)
}

/// How a build writes its files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writes {
    /// Every file, in place: a build into a folder nobody reads yet.
    All,
    /// Into a site being served: only a file whose bytes changed, written beside its place and
    /// renamed over it, so that a reader gets the old file or the new one, never part of one.
    Changed,
}

/// Writes `bytes` to `dir/name` as `writes` says ([`write_bytes`]'s checks first): its path
/// when it was written, `None` when the file already held exactly these bytes.
pub fn put(
    dir: &Path,
    name: &str,
    bytes: &[u8],
    writes: Writes,
) -> Result<Option<PathBuf>, FileError> {
    if writes == Writes::All {
        return write_bytes(dir, name, bytes).map(Some);
    }
    let path = place(dir, name)?;
    if fs::read(&path).is_ok_and(|old| old == bytes) {
        return Ok(None);
    }
    replace(&path, bytes)?;
    Ok(Some(path))
}

/// Writes `bytes` beside `path` and renames the copy over it: a rename within a folder is
/// atomic, so that the file is whole, before or after, whoever reads it meanwhile.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("fichier");
    let temporary = path.with_file_name(format!(
        ".{name}.veille-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let said = |e: std::io::Error| FileError::io(path, Doing::Replace, &e);
    // This process's copies never outlive this call, written or not ([`sweep`] counts on it).
    fs::write(&temporary, bytes).map_err(|e| {
        let _ = fs::remove_file(&temporary);
        said(e)
    })?;
    fs::rename(&temporary, path).map_err(|e| {
        let _ = fs::remove_file(&temporary);
        said(e)
    })
}

/// Removes the copies [`replace`] left under `dir` when its process was stopped before it
/// renamed them into place (by their name: `.<file>.veille-<process>-<n>`); how many. Once
/// per folder and process: only a process stopped before this one can have left any (this
/// one's never outlive [`replace`]), and walking a whole site again on each round of
/// `veille-content watch` would cost a time that grows with the archive.
pub fn sweep(dir: &Path) -> Result<usize, FileError> {
    static SWEPT: std::sync::Mutex<std::collections::BTreeSet<PathBuf>> =
        std::sync::Mutex::new(std::collections::BTreeSet::new());
    let folder = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    if SWEPT.lock().is_ok_and(|swept| swept.contains(&folder)) {
        return Ok(0);
    }
    let removed = sweep_now(dir)?;
    if let Ok(mut swept) = SWEPT.lock() {
        swept.insert(folder);
    }
    Ok(removed)
}

fn sweep_now(dir: &Path) -> Result<usize, FileError> {
    let mut removed = 0;
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = fs::read_dir(&folder).map_err(FileError::at(&folder, Doing::List))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                folders.push(path);
            } else if name.starts_with('.') && is_copy(&name) {
                fs::remove_file(&path).map_err(FileError::at(&path, Doing::Remove))?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}

/// Whether `name` is one of [`replace`]'s copies: `.<file>.veille-<digits>-<digits>`.
fn is_copy(name: &str) -> bool {
    let Some((_, tail)) = name.rsplit_once(".veille-") else {
        return false;
    };
    let mut parts = tail.split('-');
    let digits =
        |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    digits(parts.next()) && digits(parts.next()) && parts.next().is_none()
}

/// Where `name` goes under `dir`, its folders created: refused when [`unsafe_name`] rejects
/// it, or when its folder is not inside `dir` (a symbolic link inside the output pointing
/// elsewhere), before anything is created.
fn place(dir: &Path, name: &str) -> Result<PathBuf, FileError> {
    let outside = |why| FileError::Outside {
        dir: dir.to_path_buf(),
        name: name.to_string(),
        why,
    };
    if let Some(why) = unsafe_name(name) {
        return Err(outside(why));
    }
    let path = dir.join(name);
    let parent = path.parent().unwrap_or(dir);
    // The name is plain, so only a link already in the output can lead elsewhere: the deepest
    // folder of the path that exists must be inside `dir`, before any folder is created.
    let real = |p: &Path| fs::canonicalize(p).map_err(|e| FileError::io(p, Doing::Read, &e));
    let existing = parent.ancestors().find(|p| p.exists()).unwrap_or(dir);
    if !real(existing)?.starts_with(real(dir)?) {
        return Err(outside("son dossier mène ailleurs"));
    }
    fs::create_dir_all(parent).map_err(FileError::at(parent, Doing::Create))?;
    Ok(path)
}

/// Every file under `root` (or under its folders `only`, when given), as `/`-separated paths
/// relative to it, sorted; hidden files (the temporary copies of [`replace`]) left out. Folders
/// are told from files by their directory entry, without a `stat` each: at 100,000 articles a
/// folder holds that many files.
pub fn files_under(root: &Path, only: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders: Vec<PathBuf> = if only.is_empty() {
        vec![root.to_path_buf()]
    } else {
        only.iter().map(|o| root.join(o)).collect()
    };
    while let Some(folder) = folders.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            // A link is followed, as `Path::is_dir` would.
            let folder = entry
                .file_type()
                .is_ok_and(|t| t.is_dir() || (t.is_symlink() && path.is_dir()));
            if folder {
                folders.push(path);
            } else if !entry.file_name().to_string_lossy().starts_with('.') {
                let name = path.strip_prefix(root).unwrap_or(&path).to_string_lossy();
                found.push(name.replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

/// A hash of `bytes`, short: enough to tell two versions of a file apart (what a publication
/// records of each API file it wrote, `veille_build::publish`).
#[cfg(feature = "ssr")]
pub fn short_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    digest[..12].iter().map(|b| format!("{b:02x}")).collect()
}

/// A build file's JSON: pretty, with a final newline, as the content files are committed.
pub fn json<T: serde::Serialize>(value: &T) -> String {
    // Plain structs with string keys: serialising them cannot fail.
    let mut text = serde_json::to_string_pretty(value).expect("content serialises to JSON");
    text.push('\n');
    text
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_names_are_written() {
        for good in [
            "index.html",
            "article/x/index.html",
            "tags/sante/2.json",
            "...json",
        ] {
            assert_eq!(unsafe_name(good), None, "{good}");
        }
        for bad in [
            "",
            "..",
            "../x",
            "article/../../x",
            "/etc/x",
            "./x",
            "a\\..\\b",
            "a\0b",
        ] {
            assert!(unsafe_name(bad).is_some(), "{bad:?}");
        }
    }

    #[test]
    fn a_changed_write_touches_only_what_changed_and_leaves_no_temporary_file() {
        let out = std::env::temp_dir().join(format!("veille-put-{}", std::process::id()));
        let _ = fs::remove_dir_all(&out);
        fs::create_dir_all(&out).unwrap();
        let put = |text: &str| put(&out, "a/b.html", text.as_bytes(), Writes::Changed).unwrap();
        assert!(put("un").is_some());
        assert_eq!(put("un"), None);
        assert!(put("deux").is_some());
        assert_eq!(fs::read_to_string(out.join("a/b.html")).unwrap(), "deux");
        let names: Vec<_> = fs::read_dir(out.join("a"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, ["b.html"]);
        assert!(put_refused(&out));
        // A copy a killed process left is swept; a file that only looks like one is not.
        fs::write(out.join("a/.b.html.veille-123-4"), "moitié").unwrap();
        fs::write(out.join("a/.b.html.veille-x"), "garde").unwrap();
        assert_eq!(sweep(&out).unwrap(), 1);
        assert!(out.join("a/.b.html.veille-x").exists());
        // Once a process: a copy found later can only be another live process's, left alone.
        fs::write(out.join("a/.b.html.veille-123-5"), "moitié").unwrap();
        assert_eq!(sweep(&out).unwrap(), 0);
        assert!(out.join("a/.b.html.veille-123-5").exists());
        fs::remove_dir_all(&out).unwrap();
    }

    fn put_refused(out: &Path) -> bool {
        put(out, "../dehors.html", b"non", Writes::Changed).is_err()
    }

    #[test]
    fn the_writer_never_leaves_its_folder() {
        let root = std::env::temp_dir().join(format!("veille-output-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let out = root.join("dist");
        fs::create_dir_all(&out).unwrap();
        write(&out, "article/x/index.html", "ok").unwrap();
        assert_eq!(
            fs::read_to_string(out.join("article/x/index.html")).unwrap(),
            "ok"
        );
        for bad in ["../dehors.html", "article/../../dehors.html", "/tmp/dehors"] {
            let err = write(&out, bad, "non").unwrap_err();
            assert!(err.to_string().contains("refusée"), "{bad}: {err}");
        }
        assert!(!root.join("dehors.html").exists());
        // A folder of the output that is a link to elsewhere is refused too.
        let elsewhere = root.join("ailleurs");
        fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, out.join("lien")).unwrap();
        let err = write(&out, "lien/x/index.html", "non").unwrap_err();
        assert!(err.to_string().contains("hors du dossier"), "{err}");
        assert!(
            fs::read_dir(&elsewhere).unwrap().next().is_none(),
            "nothing created there"
        );
        fs::remove_dir_all(&root).unwrap();
    }
}

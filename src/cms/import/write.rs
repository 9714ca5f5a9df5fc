//! The write stage: the site an import assembles (the CMS's name and themes, the directory's
//! own Veille settings), the images' copies, and the content directory written file by file,
//! only what changed, each file whole.

use super::{state::State, Get, ImportError, Imported, STATE_FILE};
use crate::cms::media;
use crate::model::{
    content::{Article, Catalog, Newsletter, Site, Tag},
    files::{Doing, FileError},
    french::number,
    output::{self, Writes},
    parallel,
};
use std::{
    collections::{BTreeMap, HashSet},
    fs,
    io::Write,
    path::Path,
};

/// With `local`, the images of `articles` served from copies under
/// `dir/media/`, made once each ([`media::Media`]); what it cost is said on `progress`. The
/// slugs of the articles it changed.
pub(super) fn localize(
    http: &dyn Get,
    dir: &Path,
    articles: &mut [Article],
    local: bool,
    progress: &mut dyn Write,
) -> Result<HashSet<String>, ImportError> {
    if !local {
        return Ok(HashSet::new());
    }
    let mut media = media::Media::open(dir)?;
    let changed: HashSet<String> = media
        .localize(http, articles, progress)
        .into_iter()
        .zip(articles.iter())
        .filter(|(changed, _)| *changed)
        .map(|(_, article)| article.summary.slug.clone())
        .collect();
    media.save()?;
    let cost = media.cost;
    let each = if cost.made > 0 {
        format!(
            ", {}\u{a0}ms par image",
            number((cost.millis / cost.made as u128) as u64)
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        progress,
        "images\u{a0}: {} faites en {}\u{a0}ms{each} ({}\u{a0}octets écrits), {} reprises telles quelles, {} laissées sur le CMS",
        number(cost.made as u64),
        number(cost.millis as u64),
        number(cost.bytes),
        number(cost.reused as u64),
        number(cost.failed as u64),
    );
    Ok(changed)
}

/// The site of an import: the CMS's name, tagline and themes; the Veille settings of the
/// directory's `site.json` when it has one (newsletter copy, social profiles, page size, and its
/// public address unless `base_url` names one; the CMS's `home` the first time).
pub(super) fn site_for(
    dir: &Path,
    name: &str,
    tagline: &str,
    base_url: Option<&str>,
    home: &str,
    tags: Vec<Tag>,
) -> Site {
    let previous = fs::read_to_string(dir.join("site.json"))
        .ok()
        .and_then(|json| serde_json::from_str::<Site>(&json).ok());
    let address = base_url
        .map(str::to_string)
        .or_else(|| previous.as_ref().map(|p| p.base_url.clone()))
        .unwrap_or_else(|| home.to_string());
    Site {
        name: name.to_string(),
        tagline: tagline.to_string(),
        base_url: address.trim_end_matches('/').to_string(),
        tags,
        ..previous.unwrap_or_else(|| default_site(name, tagline))
    }
}

/// What a site imported for the first time says of itself until an editor writes it: the
/// newsletter box's copy, in French.
fn default_site(name: &str, tagline: &str) -> Site {
    Site {
        name: name.to_string(),
        tagline: tagline.to_string(),
        about: tagline.to_string(),
        base_url: String::new(),
        page_size: 10,
        contact_email: None,
        newsletter: Newsletter {
            title: "La lettre".to_string(),
            pitch: format!("Le meilleur de {name}, chaque matin dans votre boîte mail."),
            members: None,
            privacy: "Votre adresse ne sert qu’à l’envoi de la lettre.".to_string(),
            privacy_url: None,
        },
        social: Vec::new(),
        tags: Vec::new(),
    }
}

/// Checks the site and articles as any archive is checked, and writes them into the content
/// directory at `dir` ([`write_files`]): the articles of `fresh` (by slug: the posts read now,
/// and those whose images became the site's), the others only when their file is missing.
/// `withheld`: those read without their text ([`Catalog::from_dir_keeping`]), never written.
/// `counts`: posts read whole, articles removed, requests made.
pub(super) fn write_dir(
    site: Site,
    (articles, withheld): (Vec<Article>, HashSet<String>),
    fresh: &HashSet<String>,
    state: &State,
    (dir, published): (&Path, Option<&BTreeMap<String, String>>),
    (updated, removed, requests): (usize, usize, usize),
) -> Result<Imported, ImportError> {
    // The articles not written now were kept from the last import's catalog, ready.
    let catalog = Catalog::new_keeping(site, articles, |a| !fresh.contains(&a.summary.slug))
        .map_err(|e| ImportError::Invalid(e.for_editors()))?
        .withholding(withheld);
    let derived = write_files(&catalog, fresh, state, dir, published)?;
    Ok(Imported {
        articles: catalog.summaries().len(),
        updated,
        removed,
        tags: catalog.site().tags.len(),
        requests,
        catalog,
        derived,
    })
}

/// What an import of an earlier version left beside the directory, stopped mid-way (killed,
/// the machine down) when it wrote a whole copy and swapped it in: its half-written copy,
/// removed; and if it stopped between its two renames, the directory itself set aside, put
/// back.
fn recover(dir: &Path) {
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = dir
        .file_name()
        .map_or("contenu".into(), |n| n.to_string_lossy().into_owned());
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if file.starts_with(&format!(".{name}.import-")) {
            let _ = fs::remove_dir_all(&path);
        } else if file.starts_with(&format!(".{name}.previous-")) {
            if dir.exists() {
                let _ = fs::remove_dir_all(&path);
            } else {
                let _ = fs::rename(&path, dir);
            }
        }
    }
}

/// The content directory brought to `catalog`, file by file, each file whole before or after
/// ([`output::put`]: written beside its place, renamed over it): the site, the articles of
/// `fresh` and any missing, the derived files ([`write_derived`]); the articles no longer in
/// the catalog removed; the import's state last. An import stopped mid-way leaves every file
/// whole and the state of the import before, so the next one reads the same posts again and
/// finishes the work; the time it takes grows with what changed, not with the archive.
/// The derived files, as [`write_derived`] answers them.
fn write_files(
    catalog: &Catalog,
    fresh: &HashSet<String>,
    state: &State,
    dir: &Path,
    published: Option<&BTreeMap<String, String>>,
) -> Result<Vec<Derived>, ImportError> {
    recover(dir);
    let articles = dir.join("articles");
    fs::create_dir_all(&articles).map_err(FileError::at(&articles, Doing::Create))?;
    output::sweep(dir)?;
    let present: HashSet<String> = fs::read_dir(&articles)
        .map_err(FileError::at(&articles, Doing::List))?
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    output::put(
        dir,
        "site.json",
        output::json(catalog.site()).as_bytes(),
        Writes::Changed,
    )?;
    let mut named = HashSet::new();
    for summary in catalog.summaries() {
        let file = format!("{}.json", summary.slug);
        if fresh.contains(&summary.slug) || !present.contains(&file) {
            let article = catalog
                .article(&summary.slug)
                .map_err(|e| ImportError::Invalid(e.for_editors()))?;
            output::put(
                dir,
                &format!("articles/{file}"),
                output::json(&article).as_bytes(),
                Writes::Changed,
            )?;
        }
        named.insert(file);
    }
    let derived = write_derived(catalog, dir, published)?;
    for file in present.difference(&named) {
        if file.ends_with(".json") && !file.starts_with('.') {
            let path = articles.join(file);
            fs::remove_file(&path).map_err(FileError::at(&path, Doing::Remove))?;
        }
    }
    output::put(
        dir,
        STATE_FILE,
        output::json(state).as_bytes(),
        Writes::Changed,
    )?;
    Ok(derived)
}

/// The folders of the files derived from the articles (the API's lists and « À lire aussi »).
const DERIVED: [&str; 4] = ["index", "tags", "authors", "related"];

/// A file derived from the articles, as [`write_derived`] made it.
#[derive(Debug, Clone)]
pub struct Derived {
    /// Its path in the content directory, `/`-separated (`related/<slug>.json`).
    pub name: String,
    /// [`output::short_hash`] of its text.
    pub hash: String,
    /// Its text, unless the last publication recorded it with this hash: the rest of a round
    /// needs only what changed, and a large archive's lists weigh as much as its articles.
    pub text: Option<String>,
}

/// The files derived from `catalog`'s articles written into `dir` (only those whose bytes
/// changed), and those of an older catalog that it no longer has removed. `published`: the hash
/// of each file as the last publication recorded it (`veille_build::publish`); a file whose text has
/// that hash, and is there, is not read again to be compared (on a large archive, reading every
/// list to find the few that changed took most of a round).
pub fn write_derived(
    catalog: &Catalog,
    dir: &Path,
    published: Option<&BTreeMap<String, String>>,
) -> Result<Vec<Derived>, FileError> {
    let there: HashSet<String> = output::files_under(dir, &DERIVED).into_iter().collect();
    // Made and hashed on every core, each text dropped as soon as it is known to be unchanged.
    let derived: Vec<Derived> = parallel::map(catalog.derived_files(), |file| {
        let (name, text) = catalog.derived_file(file)?;
        let hash = output::short_hash(text.as_bytes());
        let unchanged = published.is_some_and(|hashes| hashes.get(&name) == Some(&hash))
            && there.contains(&name);
        Some(Derived {
            name,
            hash,
            text: (!unchanged).then_some(text),
        })
    })
    .into_iter()
    .flatten()
    .collect();
    for file in &derived {
        if let Some(text) = &file.text {
            output::put(dir, &file.name, text.as_bytes(), Writes::Changed)?;
        }
    }
    let keep: HashSet<&str> = derived.iter().map(|file| file.name.as_str()).collect();
    for name in there.iter().filter(|name| !keep.contains(name.as_str())) {
        let path = dir.join(name);
        fs::remove_file(&path).map_err(FileError::at(&path, Doing::Remove))?;
        if let Some(parent) = path.parent() {
            let _ = fs::remove_dir(parent);
        }
    }
    Ok(derived)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::content::bundled;

    /// The record of the last publication is trusted for what it says: a derived file whose new
    /// text has the recorded hash is neither read nor written (an edit by hand since stays); one
    /// that is missing is written again; without a record, each is compared with the disk.
    #[test]
    fn a_derived_file_already_published_is_not_compared_again() {
        let dir = std::env::temp_dir().join(format!("veille-derived-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let catalog = bundled().unwrap();
        let derived = write_derived(catalog, &dir, None).unwrap();
        let published: BTreeMap<String, String> = derived
            .iter()
            .map(|file| {
                let text = file.text.as_deref().unwrap_or_default();
                (file.name.clone(), output::short_hash(text.as_bytes()))
            })
            .collect();
        let (edited, gone) = (&derived[0].name, &derived[1].name);
        fs::write(dir.join(edited), "édité").unwrap();
        fs::remove_file(dir.join(gone)).unwrap();
        write_derived(catalog, &dir, Some(&published)).unwrap();
        assert_eq!(fs::read_to_string(dir.join(edited)).unwrap(), "édité");
        assert_eq!(
            fs::read_to_string(dir.join(gone)).unwrap(),
            derived[1].text.as_deref().unwrap()
        );
        write_derived(catalog, &dir, None).unwrap();
        assert_eq!(
            fs::read_to_string(dir.join(edited)).unwrap(),
            derived[0].text.as_deref().unwrap()
        );
        let _ = fs::remove_dir_all(&dir);
    }
}

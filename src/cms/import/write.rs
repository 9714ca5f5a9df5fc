//! The write stage: the site an import assembles (the CMS's name and themes, the directory's
//! own Veille settings), the images' copies, and the content directory written beside its place
//! and swapped in, so that it is never half written.

use super::{state::State, Get, ImportError, Imported, PUBLICATION_FILE, STATE_FILE};
use crate::cms::media;
use crate::model::{
    content::{Article, Catalog, Newsletter, Site, Tag},
    french::number,
    output,
};
use std::{fs, io::Write, path::Path};

/// With `local`, the images of `articles` served from copies under
/// `dir/media/`, made once each ([`media::Media`]); what it cost is said on `progress`.
pub(super) fn localize(
    http: &dyn Get,
    dir: &Path,
    articles: &mut [Article],
    local: bool,
    progress: &mut dyn Write,
) -> Result<(), ImportError> {
    if !local {
        return Ok(());
    }
    let mut media = media::Media::open(dir).map_err(ImportError::Files)?;
    media.localize(http, articles, progress);
    media.save().map_err(ImportError::Files)?;
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
    Ok(())
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

/// Checks the site and articles as any archive is checked, and writes them as a content
/// directory at `dir`: into a folder beside it, then swapped in, so that `dir` is never half
/// written. `counts`: posts read whole, articles removed, requests made.
pub(super) fn write_dir(
    site: Site,
    articles: Vec<Article>,
    state: &State,
    dir: &Path,
    (updated, removed, requests): (usize, usize, usize),
) -> Result<Imported, ImportError> {
    let catalog =
        Catalog::new(site, articles).map_err(|e| ImportError::Invalid(e.for_editors()))?;
    let imported = Imported {
        articles: catalog.summaries().len(),
        updated,
        removed,
        tags: catalog.site().tags.len(),
        requests,
    };
    write_files(&catalog, state, dir).map_err(ImportError::Files)?;
    Ok(imported)
}

/// What an import stopped mid-way (killed, the machine down) left beside the directory: its
/// half-written copy, removed; and if it stopped between its two renames, the directory itself
/// set aside, put back.
fn recover(parent: &Path, name: &str, dir: &Path) {
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

fn write_files(catalog: &Catalog, state: &State, dir: &Path) -> Result<(), String> {
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| format!("{}\u{a0}: {e}", parent.display()))?;
    let name = dir
        .file_name()
        .map_or("contenu".into(), |n| n.to_string_lossy().into_owned());
    recover(parent, &name, dir);
    let fresh = parent.join(format!(".{name}.import-{}", std::process::id()));
    let old = parent.join(format!(".{name}.previous-{}", std::process::id()));
    let _ = fs::remove_dir_all(&fresh);
    fs::create_dir_all(&fresh).map_err(|e| format!("{}\u{a0}: {e}", fresh.display()))?;
    let written = (|| -> Result<(), String> {
        output::write(&fresh, "site.json", &output::json(catalog.site()))?;
        output::write(&fresh, STATE_FILE, &output::json(state))?;
        for summary in catalog.summaries() {
            let article = catalog.article(&summary.slug).map_err(|e| e.to_string())?;
            output::write(
                &fresh,
                &format!("articles/{}.json", summary.slug),
                &output::json(&article),
            )?;
        }
        for (path, json) in catalog.derived_api_files() {
            output::write(&fresh, &path, &json)?;
        }
        Ok(())
    })();
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&fresh);
        return Err(e);
    }
    // The images' copies (`--images local`) go on with the content, moved rather than copied:
    // written into the directory as they were made, they are kept from one import to the next.
    let media = dir.join(media::DIR);
    let moved = media.is_dir() && fs::rename(&media, fresh.join(media::DIR)).is_ok();
    // So does what `veille-content sync` recorded of its last round (a copy: small).
    let publication = dir.join(PUBLICATION_FILE);
    if publication.is_file() {
        let _ = fs::copy(&publication, fresh.join(PUBLICATION_FILE));
    }
    let had = dir.exists();
    let swapped = if had { fs::rename(dir, &old) } else { Ok(()) }.and_then(|()| {
        fs::rename(&fresh, dir).inspect_err(|_| {
            if had {
                let _ = fs::rename(&old, dir);
            }
        })
    });
    if let Err(e) = swapped {
        if moved {
            let _ = fs::rename(fresh.join(media::DIR), &media);
        }
        let _ = fs::remove_dir_all(&fresh);
        return Err(format!("{}\u{a0}: {e}", dir.display()));
    }
    if had {
        let _ = fs::remove_dir_all(&old);
    }
    Ok(())
}

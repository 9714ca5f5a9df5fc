//! What an import remembers for the next one, and the compare stage: what changed in the CMS
//! since, from its light listing of the published posts. Pure, tested alone.

use crate::cms::wordpress;
use std::{
    collections::{BTreeMap, HashSet},
    fs,
    path::Path,
};

/// What an import remembers for the next one, in the directory's [`STATE_FILE`].
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(super) struct State {
    pub source: String,
    pub url: String,
    /// Each imported post's last modification (UTC: WordPress' `modified_gmt`, Ghost's
    /// `updated_at`), by the CMS's id.
    pub modified: BTreeMap<String, String>,
    /// WordPress only: each post's id and slug, for the links between posts (a Ghost post's
    /// link names its slug, and Ghost's state has none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub posts: Vec<wordpress::Known>,
    /// Ghost only: each post's Ghost slug, by id, so that an import of the posts a notification
    /// named maps the links between posts without listing them all.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub slugs: BTreeMap<String, String>,
}

/// Where an import keeps its [`State`], in the content directory.
pub const STATE_FILE: &str = "import.json";

/// The file `veille-content sync` keeps in the content directory about its last round
/// (`crate::publish`): the import leaves it alone.
pub const PUBLICATION_FILE: &str = "publication.json";

impl State {
    /// What the last import of the same site (`source`: `wordpress` or `ghost`, at `url`) left
    /// in `dir`; `None` the first time, or when `dir` held another site.
    pub(super) fn read(dir: &Path, source: &str, url: &str) -> Option<State> {
        let json = fs::read_to_string(dir.join(STATE_FILE)).ok()?;
        serde_json::from_str::<State>(&json)
            .ok()
            .filter(|s| s.source == source && s.url == url)
    }
}

/// What changed in the CMS since the last import, by post id.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// New, or modified since: to read whole.
    pub changed: Vec<String>,
    /// Listed and unchanged: their articles are kept as the last import wrote them.
    pub unchanged: Vec<String>,
    /// Read by the last import and no longer listed: deleted or unpublished.
    pub gone: Vec<String>,
}

/// Compares the CMS's light listing, `(id, last modification)` of each published post, with
/// the last modification of each post the last import read.
pub fn compare(read: &BTreeMap<String, String>, listed: &[(String, String)]) -> Changes {
    let mut changes = Changes::default();
    for (id, modified) in listed {
        if read.get(id) == Some(modified) {
            changes.unchanged.push(id.clone());
        } else {
            changes.changed.push(id.clone());
        }
    }
    let listed: HashSet<&str> = listed.iter().map(|(id, _)| id.as_str()).collect();
    changes.gone = read
        .keys()
        .filter(|id| !listed.contains(id.as_str()))
        .cloned()
        .collect();
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn changes_are_told_apart_by_id_and_last_modification() {
        let read: BTreeMap<String, String> = pairs(&[
            ("1", "2026-12-01"),
            ("2", "2026-12-02"),
            ("3", "2026-12-03"),
        ])
        .into_iter()
        .collect();
        let listed = pairs(&[
            ("1", "2026-12-01"),
            ("2", "2026-12-05"),
            ("4", "2026-12-06"),
        ]);
        assert_eq!(
            compare(&read, &listed),
            Changes {
                changed: vec!["2".into(), "4".into()],
                unchanged: vec!["1".into()],
                gone: vec!["3".into()],
            }
        );
        // The first time, everything listed is new.
        let first = compare(&BTreeMap::new(), &listed);
        assert_eq!(
            (first.changed.len(), first.unchanged.len(), first.gone.len()),
            (3, 0, 0)
        );
    }
}

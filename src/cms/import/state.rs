//! What an import remembers for the next one, and the compare stage: what changed in the CMS
//! since, from its light listing of the published posts. Pure, tested alone.

use crate::cms::wordpress;
use crate::model::dates::unix_seconds;
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
/// (`veille_build::publish`): the import leaves it alone.
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

/// How far back a page of the posts modified last must reach, before the newest modification
/// the last import saw, to hold every change since: a day, more than any shift between the
/// order a CMS sorts them in (WordPress: the site's local time) and their UTC times.
const REACH_SECONDS: i64 = 86_400;

/// The light listing, `(id, last modification)` of each published post, told from one page of
/// the posts modified last (`recent`, `page_size` of them at most, the last modified first)
/// and how many posts the CMS publishes (`total`), without listing them all: when the page
/// reaches back a day before the newest modification the last import read (`read`), every
/// post changed since is on it, and when the count adds up, no post left. The page itself
/// when it holds every published post. `None` when it cannot tell: the whole listing is read.
///
/// Missed: a post that leaves while another is published with an older modification (a
/// scheduled post, which WordPress publishes without touching it): the count adds up. The
/// whole listing, read now and then, catches it.
pub fn listing_from_recent(
    read: &BTreeMap<String, String>,
    recent: &[(String, String)],
    total: Option<u64>,
    page_size: usize,
) -> Option<Vec<(String, String)>> {
    let total = total?;
    if recent.len() < page_size {
        return (total == recent.len() as u64).then(|| recent.to_vec());
    }
    let newest = read.values().filter_map(|at| unix_seconds(at)).max()?;
    let reaches = recent
        .iter()
        .any(|(_, at)| unix_seconds(at).is_some_and(|t| t < newest - REACH_SECONDS));
    if !reaches {
        return None;
    }
    let mut listing: BTreeMap<&str, &str> = read
        .iter()
        .map(|(id, at)| (id.as_str(), at.as_str()))
        .collect();
    for (id, at) in recent {
        listing.insert(id, at);
    }
    (total == listing.len() as u64).then(|| {
        listing
            .into_iter()
            .map(|(id, at)| (id.to_string(), at.to_string()))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An archive of `n` posts, ids 1 to n, modified an hour apart (n the newest), as the last
    /// import read it.
    fn archive(n: usize) -> BTreeMap<String, String> {
        (1..=n).map(|i| (i.to_string(), hour(i))).collect()
    }

    /// `i` hours after 2023-11-01 at midnight, as WordPress writes `modified_gmt` (up to 29
    /// days: enough for these archives).
    fn hour(i: usize) -> String {
        format!("2023-11-{:02}T{:02}:00:00", 1 + i / 24, i % 24)
    }

    /// The page of the `size` posts modified last of `now` (the CMS today), as it answers it.
    fn page(now: &BTreeMap<String, String>, size: usize) -> Vec<(String, String)> {
        let mut posts: Vec<(String, String)> = now
            .iter()
            .map(|(id, at)| (id.clone(), at.clone()))
            .collect();
        posts.sort_by(|a, b| b.1.cmp(&a.1));
        posts.truncate(size);
        posts
    }

    fn sorted(mut listing: Vec<(String, String)>) -> Vec<(String, String)> {
        listing.sort();
        listing
    }

    #[test]
    fn the_posts_modified_last_tell_the_listing_when_they_reach_back_and_the_count_adds_up() {
        let read = archive(300);
        // Two posts modified, one published since the last import.
        let mut now = read.clone();
        now.insert("7".into(), hour(320));
        now.insert("250".into(), hour(321));
        now.insert("301".into(), hour(322));
        let told = listing_from_recent(&read, &page(&now, 100), Some(now.len() as u64), 100);
        let whole: Vec<(String, String)> = now.clone().into_iter().collect();
        assert_eq!(told.map(sorted), Some(sorted(whole.clone())));
        assert_eq!(
            compare(&read, &whole).changed,
            vec!["250".to_string(), "301".into(), "7".into()]
        );
        // Nothing changed: the listing is the last import's.
        let same = listing_from_recent(&read, &page(&read, 100), Some(300), 100);
        assert_eq!(same.map(sorted), Some(read.clone().into_iter().collect()));
    }

    #[test]
    fn a_post_gone_or_a_page_that_does_not_reach_back_asks_for_the_whole_listing() {
        let read = archive(300);
        // Unpublished since: no longer on any page, and one fewer published.
        let mut now = read.clone();
        now.remove("42");
        assert_eq!(
            listing_from_recent(&read, &page(&now, 100), Some(299), 100),
            None
        );
        // 100 posts modified within the day: the page may not hold every change.
        let mut busy = read.clone();
        for i in 1..=100 {
            busy.insert(i.to_string(), hour(400 + i / 10));
        }
        assert_eq!(
            listing_from_recent(&read, &page(&busy, 100), Some(300), 100),
            None
        );
        // No count, or dates it cannot read.
        assert_eq!(
            listing_from_recent(&read, &page(&read, 100), None, 100),
            None
        );
        let unreadable: Vec<(String, String)> = page(&read, 100)
            .into_iter()
            .map(|(id, _)| (id, "hier".to_string()))
            .collect();
        assert_eq!(
            listing_from_recent(&read, &unreadable, Some(300), 100),
            None
        );
    }

    #[test]
    fn a_page_that_holds_every_post_is_the_listing_departures_included() {
        let read = archive(30);
        let mut now = read.clone();
        now.remove("3");
        now.insert("31".into(), hour(40));
        let told = listing_from_recent(&read, &page(&now, 100), Some(30), 100).unwrap();
        assert_eq!(sorted(told), now.into_iter().collect::<Vec<_>>());
    }

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

//! A synthetic archive for benchmarks and scale tests (native tools and tests, not the shipped
//! site): N French articles with four h2 sections, three tags out of ten and dates spread over
//! years, the same for the same seed.

use super::{
    Article, ArticleSummary, Block, Catalog, Inline, Inlines, LoadError, Newsletter, Site, Tag,
};
use std::{fs, path::Path};

/// A small deterministic generator (xorshift64*), so the same seed gives the same archive.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const TAGS: [(&str, &str); 10] = [
    ("apprentissage", "Apprentissage automatique"),
    ("langage", "Modèles de langage"),
    ("vision", "Vision par ordinateur"),
    ("donnees", "Science des données"),
    ("sante", "Santé"),
    ("climat", "Climat et énergie"),
    ("regulation", "Régulation"),
    ("securite", "Sécurité"),
    ("recherche", "Recherche"),
    ("industrie", "Industrie"),
];
const SUBJECTS: [&str; 8] = [
    "Un laboratoire public",
    "Une jeune pousse lyonnaise",
    "Une équipe de chercheuses",
    "Un consortium européen",
    "Un hôpital universitaire",
    "Une agence nationale",
    "Un groupe industriel",
    "Une association de développeurs",
];
const VERBS: [&str; 6] = [
    "présente",
    "publie",
    "met à l’essai",
    "ouvre au public",
    "évalue",
    "compare",
];
const OBJECTS: [&str; 8] = [
    "un modèle de prévision",
    "un jeu de données annoté",
    "une méthode d’évaluation",
    "un outil de détection",
    "un modèle de langage compact",
    "une bibliothèque logicielle",
    "un banc d’essai",
    "un protocole d’audit",
];
const SECTIONS: [&str; 8] = [
    "Le contexte",
    "Ce que montrent les résultats",
    "Les limites de l’étude",
    "Ce qui change pour les équipes",
    "La méthode",
    "Les réactions",
    "Les prochaines étapes",
    "Les chiffres clés",
];
const SENTENCES: [&str; 8] = [
    "Les auteurs décrivent leur protocole en détail et publient leur code.",
    "Les premiers résultats sont encourageants, mais demandent à être confirmés sur d’autres données.",
    "Plusieurs spécialistes rappellent qu’un score moyen cache souvent de fortes disparités.",
    "Le coût de calcul reste un frein pour les petites structures.",
    "Les données utilisées proviennent de sources publiques et documentées.",
    "Une évaluation indépendante est prévue dans les prochains mois.",
    "Les équipes concernées devront adapter leurs pratiques de suivi.",
    "Le projet s’inscrit dans une tendance plus large observée depuis deux ans.",
];

/// The site and `n` articles, newest last, from `seed`.
pub fn archive(n: usize, seed: u64) -> (Site, Vec<Article>) {
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let site = Site {
        name: "Veille IA".into(),
        tagline: "Archive synthétique".into(),
        about: "Une archive générée pour mesurer Veille à grande échelle.".into(),
        base_url: "https://veille-ia.example".into(),
        page_size: 12,
        contact_email: None,
        newsletter: Newsletter {
            title: "La lettre quotidienne, gratuite".into(),
            pitch: "L’essentiel de l’actualité, chaque matin.".into(),
            members: Some(18_400),
            privacy: "Pas de spam, jamais de transmission à des tiers.".into(),
            privacy_url: None,
        },
        social: vec![],
        tags: TAGS
            .iter()
            .map(|(slug, name)| Tag {
                slug: (*slug).into(),
                name: (*name).into(),
                description: None,
            })
            .collect(),
    };
    let mut articles = Vec::with_capacity(n);
    for i in 0..n {
        // Dates spread over about eight years, one article every few hours.
        let day = (i * 7 / 24) as u32;
        let (y, m, d) = (2017 + day / 336, 1 + (day % 336) / 28, 1 + day % 28);
        let mut tags: Vec<String> = Vec::new();
        while tags.len() < 3 {
            let tag = TAGS[rng.below(TAGS.len())].0.to_string();
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let title = format!(
            "{} {} {} (n°\u{a0}{})",
            rng.pick(&SUBJECTS),
            rng.pick(&VERBS),
            rng.pick(&OBJECTS),
            i + 1
        );
        let mut body = Vec::new();
        for _ in 0..4 {
            body.push(Block::Heading {
                level: 2,
                text: rng.pick(&SECTIONS).into(),
            });
            for _ in 0..2 {
                let text = (0..3)
                    .map(|_| rng.pick(&SENTENCES))
                    .collect::<Vec<_>>()
                    .join(" ");
                body.push(Block::Paragraph {
                    text: Inlines(vec![Inline::Text(text)]),
                });
            }
        }
        let slug = format!("article-synthetique-{}", i + 1);
        articles.push(Article {
            summary: ArticleSummary {
                lead: format!("{} {}", rng.pick(&SENTENCES), rng.pick(&SENTENCES)),
                slug,
                title,
                published: format!("{y:04}-{m:02}-{d:02}"),
                updated: None,
                author: "Rédaction Veille IA".into(),
                tags,
                cover: None,
                reading_minutes: None,
            },
            body,
            author_profile: None,
        });
    }
    (site, articles)
}

/// Writes the archive of [`archive`] into `dir` in the content API's layout (`site.json`,
/// `articles/<slug>.json`), replacing the articles there, and returns it as a catalog.
pub fn write(dir: &Path, n: usize, seed: u64) -> Result<Catalog, LoadError> {
    use crate::model::files::{Doing, FileError};
    let articles_dir = dir.join("articles");
    if articles_dir.exists() {
        fs::remove_dir_all(&articles_dir).map_err(FileError::at(&articles_dir, Doing::Remove))?;
    }
    fs::create_dir_all(&articles_dir).map_err(FileError::at(&articles_dir, Doing::Create))?;
    let (site, articles) = archive(n, seed);
    let write = |path: &Path, json: String| {
        fs::write(path, json).map_err(FileError::at(path, Doing::Write))
    };
    // Plain structs with string keys: serialising them cannot fail.
    for article in &articles {
        let path = articles_dir.join(format!("{}.json", article.summary.slug));
        write(
            &path,
            serde_json::to_string(article).expect("content serialises to JSON"),
        )?;
    }
    let site_json = serde_json::to_string_pretty(&site).expect("content serialises to JSON");
    write(&dir.join("site.json"), site_json)?;
    Catalog::new(site, articles).map_err(|error| LoadError::Content {
        dir: dir.to_path_buf(),
        error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_archive() {
        let (site_a, a) = archive(50, 7);
        let (site_b, b) = archive(50, 7);
        assert_eq!(site_a, site_b);
        assert_eq!(a, b);
        let (_, c) = archive(50, 8);
        assert_ne!(a, c);
    }

    #[test]
    fn an_archive_written_to_disk_reads_back_the_same() {
        let dir = std::env::temp_dir().join(format!("veille-synthetic-{}", std::process::id()));
        let written = write(&dir, 300, 5).unwrap();
        // Read back on every core, in order.
        let read = Catalog::from_dir(&dir).unwrap();
        let _ = fs::remove_dir_all(&dir);
        assert_eq!(read.site(), written.site());
        assert_eq!(read.summaries(), written.summaries());
        for s in written.summaries() {
            assert_eq!(read.article(&s.slug), written.article(&s.slug));
        }
    }

    #[test]
    fn articles_have_four_sections_and_three_tags_over_years() {
        let (site, articles) = archive(2_000, 1);
        assert_eq!(site.tags.len(), 10);
        for article in &articles {
            let h2 = article
                .body
                .iter()
                .filter(|b| matches!(b, Block::Heading { level: 2, .. }))
                .count();
            assert_eq!(h2, 4);
            assert_eq!(article.summary.tags.len(), 3);
            let mut unique = article.summary.tags.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), 3);
        }
        let first = &articles[0].summary.published[..4];
        let last = &articles[articles.len() - 1].summary.published[..4];
        assert!(last.parse::<u32>().unwrap() - first.parse::<u32>().unwrap() >= 1);
    }
}

#[cfg(test)]
mod related_tests {
    use super::*;

    /// Related articles from the tag index are exactly those a comparison of every pair would
    /// pick: most shared tags first, then those with the article's first tag, then the nearest
    /// in publication order, and the nearest of all when too few share a tag — on an archive
    /// whose articles have one to five tags (the nearest of all, for articles sharing too few,
    /// is `tests.rs`).
    #[test]
    fn related_articles_match_a_comparison_of_every_pair() {
        let (site, mut articles) = archive(400, 11);
        let mut rng = Rng(99);
        for article in &mut articles {
            let want = 1 + rng.below(5);
            article.summary.tags.clear();
            while article.summary.tags.len() < want {
                let tag = TAGS[rng.below(TAGS.len())].0.to_string();
                if !article.summary.tags.contains(&tag) {
                    article.summary.tags.push(tag);
                }
            }
        }
        let catalog = Catalog::new(site, articles).unwrap();
        let all = catalog.summaries();
        for (me, summary) in all.iter().enumerate() {
            let mut ranked: Vec<(usize, (usize, bool))> = all
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != me)
                .map(|(i, other)| {
                    let shared = other
                        .tags
                        .iter()
                        .filter(|t| summary.tags.contains(t))
                        .count();
                    (i, (shared, other.tags.contains(&summary.tags[0])))
                })
                .collect();
            ranked.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then(a.0.abs_diff(me).cmp(&b.0.abs_diff(me)))
                    .then(a.0.cmp(&b.0))
            });
            let expected: Vec<&str> = ranked
                .iter()
                .take(3)
                .map(|&(i, _)| all[i].slug.as_str())
                .collect();
            let got = catalog.related(&summary.slug, 3).unwrap();
            let got: Vec<&str> = got.iter().map(|s| s.slug.as_str()).collect();
            assert_eq!(got, expected, "{}", summary.slug);
        }
    }
}

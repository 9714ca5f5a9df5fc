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
use veille::content::{
    Article, ArticleSummary, Block, Catalog, Inline, Inlines, Newsletter, Site, Tag,
};

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

// --- A synthetic archive -------------------------------------------------------------------

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

fn synthetic(n: &str, dir: &str, seed: &str) -> Result<(), String> {
    let n: usize = n
        .parse()
        .map_err(|_| format!("not a number of articles: {n}"))?;
    let seed: u64 = seed.parse().map_err(|_| format!("not a seed: {seed}"))?;
    let dir = Path::new(dir);
    let articles_dir = dir.join("articles");
    if articles_dir.exists() {
        fs::remove_dir_all(&articles_dir).map_err(|e| e.to_string())?;
    }
    fs::create_dir_all(&articles_dir).map_err(|e| e.to_string())?;

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
        let article = Article {
            summary: ArticleSummary {
                lead: format!("{} {}", rng.pick(&SENTENCES), rng.pick(&SENTENCES)),
                slug: slug.clone(),
                title,
                published: format!("{y:04}-{m:02}-{d:02}"),
                updated: None,
                author: "Rédaction Veille IA".into(),
                tags,
                cover: None,
                reading_minutes: None,
            },
            body,
        };
        let json = serde_json::to_string(&article).map_err(|e| e.to_string())?;
        fs::write(articles_dir.join(format!("{slug}.json")), json).map_err(|e| e.to_string())?;
        articles.push(article);
    }
    fs::write(
        dir.join("site.json"),
        serde_json::to_string_pretty(&site).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    write_derived(&Catalog::new(site, articles), dir)
}

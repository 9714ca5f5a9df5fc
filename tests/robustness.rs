//! Robustness, natively: the content parser and the French typography never panic, whatever
//! they are given, and typography is idempotent (applying it twice changes nothing). Random
//! inputs from proptest (`PROPTEST_CASES`, 1,000 by default: a bounded run in CI) and a
//! committed corpus of tricky inputs (`tests/fuzz-corpus/`), replayed every time.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::fs;
use veille::{
    content::{parse_json, Article, Catalog, Site},
    french::typography,
};

fn corpus(kind: &str) -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-corpus")
        .join(kind);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.display().to_string(), fs::read_to_string(&p).unwrap()))
        .collect()
}

fn parse_everything(text: &str) {
    let _ = parse_json::<Article>(text);
    let _ = parse_json::<Site>(text);
    let _ = Catalog::from_json(text, &[("articles/x.json", text)]);
}

#[test]
fn the_corpus_never_panics_and_typography_is_idempotent() {
    let typo = corpus("typography");
    assert!(typo.len() >= 10, "the typography corpus is missing");
    for (name, text) in &typo {
        let once = typography(text);
        assert_eq!(typography(&once), once, "{name}");
    }
    let content = corpus("content");
    assert!(content.len() >= 10, "the content corpus is missing");
    for (_, text) in &content {
        parse_everything(text);
    }
}

/// Any JSON value, up to a few levels deep: shapes close to the content's, and wrong.
fn json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("paragraph"),
            Just("heading"),
            Just("image"),
            Just("list"),
            Just("quote"),
            Just("note"),
            Just("2024-02-30"),
            Just("")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop_oneof![
            Just("slug"),
            Just("title"),
            Just("lead"),
            Just("published"),
            Just("updated"),
            Just("author"),
            Just("tags"),
            Just("cover"),
            Just("body"),
            Just("type"),
            Just("text"),
            Just("level"),
            Just("items"),
            Just("src"),
            Just("alt"),
            Just("href"),
            Just("link"),
            Just("name"),
            Just("newsletter"),
            Just("x"),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(keys.prop_map(String::from), inner, 0..8)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(1000)
    ))]

    #[test]
    fn typography_never_panics_and_is_idempotent(text in any::<String>()) {
        let once = typography(&text);
        prop_assert_eq!(typography(&once), once);
    }

    #[test]
    fn typography_of_french_like_text_is_idempotent(
        text in "[a-zA-Zéèàç«»“”\"' :;!?’()0-9@./\u{a0}\u{202f}\t\n-]{0,80}"
    ) {
        let once = typography(&text);
        prop_assert_eq!(typography(&once), once);
    }

    #[test]
    fn any_text_is_parsed_without_panicking(text in any::<String>()) {
        parse_everything(&text);
    }

    #[test]
    fn any_json_shape_is_parsed_without_panicking(value in json()) {
        parse_everything(&value.to_string());
    }
}

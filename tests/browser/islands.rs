//! Browser tests of the islands' props: what the prerender writes into `data-props` (serde)
//! reads back equal in the browser (`islands::props`, the browser's JSON parser and field
//! reads), for every provider, and bad props are refused rather than guessed.

use veille::{
    components::newsletter::NewsletterProps, content::Newsletter, islands::props::FromProps,
    newsletter::Provider,
};
use wasm_bindgen_test::*;

fn round_trip<P: serde::Serialize + FromProps + PartialEq + std::fmt::Debug>(props: P) {
    let json = serde_json::to_string(&props).unwrap();
    assert_eq!(P::parse(&json).as_ref(), Some(&props), "{json}");
}

fn newsletter(
    provider: Provider,
    members: Option<u64>,
    privacy_url: Option<&str>,
) -> NewsletterProps {
    NewsletterProps {
        copy: Newsletter {
            title: "La lettre «\u{a0}Veille\u{a0}»".into(),
            pitch: "Chaque matin, l’essentiel\u{a0}: {membres} lecteurs.".into(),
            members,
            privacy: "Pas de pistage\u{202f}; désinscription en un clic.".into(),
            privacy_url: privacy_url.map(str::to_string),
        },
        provider,
        source: "sommet-de-seoul".into(),
        id: "lettre".into(),
        label: None,
        initial: None,
        initial_email: String::new(),
    }
}

#[wasm_bindgen_test]
fn newsletter_props_read_back_equal_for_every_provider() {
    round_trip(newsletter(Provider::Preview, None, None));
    round_trip(newsletter(
        Provider::Listmonk {
            base: "https://lettre.example".into(),
            lists: vec!["ab12".into(), "cd34".into()],
            timeout_ms: 10_000,
            french: true,
        },
        Some(18_250),
        Some("/confidentialite"),
    ));
    round_trip(newsletter(
        Provider::Json {
            url: "https://lettre.example/inscription".into(),
            timeout_ms: 4_000,
            french: false,
        },
        Some(0),
        None,
    ));
    let mut labelled = newsletter(Provider::Preview, None, None);
    labelled.label = Some("Spécimen".into());
    round_trip(labelled);
}

#[wasm_bindgen_test]
fn bad_props_are_refused() {
    for json in ["", "null", "{}", r#"{"copy":{},"provider":"Preview"}"#] {
        assert_eq!(NewsletterProps::parse(json), None, "{json}");
    }
    let good = serde_json::to_string(&newsletter(Provider::Preview, Some(3), None)).unwrap();
    for (from, to) in [
        (r#""provider":"Preview""#, r#""provider":"Autre""#),
        (r#""members":3"#, r#""members":-3"#),
        (r#""members":3"#, r#""members":2.5"#),
        (r#""source":"sommet-de-seoul""#, r#""source":null"#),
    ] {
        let bad = good.replace(from, to);
        assert_ne!(bad, good, "{from}");
        assert_eq!(NewsletterProps::parse(&bad), None, "{bad}");
    }
}

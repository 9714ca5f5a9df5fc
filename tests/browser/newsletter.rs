//! Browser tests of the newsletter box against a real HTTP endpoint on 127.0.0.1
//! (`tests/e2e/content-api-server.mjs`, started by `./dev.sh test`, address in VEILLE_TEST_API),
//! which records every request it receives: the exact payload, each state's DOM and ARIA, the
//! address surviving every error, one request per submission, none for an invalid address or a
//! filled honeypot.

use crate::support::*;
use serde_json::{json, Value};
use veille::{content::Source, newsletter::Provider, routes};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

const EMAIL: &str = "hélène.dupré@exemple.fr";
const FIELD: &str = ".newsletter__field";
const SUBMIT: &str = ".newsletter__submit";

fn token() -> String {
    format!("n{}", (js_sys::Math::random() * 1e12) as u64)
}

fn listmonk(scenario: &str, timeout_ms: u32) -> (Provider, String) {
    let token = token();
    let base = format!("{}/newsletter/{scenario}/{token}", server());
    let lists = vec!["liste-quotidienne".to_string()];
    (
        Provider::Listmonk {
            base,
            lists,
            timeout_ms,
            french: scenario.ends_with("-fr"),
        },
        token,
    )
}

async fn posts(token: &str) -> Vec<Value> {
    let url = format!("{}/__posts/{token}", server());
    let response = gloo_net::http::Request::get(&url).send().await.unwrap();
    response.json().await.unwrap()
}

async fn home_with(provider: Provider) -> Mounted<impl leptos::prelude::Mountable> {
    let app = mount_with("/", Source::Bundled, provider).await;
    until_shown(&app.root, FIELD, 3).await;
    app
}

/// The home page, its box signing up through a Listmonk that plays `scenario`; and the token
/// that names what that Listmonk received.
async fn home_with_listmonk(
    scenario: &str,
    timeout_ms: u32,
) -> (Mounted<impl leptos::prelude::Mountable>, String) {
    let (provider, token) = listmonk(scenario, timeout_ms);
    (home_with(provider).await, token)
}

/// Types `email` into the box and sends it.
fn sign_up(root: &web_sys::HtmlElement, email: &str) {
    type_into(root, FIELD, email);
    click(root, SUBMIT);
}

#[wasm_bindgen_test]
async fn a_listmonk_signup_sends_the_exact_payload_and_asks_to_confirm() {
    let (app, token) = home_with_listmonk("ok-optin", 3000).await;
    let root = &app.root;
    assert!(find(root, ".newsletter__preview").is_none());
    assert!(text(root, ".newsletter__pitch").contains("plus de 18\u{202f}000\u{a0}membres"));
    assert!(find(
        root,
        ".newsletter__privacy a[href='/a-propos#confidentialite']"
    )
    .is_some());

    sign_up(root, EMAIL);
    until_shown(root, ".newsletter__thanks", 3).await;
    assert!(text(root, ".newsletter__status").contains("Vérifiez votre boîte mail pour confirmer"));
    assert_eq!(
        find(root, ".newsletter__status")
            .unwrap()
            .get_attribute("role")
            .as_deref(),
        Some("status")
    );
    assert!(
        find(root, ".newsletter__form").is_none(),
        "the form gives way to the thanks"
    );
    until("focus on the thanks", 2, || {
        focused().is_some_and(|e| e.class_name() == "newsletter__thanks")
    })
    .await;
    assert_eq!(
        posts(&token).await,
        [json!({
            "path": "api/public/subscription",
            "body": { "email": EMAIL, "name": "", "list_uuids": ["liste-quotidienne"] }
        })]
    );
}

#[wasm_bindgen_test]
async fn a_json_endpoint_gets_the_address_and_the_article() {
    let token = token();
    let url = format!("{}/newsletter/ok/{token}/inscription", server());
    let slug = "evaluer-un-classifieur";
    let app = mount_with(
        &routes::article(slug),
        Source::Bundled,
        Provider::Json {
            url,
            timeout_ms: 3000,
            french: false,
        },
    )
    .await;
    let root = &app.root;
    until_shown(root, FIELD, 3).await;
    sign_up(root, "  claire@exemple.fr ");
    until_shown(root, ".newsletter__thanks", 3).await;
    assert!(text(root, ".newsletter__status").contains("prochaine lettre"));
    assert_eq!(
        posts(&token).await,
        [
            json!({ "path": "inscription", "body": { "email": "claire@exemple.fr", "source": slug } })
        ]
    );
}

#[wasm_bindgen_test]
async fn every_error_says_what_happened_and_keeps_the_address() {
    for (scenario, message) in [
        // listmonk's English answers, told in French.
        (
            "refused",
            "Le service d’inscription n’accepte pas cette adresse. Vérifiez-la, puis réessayez.",
        ),
        ("refused-domain", "n’accepte pas les adresses de ce domaine"),
        (
            "refused-other",
            "L’inscription a été refusée. Vérifiez l’adresse, puis réessayez.",
        ),
        // A listmonk configured in French (`… fr`): its own words.
        (
            "refused-fr",
            "L’inscription a été refusée\u{a0}: Le domaine de cette adresse n’accepte pas de courrier.",
        ),
        ("already", "déjà inscrite"),
        ("down", "momentanément indisponible (erreur 500)"),
        ("slow", "met trop de temps à répondre"),
        ("blocked", "Impossible de joindre le service d’inscription"),
    ] {
        let (app, token) = home_with_listmonk(scenario, 600).await;
        let root = &app.root;
        sign_up(root, EMAIL);
        until(scenario, 4, || find(root, ".newsletter__error").is_some()).await;
        let error = find(root, ".newsletter__error").unwrap();
        assert!(
            error.text_content().unwrap().contains(message),
            "{scenario}: {:?}",
            error.text_content()
        );
        assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
        assert_eq!(
            value_of(root, FIELD),
            EMAIL,
            "{scenario}: the address is kept"
        );
        assert_eq!(text(root, SUBMIT), "Réessayer");
        assert!(!find(root, SUBMIT).unwrap().has_attribute("disabled"));
        assert_eq!(posts(&token).await.len(), 1, "{scenario}");
        let shown = error.text_content().unwrap();
        for english in ["Invalid", "Domain", "upstream", "exists"] {
            assert!(!shown.contains(english), "{scenario}: {shown}");
        }
    }
}

#[wasm_bindgen_test]
async fn after_a_refusal_retrying_sends_the_kept_address_again() {
    let (app, token) = home_with_listmonk("refused", 3000).await;
    let root = &app.root;
    sign_up(root, EMAIL);
    until_shown(root, ".newsletter__error", 3).await;
    until("the button to retry", 3, || {
        text(root, SUBMIT) == "Réessayer"
    })
    .await;
    click(root, SUBMIT);
    let mut sent = posts(&token).await;
    for _ in 0..300 {
        if sent.len() >= 2 {
            break;
        }
        sleep(10).await;
        sent = posts(&token).await;
    }
    until("the refusal again", 3, || {
        find(root, ".newsletter__error").is_some() && text(root, SUBMIT) == "Réessayer"
    })
    .await;
    assert_eq!(value_of(root, FIELD), EMAIL);
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert_eq!(sent[0], sent[1], "the same address, kept in the field");
}

#[wasm_bindgen_test]
async fn retry_succeeds_once_the_service_is_back() {
    let (app, token) = home_with_listmonk("down-once", 3000).await;
    let root = &app.root;
    sign_up(root, EMAIL);
    until_shown(root, ".newsletter__error", 3).await;
    click(root, SUBMIT);
    until_shown(root, ".newsletter__thanks", 3).await;
    assert_eq!(posts(&token).await.len(), 2);
}

#[wasm_bindgen_test]
async fn a_double_submission_sends_one_request_and_shows_progress() {
    let (app, token) = home_with_listmonk("slow", 5000).await;
    let root = &app.root;
    type_into(root, FIELD, EMAIL);
    let form: web_sys::HtmlFormElement = find(root, ".newsletter__form").unwrap().unchecked_into();
    click(root, SUBMIT);
    click(root, SUBMIT);
    form.request_submit().unwrap();
    settle().await;
    assert_eq!(form.get_attribute("aria-busy").as_deref(), Some("true"));
    assert!(find(root, SUBMIT).unwrap().has_attribute("disabled"));
    assert!(find(root, ".newsletter__sending").is_some());
    until_shown(root, ".newsletter__thanks", 4).await;
    assert_eq!(posts(&token).await.len(), 1);
}

#[wasm_bindgen_test]
async fn an_invalid_address_is_explained_at_the_field_and_sends_nothing() {
    let (app, token) = home_with_listmonk("ok", 3000).await;
    let root = &app.root;
    sign_up(root, "claire@exemple");
    until_shown(root, ".field-error", 2).await;
    let field = find(root, FIELD).unwrap();
    assert!(text(root, ".field-error").contains("Saisissez une adresse e-mail valide"));
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error_id = find(root, ".field-error").unwrap().id();
    let describedby = field.get_attribute("aria-describedby").unwrap();
    assert!(
        describedby.split(' ').any(|id| id == error_id),
        "{describedby}"
    );
    assert_eq!(focused().map(|e| e.id()), Some(field.id()));
    // Corrected, the message goes away with the next submission.
    sign_up(root, "claire@exemple.fr");
    until_shown(root, ".newsletter__thanks", 3).await;
    assert_eq!(
        posts(&token).await.len(),
        1,
        "only the valid address was sent"
    );
}

#[wasm_bindgen_test]
async fn a_filled_honeypot_looks_like_success_and_sends_nothing() {
    let (app, token) = home_with_listmonk("ok", 3000).await;
    let root = &app.root;
    let trap = find(root, ".newsletter__trap").unwrap();
    assert_eq!(trap.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert_eq!(
        find(root, ".newsletter__trap input")
            .unwrap()
            .get_attribute("tabindex")
            .as_deref(),
        Some("-1")
    );
    type_into(root, FIELD, EMAIL);
    type_into(root, ".newsletter__trap input", "https://spam.example");
    click(root, SUBMIT);
    until_shown(root, ".newsletter__thanks", 2).await;
    sleep(300).await;
    assert_eq!(posts(&token).await, Vec::<Value>::new());
}

#[wasm_bindgen_test]
async fn the_preview_mode_says_so_and_still_walks_through_the_states() {
    let app = home_with(Provider::Preview).await;
    let root = &app.root;
    assert!(text(root, ".newsletter__preview").contains("aucune adresse n’est envoyée"));
    sign_up(root, "");
    until("the error message", 2, || {
        text_or_empty(root, ".field-error").contains("Saisissez votre adresse")
    })
    .await;
    sign_up(root, EMAIL);
    until_shown(root, ".newsletter__thanks", 2).await;
}

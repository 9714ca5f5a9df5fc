//! The newsletter box: the pitch, one e-mail field, and every state of a signup (idle, invalid,
//! sending, done, failed), each rendered from [`SignupState`] so the style guide can show them;
//! the steps between states are in `newsletter::signup`. The address typed is never lost: it
//! stays in the field through every error.

use crate::{
    content::{safe_href, use_site, Newsletter},
    island::{island, NEWSLETTER},
    newsletter::{
        self,
        signup::{SignupState, Then},
        Provider,
    },
};
use leptos::{ev::SubmitEvent, html, prelude::*, task::spawn_local};
use serde::Serialize;

/// What a newsletter box needs, all in its island's props (no context reaches an island): the
/// site's copy, the provider it sends to, where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewsletterProps {
    pub copy: Newsletter,
    pub provider: Provider,
    /// Where the reader signs up from: an article's slug, or `accueil`.
    pub source: String,
    /// Prefix of the element ids.
    pub id: String,
    /// Its name when it is not its title (a specimen of the style guide).
    pub label: Option<String>,
    /// The state to start in (style guide); never in a page.
    #[serde(skip)]
    pub initial: Option<SignupState>,
    /// The address already in the field: the style guide's, or what the reader typed before
    /// the wasm arrived.
    #[serde(skip)]
    pub initial_email: String,
}

#[component]
pub fn NewsletterBox(
    /// Where the reader signs up from: an article's slug, or `accueil`.
    #[prop(into)]
    source: String,
    /// The state to start in: `Idle` for readers, any state for the style guide.
    #[prop(optional)]
    initial: Option<SignupState>,
    /// The address already in the field (style guide).
    #[prop(optional, into)]
    initial_email: String,
    /// Prefix of the element ids, unique when several boxes share a page (`lettre` by default).
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    let site = use_site();
    // Named by its title; inside the style guide, by its title and specimen.
    let in_specimen = use_context::<crate::components::specimen::SpecimenLabel>().is_some();
    let label =
        in_specimen.then(|| crate::components::specimen::landmark_name(&site.newsletter.title));
    let props = NewsletterProps {
        copy: site.newsletter.clone(),
        provider: use_context::<Provider>().unwrap_or_default(),
        source,
        id: id.unwrap_or_else(|| "lettre".to_string()),
        label,
        initial,
        initial_email,
    };
    island(NEWSLETTER, props, newsletter_box)
}

/// The box itself, from its props alone: what the islands' wasm brings to life.
pub fn newsletter_box(props: NewsletterProps) -> impl IntoView {
    let NewsletterProps {
        copy,
        provider,
        source,
        id,
        label,
        initial,
        initial_email,
    } = props;
    let preview = provider == Provider::Preview;
    // Without the app (JavaScript off, or before the wasm arrives) the form is a plain HTML
    // form: it posts to the provider, never puts the address in the page's URL.
    let target = provider.form_target();
    let action = target.as_ref().map(|t| t.action.clone());
    let hidden = target
        .map(|t| t.hidden)
        .unwrap_or_default()
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
        .collect_view();
    let state = RwSignal::new(initial.unwrap_or(SignupState::Idle));
    let email = RwSignal::new(initial_email);
    let honeypot = RwSignal::new(String::new());
    let field: NodeRef<html::Input> = NodeRef::new();
    let thanks: NodeRef<html::Div> = NodeRef::new();
    let [title_id, field_id, hint_id, error_id, trap_id] =
        ["titre", "adresse", "aide", "erreur", "piege"].map(|part| format!("{id}-{part}"));

    // Once subscribed, focus goes to the thanks, which the live region also announces; only on
    // the change, not for a box that starts in that state (the style guide).
    Effect::new(move |was_done: Option<bool>| {
        let done = matches!(state.get(), SignupState::Done { .. });
        if done && was_done == Some(false) {
            if let Some(thanks) = thanks.get() {
                let _ = thanks.focus();
            }
        }
        done
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let submitted =
            state.with_untracked(|s| s.submit(&email.get_untracked(), &honeypot.get_untracked()));
        let Some((next, then)) = submitted else {
            return;
        };
        state.set(next);
        match then {
            Then::Nothing => {}
            Then::FocusField => {
                if let Some(field) = field.get_untracked() {
                    let _ = field.focus();
                }
            }
            Then::Send(address) => {
                let provider = provider.clone();
                let source = source.clone();
                spawn_local(async move {
                    let outcome = newsletter::subscribe(&provider, &address, &source).await;
                    state.set(SignupState::answered(outcome));
                });
            }
        }
    };

    let invalid = move || state.with(|s| s.invalid().map(str::to_string));
    let sending = move || state.with(SignupState::is_sending);
    let done = move || state.with(SignupState::done);
    let describedby = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if invalid().is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let button_label = move || state.with(SignupState::button_label);
    let pitch = newsletter::pitch(&copy.pitch, copy.members);
    // From site.json: linked only when the link allowlist accepts it.
    let privacy_url = copy
        .privacy_url
        .as_deref()
        .and_then(safe_href)
        .map(str::to_string);
    let labelledby = label.is_none().then(|| title_id.clone());

    view! {
        <section class="newsletter" aria-labelledby=labelledby aria-label=label>
            <h2 id=title_id class="newsletter__title">{copy.title.clone()}</h2>
            <p class="newsletter__pitch">{pitch}</p>
            // Always in the page, so that screen readers announce what appears in it.
            <div class="newsletter__status" role="status" aria-live="polite">
                {move || done().map(|confirm| view! {
                    <div class="newsletter__thanks" tabindex="-1" node_ref=thanks>
                        <p class="newsletter__thanks-title">"Merci, c’est noté\u{a0}!"</p>
                        <p>
                            {if confirm {
                                "Vérifiez votre boîte mail pour confirmer votre inscription\u{a0}: un lien de confirmation vient de vous être envoyé."
                            } else {
                                "Vous recevrez la prochaine lettre demain matin."
                            }}
                        </p>
                    </div>
                })}
            </div>
            <Show when=move || done().is_none()>
                <form
                    class="newsletter__form"
                    method="post"
                    action=action.clone()
                    novalidate=true
                    aria-busy=move || sending().to_string()
                    on:submit=on_submit.clone()
                >
                    {preview.then(|| view! {
                        <p class="newsletter__preview">
                            "Aperçu\u{a0}: le service d’inscription n’est pas configuré, aucune adresse n’est envoyée."
                        </p>
                    })}
                    {hidden.clone()}
                    <label class="newsletter__label" for=field_id.clone()>"Votre adresse e-mail"</label>
                    <p class="newsletter__hint" id=hint_id.clone()>"Par exemple\u{a0}: prenom.nom@exemple.fr"</p>
                    {
                        let error_id = error_id.clone();
                        move || invalid().map(|reason| view! {
                            <p class="field-error" id=error_id.clone()>
                                <span class="visually-hidden">"Erreur\u{a0}: "</span>
                                {reason}
                            </p>
                        })
                    }
                    <div class="newsletter__row">
                        <input
                            class="newsletter__field"
                            id=field_id.clone()
                            type="email"
                            name="email"
                            autocomplete="email"
                            inputmode="email"
                            spellcheck="false"
                            node_ref=field
                            bind:value=email
                            aria-invalid=move || invalid().is_some().to_string()
                            aria-describedby=describedby.clone()
                        />
                        <button class="button newsletter__submit" type="submit" disabled=sending>
                            {button_label}
                        </button>
                    </div>
                    // For bots only: out of sight, out of the tab order, hidden from assistive technology.
                    <div class="newsletter__trap" aria-hidden="true">
                        <label for=trap_id.clone()>"Ne pas remplir ce champ"</label>
                        <input id=trap_id.clone() type="text" name="site-web" tabindex="-1" autocomplete="off" bind:value=honeypot />
                    </div>
                    {move || sending().then(|| view! {
                        <p class="newsletter__sending">
                            <span class="spinner" aria-hidden="true"></span>
                            "Envoi de votre inscription…"
                        </p>
                    })}
                    {move || match state.get() {
                        SignupState::Failed(error) => Some(view! {
                            <p class="newsletter__error" role="alert">{error.to_string()}</p>
                        }),
                        _ => None,
                    }}
                </form>
            </Show>
            <p class="newsletter__privacy">
                {copy.privacy.clone()}
                {privacy_url.map(|href| view! { " " <a href=href>"Vos données et la lettre"</a> })}
            </p>
        </section>
    }
}

//! `/styleguide`: the designers' workshop. The design tokens read live from `style/`, and every
//! component in every state, rendered from sample data and props, in light and dark side by side.
//! Not linked from the navigation, `noindex`, and it makes no request.

use crate::{
    browser,
    components::{
        article_body::ArticleBody,
        article_list::{ArticleList, LeadStory},
        content_error::ContentErrorView,
        newsletter::NewsletterBox,
        pager::Pager,
        search_form::SearchForm,
        share::ShareRow,
        specimen::{InStyleGuide, SpecimenLabel},
    },
    content::{bundled, ArticleSummary, ContentError},
    newsletter::{signup::SignupState, Refusal, SubscribeError},
    pages::{
        article::ArticleView,
        loading::{ArticleLoading, ListLoading},
        not_found::NotFoundPage,
    },
};
use leptos::prelude::*;
use leptos_meta::{Meta, Style, Title};

/// Every state the guide shows, as `component:state`: the browser test checks each is there.
pub const STATES: &[&str] = &[
    "tokens:colours",
    "tokens:type",
    "tokens:spacing",
    "tokens:radii",
    "card:cover",
    "card:no-cover",
    "card:long-title",
    "card:lead",
    "article:header",
    "article:body",
    "pager:first",
    "pager:middle",
    "pager:last",
    "share:row",
    "search:form",
    "newsletter:idle",
    "newsletter:invalid",
    "newsletter:sending",
    "newsletter:done",
    "newsletter:done-confirm",
    "newsletter:refused",
    "newsletter:refused-domain",
    "newsletter:refused-said",
    "newsletter:already",
    "newsletter:unavailable",
    "newsletter:network",
    "newsletter:timeout",
    "loading:list",
    "loading:article",
    "error:network",
    "error:timeout",
    "error:status",
    "error:malformed",
    "error:missing-field",
    "error:invalid",
    "not-found:page",
];

/// A section: its title, the file the component lives in, and the state shown.
#[component]
fn Specimen(
    #[prop(into)] title: String,
    file: &'static str,
    state: &'static str,
    children: Children,
) -> impl IntoView {
    let theme = use_context::<PanelTheme>().map(|t| t.0).unwrap_or("");
    provide_context(SpecimenLabel(format!("{title}{theme}")));
    // h2, like the sections: specimens of whole pages hold an h1, and the next title must not
    // jump from it to h3 (axe-core's heading-order).
    view! {
        <section class="sg-specimen" data-sg-state=state>
            <h2 class="sg-specimen__title">{title}</h2>
            <p class="sg-specimen__file"><code>{file}</code></p>
            <div class="sg-specimen__body">{children()}</div>
        </section>
    }
}

/// The same specimens twice, in the light and the dark theme.
#[component]
fn Themes<F, V>(render: F) -> impl IntoView
where
    F: Fn() -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let light = std::sync::Arc::new(render);
    let dark = light.clone();
    view! {
        <div class="sg-themes">
            <Panel theme="light" name=" (clair)">{light()}</Panel>
            <Panel theme="dark" name=" (sombre)">{dark()}</Panel>
        </div>
    }
}

/// The theme of the panel a specimen is in, for its name.
#[derive(Clone, Copy)]
struct PanelTheme(&'static str);

#[component]
fn Panel(theme: &'static str, name: &'static str, children: Children) -> impl IntoView {
    provide_context(PanelTheme(name));
    view! {
        <div class=format!("sg-panel theme-{theme}") data-sg-theme=theme>
            {children()}
        </div>
    }
}

#[component]
pub fn StyleGuidePage() -> impl IntoView {
    provide_context(InStyleGuide);
    let Ok(catalog) = bundled() else {
        return view! { <p>"Le contenu d’exemple est illisible."</p> }.into_any();
    };
    let summaries: Vec<ArticleSummary> = catalog.summaries().to_vec();
    let with_cover = summaries[0].clone();
    let mut no_cover = summaries[1].clone();
    no_cover.cover = None;
    let mut long_title = summaries[2].clone();
    long_title.title = "Un titre exceptionnellement long, pour voir comment la carte se comporte quand la rédaction se laisse aller à tout dire dès le titre\u{a0}: retours à la ligne, césures et alignements compris".into();
    long_title.cover = None;
    let article = catalog
        .article("evaluer-un-classifieur")
        .or_else(|_| catalog.article(&summaries[0].slug));

    view! {
        <Title text="Guide de style" />
        <Meta name="robots" content="noindex" />
        <Style>{include_str!("../../style/styleguide.css")}</Style>
        <div class="sg">
            <h1 class="page__title">"Guide de style"</h1>
            <p class="page__intro">
                "Chaque composant du site dans chacun de ses états, en thème clair et sombre. "
                "Les jetons viennent de " <code>"style/main.css"</code> "\u{a0}: modifiez-les, la page suit."
            </p>
            <WidthPreview />

            <h2>"Jetons de design"</h2>
            <Tokens />

            <h2>"Cartes d’articles"</h2>
            <Themes render=move || {
                let (a, b, c, d) = (with_cover.clone(), no_cover.clone(), long_title.clone(), with_cover.clone());
                view! {
                    <Specimen title="Avec image" file="src/components/article_list.rs" state="card:cover">
                        <ArticleList articles=vec![a] />
                    </Specimen>
                    <Specimen title="Sans image" file="src/components/article_list.rs" state="card:no-cover">
                        <ArticleList articles=vec![b] />
                    </Specimen>
                    <Specimen title="Titre très long" file="src/components/article_list.rs" state="card:long-title">
                        <ArticleList articles=vec![c] />
                    </Specimen>
                    <Specimen title="Article principal de la une" file="src/components/article_list.rs" state="card:lead">
                        <LeadStory article=d />
                    </Specimen>
                }
            } />

            <h2>"Article"</h2>
            {match article {
                Ok(article) => {
                    let body = article.body.clone();
                    view! {
                        <Specimen title="En-tête, signature, sommaire, corps et thèmes" file="src/pages/article.rs" state="article:header">
                            <ArticleView article />
                        </Specimen>
                        <Themes render=move || {
                            let body = body.clone();
                            view! {
                                <Specimen title="Tous les blocs du corps" file="src/components/article_body.rs" state="article:body">
                                    <ArticleBody blocks=body />
                                </Specimen>
                            }
                        } />
                    }
                    .into_any()
                }
                Err(error) => view! { <p>{error.to_string()}</p> }.into_any(),
            }}

            <h2>"Pagination et partage"</h2>
            <Themes render=move || view! {
                <Specimen title="Première page" file="src/components/pager.rs" state="pager:first">
                    <Pager base="/" page=0 newer=None older=Some(4) />
                </Specimen>
                <Specimen title="Page du milieu" file="src/components/pager.rs" state="pager:middle">
                    <Pager base="/" page=3 newer=Some(4) older=Some(2) />
                </Specimen>
                <Specimen title="Dernière page" file="src/components/pager.rs" state="pager:last">
                    <Pager base="/" page=1 newer=Some(2) older=None />
                </Specimen>
            } />
            <Specimen title="Barre de partage" file="src/components/share.rs" state="share:row">
                <ShareRow title="Un titre «\u{a0}avec\u{a0}» tout & n’importe quoi\u{202f}?" lead="Un chapô." slug="exemple" id="sg-partage" />
            </Specimen>

            // The header's form; its results page is search.js's (docs/search.md).
            <Specimen title="Formulaire de recherche de l’en-tête" file="src/components/search_form.rs" state="search:form">
                <SearchForm class="search-form site-search" id="sg-recherche" label="Rechercher (exemple)" compact=true />
            </Specimen>

            <h2>"Lettre d’information"</h2>
            <Themes render=move || view! { <NewsletterStates /> } />

            <h2>"Chargement, erreurs et 404"</h2>
            <Themes render=move || view! {
                <Specimen title="Liste en chargement" file="src/pages/loading.rs" state="loading:list">
                    <ListLoading />
                </Specimen>
                <Specimen title="Article en chargement" file="src/pages/loading.rs" state="loading:article">
                    <ArticleLoading />
                </Specimen>
                {[
                    ("error:network", "Pas de réseau", ContentError::Network { detail: String::new() }),
                    ("error:timeout", "Réponse trop lente", ContentError::Timeout { after_ms: 8000 }),
                    ("error:status", "Serveur en difficulté", ContentError::Status { code: 503 }),
                    ("error:malformed", "Données illisibles", ContentError::Malformed { path: "body[2]".into(), detail: String::new() }),
                    ("error:missing-field", "Champ manquant", ContentError::MissingField { field: "title".into(), path: "articles/exemple.json".into() }),
                    ("error:invalid", "Valeur invalide", ContentError::Invalid { path: "items[2].slug".into(), reason: "le slug «\u{a0}../x\u{a0}» n’est pas valide (lettres minuscules sans accents, chiffres et tirets, 200\u{a0}caractères au plus)".into() }),
                ]
                .into_iter()
                .map(|(state, label, error)| view! {
                    <Specimen title=format!("Erreur\u{a0}: {}", label.to_lowercase()) file="src/components/content_error.rs" state=state>
                        <ContentErrorView title="Impossible d’afficher cet article" error retry=|| () />
                    </Specimen>
                })
                .collect_view()}
                <Specimen title="Page introuvable" file="src/pages/not_found.rs" state="not-found:page">
                    <NotFoundPage />
                </Specimen>
            } />
        </div>
    }
    .into_any()
}

/// The newsletter box in each of its states, each with its own ids.
#[component]
fn NewsletterStates() -> impl IntoView {
    let states: [(&'static str, &'static str, SignupState, &'static str); 12] = [
        ("newsletter:idle", "Au repos", SignupState::Idle, ""),
        (
            "newsletter:invalid",
            "Adresse invalide",
            SignupState::Invalid(
                "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.".into(),
            ),
            "claire@exemple",
        ),
        (
            "newsletter:sending",
            "Envoi en cours",
            SignupState::Sending,
            "claire@exemple.fr",
        ),
        (
            "newsletter:done",
            "Inscription faite",
            SignupState::Done { confirm: false },
            "",
        ),
        (
            "newsletter:done-confirm",
            "Inscription à confirmer",
            SignupState::Done { confirm: true },
            "",
        ),
        (
            "newsletter:refused",
            "Adresse refusée par le service",
            SignupState::Failed(SubscribeError::Refused(Refusal::Address)),
            "claire@exemple.fr",
        ),
        (
            "newsletter:refused-domain",
            "Domaine refusé par le service",
            SignupState::Failed(SubscribeError::Refused(Refusal::Domain)),
            "claire@exemple.fr",
        ),
        (
            "newsletter:refused-said",
            "Refus motivé par un service francophone",
            SignupState::Failed(SubscribeError::Refused(Refusal::Said(
                "Le domaine de cette adresse n’accepte pas de courrier.".into(),
            ))),
            "claire@exemple.fr",
        ),
        (
            "newsletter:already",
            "Déjà inscrite",
            SignupState::Failed(SubscribeError::AlreadySubscribed),
            "claire@exemple.fr",
        ),
        (
            "newsletter:unavailable",
            "Service indisponible",
            SignupState::Failed(SubscribeError::Unavailable(503)),
            "claire@exemple.fr",
        ),
        (
            "newsletter:network",
            "Pas de réseau",
            SignupState::Failed(SubscribeError::Network),
            "claire@exemple.fr",
        ),
        (
            "newsletter:timeout",
            "Réponse trop lente",
            SignupState::Failed(SubscribeError::Timeout),
            "claire@exemple.fr",
        ),
    ];
    // Ids must be unique on the page, and the box is shown in both themes; the same on every
    // render, so that a page rendered again is the same page.
    let dark = use_context::<PanelTheme>().is_some_and(|t| t.0.contains("sombre"));
    let theme = if dark { "sombre" } else { "clair" };
    states
        .into_iter()
        .enumerate()
        .map(|(n, (state, label, initial, email))| {
            let id = format!("sg-lettre-{theme}-{n}");
            view! {
                <Specimen title=label file="src/components/newsletter.rs" state=state>
                    <NewsletterBox source="guide-de-style" initial=initial initial_email=email id=id />
                </Specimen>
            }
        })
        .collect_view()
}

/// Colour swatches with their contrast against the background, the type scale, spacing and
/// radii: every custom property declared on `:root` in the site's CSS, read once mounted.
#[component]
fn Tokens() -> impl IntoView {
    let tokens = RwSignal::new(Vec::<(String, String)>::new());
    Effect::new(move |_| tokens.set(browser::root_tokens()));
    // Once the swatches are on the page, write each one's contrast against its panel's background.
    Effect::new(move |_| {
        if !tokens.get().is_empty() {
            browser::after_paint(|| browser::write_contrasts(contrast_label));
        }
    });
    let group = move |prefix: &'static str| {
        move || {
            tokens
                .get()
                .into_iter()
                .filter(|(name, _)| name.starts_with(prefix))
                .collect::<Vec<_>>()
        }
    };
    let colours = group("--color-");
    let sizes = group("--text-");
    let spaces = group("--space-");
    let radii = group("--radius-");
    view! {
        <Themes render=move || view! {
            <Specimen title="Couleurs (contraste sur --color-bg)" file="style/main.css" state="tokens:colours">
                <ul class="sg-swatches">
                    <For each=colours key=|(name, _)| name.clone() let:((name, _value))>
                        <li class="sg-swatch">
                            <span class="sg-swatch__chip" style=format!("background: var({name})")></span>
                            <code>{name.clone()}</code>
                            <span class="sg-swatch__contrast" data-token=name.clone()></span>
                        </li>
                    </For>
                </ul>
            </Specimen>
        } />
        <Specimen title="Échelle typographique" file="style/main.css" state="tokens:type">
            <For each=sizes key=|(name, _)| name.clone() let:((name, value))>
                <p style=format!("font-size: var({name}); margin: 0.25rem 0")><code>{name.clone()} " = " {value}</code> " Veille IA, l’actualité"</p>
            </For>
        </Specimen>
        <Specimen title="Espacements" file="style/main.css" state="tokens:spacing">
            <For each=spaces key=|(name, _)| name.clone() let:((name, value))>
                <p class="sg-space"><span style=format!("width: var({name})")></span><code>{name.clone()} " = " {value}</code></p>
            </For>
        </Specimen>
        <Specimen title="Rayons" file="style/main.css" state="tokens:radii">
            <For each=radii key=|(name, _)| name.clone() let:((name, value))>
                <p class="sg-radius"><span style=format!("border-radius: var({name})")></span><code>{name.clone()} " = " {value}</code></p>
            </For>
        </Specimen>
    }
}

/// A page of the site in a frame of a given width, to check responsive behaviour on one screen.
/// Nothing loads until a width is chosen.
#[component]
fn WidthPreview() -> impl IntoView {
    let width = RwSignal::new(None::<u32>);
    let path = RwSignal::new("/".to_string());
    view! {
        <div class="sg-widths">
            <label for="sg-page">"Page à prévisualiser"</label>
            <select id="sg-page" on:change=move |ev| path.set(event_target_value(&ev))>
                <option value="/">"La une"</option>
                <option value="/article/evaluer-un-classifieur">"Un article"</option>
                <option value="/tag/sante">"Un thème"</option>
                <option value="/a-propos">"À propos"</option>
            </select>
            {[320u32, 768, 1280].map(|w| view! {
                <button class="button" type="button" on:click=move |_| width.set(Some(w))>{format!("{w}\u{a0}px")}</button>
            })}
            {move || width.get().map(|w| view! {
                <iframe class="sg-frame" title=format!("Aperçu à {w}\u{a0}px") src=path.get() width=w.to_string() height="800"></iframe>
            })}
        </div>
    }
}

/// The WCAG contrast ratio of two sRGB colours: 1 to 21.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    fn luminance([r, g, b]: [u8; 3]) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The text of a swatch's contrast cell, from the two computed colours (« 4.5 : 1 »).
fn contrast_label(fg: &str, bg: &str) -> Option<String> {
    let ratio = contrast(parse_rgb(fg)?, parse_rgb(bg)?);
    Some(format!("{ratio:.1}\u{a0}:\u{a0}1"))
}

/// `rgb(12, 34, 56)` or `rgba(12, 34, 56, 1)` → `[12, 34, 56]`.
pub fn parse_rgb(css: &str) -> Option<[u8; 3]> {
    let inner = css.trim().strip_prefix("rgb")?.trim_start_matches('a');
    let inner = inner.strip_prefix('(')?.strip_suffix(')')?;
    let mut parts = inner.split([',', ' ', '/']).filter(|p| !p.is_empty());
    let mut next = || {
        parts
            .next()?
            .trim()
            .parse::<f64>()
            .ok()
            .map(|v| v.round().clamp(0.0, 255.0) as u8)
    };
    Some([next()?, next()?, next()?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratios() {
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        assert!((contrast([255, 255, 255], [255, 255, 255]) - 1.0).abs() < 1e-9);
        // The light theme's text on its background passes AA by far.
        let ratio = contrast([0x1b, 0x1d, 0x22], [0xfb, 0xfa, 0xf7]);
        assert!(ratio > 15.0, "{ratio}");
        assert!((contrast([0x76, 0x76, 0x76], [255, 255, 255]) - 4.54).abs() < 0.01);
    }

    #[test]
    fn computed_colours_parse() {
        assert_eq!(parse_rgb("rgb(29, 63, 143)"), Some([29, 63, 143]));
        assert_eq!(parse_rgb("rgba(29, 63, 143, 0.5)"), Some([29, 63, 143]));
        assert_eq!(parse_rgb("rgb(29 63 143 / 50%)"), Some([29, 63, 143]));
        assert_eq!(parse_rgb("#1d3f8f"), None);
    }

    #[test]
    fn every_state_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for state in STATES {
            assert!(seen.insert(state), "{state} twice");
            assert!(state.contains(':'), "{state}");
        }
    }
}

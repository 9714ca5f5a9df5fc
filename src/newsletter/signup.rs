//! The steps of a signup, without a view: what a submission does in each state, what the
//! provider's answer makes of it, and what each state shows. The newsletter box
//! (`components/newsletter.rs`) renders the state and carries out the step's effect.

use super::{validate_email, SubscribeError, Subscribed};

/// Where a signup stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignupState {
    Idle,
    /// The address was refused before sending, with the reason to show under the label.
    Invalid(String),
    Sending,
    /// Subscribed; `confirm` when the provider sent a confirmation e-mail.
    Done {
        confirm: bool,
    },
    Failed(SubscribeError),
}

/// What the box does besides showing the new state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    Nothing,
    /// Put the focus back in the field, where the reason is read out.
    FocusField,
    /// Send this address to the provider, then show [`SignupState::answered`].
    Send(String),
}

impl SignupState {
    /// A submission of the form with `email` in the field and `honeypot` in the field only
    /// bots fill: the next state and what to do, or `None` when it changes nothing (a request
    /// is already on its way: a double click or Enter pressed again sends one request).
    pub fn submit(&self, email: &str, honeypot: &str) -> Option<(SignupState, Then)> {
        if *self == SignupState::Sending {
            return None;
        }
        // A filled honeypot is a bot: it gets the success it expects, and nothing is sent.
        if !honeypot.is_empty() {
            return Some((SignupState::Done { confirm: false }, Then::Nothing));
        }
        Some(match validate_email(email) {
            Err(reason) => (SignupState::Invalid(reason.to_string()), Then::FocusField),
            Ok(address) => (SignupState::Sending, Then::Send(address)),
        })
    }

    /// The state once the provider has answered.
    pub fn answered(outcome: Result<Subscribed, SubscribeError>) -> SignupState {
        match outcome {
            Ok(done) => SignupState::Done {
                confirm: done.confirm,
            },
            Err(error) => SignupState::Failed(error),
        }
    }

    /// Why the address was refused before sending, to show under the label.
    pub fn invalid(&self) -> Option<&str> {
        match self {
            SignupState::Invalid(reason) => Some(reason),
            _ => None,
        }
    }

    /// Whether a request is on its way.
    pub fn is_sending(&self) -> bool {
        *self == SignupState::Sending
    }

    /// Subscribed, and whether a confirmation e-mail was sent.
    pub fn done(&self) -> Option<bool> {
        match self {
            SignupState::Done { confirm } => Some(*confirm),
            _ => None,
        }
    }

    /// The submit button's words.
    pub fn button_label(&self) -> &'static str {
        match self {
            SignupState::Sending => "Inscription en cours…",
            SignupState::Failed(_) => "Réessayer",
            _ => "Je m’inscris",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::newsletter::{EmailError, Refusal};

    const ADDRESS: &str = "claire.dumas@exemple.fr";

    #[test]
    fn a_valid_address_is_sent_trimmed_from_any_state_but_sending() {
        let failed = SignupState::Failed(SubscribeError::Timeout);
        let invalid = SignupState::Invalid(EmailError::Empty.to_string());
        for state in [SignupState::Idle, failed, invalid] {
            assert_eq!(
                state.submit(&format!("  {ADDRESS} "), ""),
                Some((SignupState::Sending, Then::Send(ADDRESS.into()))),
                "{state:?}"
            );
        }
    }

    #[test]
    fn a_second_submission_while_sending_changes_nothing() {
        assert_eq!(SignupState::Sending.submit(ADDRESS, ""), None);
        assert_eq!(SignupState::Sending.submit(ADDRESS, "http://robot"), None);
    }

    #[test]
    fn a_refused_address_is_said_in_french_and_the_field_gets_the_focus() {
        for (typed, reason) in [("", EmailError::Empty), ("claire@", EmailError::Invalid)] {
            let (state, then) = SignupState::Idle.submit(typed, "").unwrap();
            assert_eq!(state, SignupState::Invalid(reason.to_string()));
            assert_eq!(state.invalid(), Some(reason.to_string().as_str()));
            assert_eq!(then, Then::FocusField);
        }
    }

    #[test]
    fn a_bot_is_thanked_and_nothing_is_sent() {
        assert_eq!(
            SignupState::Idle.submit(ADDRESS, "https://spam.example"),
            Some((SignupState::Done { confirm: false }, Then::Nothing))
        );
    }

    #[test]
    fn the_answer_ends_the_signup() {
        let done = SignupState::answered(Ok(Subscribed { confirm: true }));
        assert_eq!(done.done(), Some(true));
        let refused = SubscribeError::Refused(Refusal::Domain);
        let failed = SignupState::answered(Err(refused.clone()));
        assert_eq!(failed, SignupState::Failed(refused));
        assert_eq!(failed.done(), None);
    }

    #[test]
    fn the_button_says_what_a_click_will_do() {
        assert_eq!(SignupState::Idle.button_label(), "Je m’inscris");
        assert_eq!(SignupState::Sending.button_label(), "Inscription en cours…");
        assert!(SignupState::Sending.is_sending());
        let failed = SignupState::Failed(SubscribeError::Network);
        assert_eq!(failed.button_label(), "Réessayer");
        assert!(!failed.is_sending());
    }
}

//! What the page's script saw when it ran the request for real: plain data, filled in by `fetch_run` and
//! `xhr_run`, read by the comparison.

use cors_rules::{Outcome, ResponseType};

/// How the script's call ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Observed {
    /// `fetch()` resolved, or XHR fired `load`.
    Response(SeenResponse),
    /// `fetch()` rejected after the request was made, or XHR fired `error`: a network error.
    NetworkError {
        /// The exception text (`TypeError: Failed to fetch`); `None` for XHR, whose `error` event carries none.
        message: Option<String>,
    },
    /// The call threw before anything was sent (`new Request`, `xhr.open`, `setRequestHeader`).
    Threw {
        /// The exception text.
        message: String,
    },
    /// Nothing came back within the live run's time limit.
    NoAnswer {
        /// The limit, in seconds.
        after_secs: u32,
    },
}

/// A response the script received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeenResponse {
    /// `Response.type`; `None` for XHR, which has no such property.
    pub response_type: Option<ResponseType>,
    /// The status the script reads (`0` for opaque responses).
    pub status: u16,
    /// The header names the script can list, lower-case, in the order the browser gives them.
    pub headers: Vec<String>,
}

impl Observed {
    /// The outcome the script saw; `None` when nothing came back.
    #[must_use]
    pub fn outcome(&self) -> Option<Outcome> {
        match self {
            Observed::Response(response) => Some(match response.response_type {
                Some(ResponseType::Opaque) => Outcome::Opaque,
                Some(ResponseType::OpaqueRedirect) => Outcome::OpaqueRedirect,
                _ => Outcome::Allowed,
            }),
            Observed::NetworkError { .. } => Some(Outcome::Blocked),
            Observed::Threw { .. } => Some(Outcome::RequestError),
            Observed::NoAnswer { .. } => None,
        }
    }

    /// The exception text the script saw, if any.
    #[must_use]
    pub fn error_text(&self) -> Option<&str> {
        match self {
            Observed::NetworkError { message } => message.as_deref(),
            Observed::Threw { message } => Some(message),
            _ => None,
        }
    }

    /// The response, when the script can read it (the outcome is `allowed`).
    #[must_use]
    pub fn readable(&self) -> Option<&SeenResponse> {
        match self {
            Observed::Response(response) if self.outcome() == Some(Outcome::Allowed) => {
                Some(response)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(kind: Option<ResponseType>) -> Observed {
        Observed::Response(SeenResponse {
            response_type: kind,
            status: 0,
            headers: Vec::new(),
        })
    }

    #[test]
    fn an_opaque_response_is_the_opaque_outcome_and_is_not_readable() {
        let seen = response(Some(ResponseType::Opaque));
        assert_eq!(seen.outcome(), Some(Outcome::Opaque));
        assert_eq!(seen.readable(), None);
    }

    #[test]
    fn an_xhr_load_without_a_type_is_allowed_and_readable() {
        let seen = response(None);
        assert_eq!(seen.outcome(), Some(Outcome::Allowed));
        assert!(seen.readable().is_some());
    }

    #[test]
    fn a_rejection_is_blocked_and_a_throw_is_a_request_error() {
        let message = "TypeError: Failed to fetch".to_owned();
        assert_eq!(
            Observed::NetworkError {
                message: Some(message.clone())
            }
            .outcome(),
            Some(Outcome::Blocked)
        );
        assert_eq!(
            Observed::Threw { message }.outcome(),
            Some(Outcome::RequestError)
        );
        assert_eq!(Observed::NoAnswer { after_secs: 30 }.outcome(), None);
    }
}

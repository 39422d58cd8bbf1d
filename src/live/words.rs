//! The live panel's words: every text it shows for the run's data, in one place.

use cors_lab::wire::WireView;
use cors_rules::scenario::Api;
use cors_rules::{Outcome, ResponseType};

use super::compare::{Field, Mark, Shown, Unseen};
use super::lab_client::LabFailure;
use super::observe::Observed;
use super::plan::SERVE_COMMAND;
use super::run::{LiveError, Phase};

/// The label of a compared field.
#[must_use]
pub fn field_label(field: Field) -> &'static str {
    match field {
        Field::Outcome => "Outcome",
        Field::ResponseType => "Response.type",
        Field::Status => "Status the script reads",
        Field::ReadableHeaders => "Headers the script can read",
        Field::PreflightSent => "Preflight sent",
        Field::WireRequests => "Requests the server received",
    }
}

/// Icon, word and stable id of an agreement mark (the icon is never the only signal).
#[must_use]
pub fn mark_words(mark: Mark) -> (&'static str, &'static str, &'static str) {
    match mark {
        Mark::Agree => ("✓", "agree", "agree"),
        Mark::Disagree => ("✗", "disagree", "disagree"),
        Mark::NotObservable => ("–", "not observable", "not-observable"),
    }
}

/// An outcome in plain words.
#[must_use]
pub fn outcome_words(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Allowed => "allowed",
        Outcome::Blocked => "blocked (network error)",
        Outcome::Opaque => "opaque",
        Outcome::OpaqueRedirect => "opaque redirect",
        Outcome::RequestError => "request error (the call threw)",
        Outcome::NoEvent => "no event (the request never finished)",
    }
}

/// `Response.type` as a page spells it.
#[must_use]
pub fn response_type_words(response_type: ResponseType) -> &'static str {
    match response_type {
        ResponseType::Basic => "basic",
        ResponseType::Cors => "cors",
        ResponseType::Opaque => "opaque",
        ResponseType::OpaqueRedirect => "opaqueredirect",
        ResponseType::Error => "error",
    }
}

/// Why a field is not observable.
#[must_use]
pub fn unseen_words(unseen: Unseen) -> &'static str {
    match unseen {
        Unseen::XhrHasNoResponseType => "XMLHttpRequest has no Response.type",
        Unseen::NotTheLab => "only your server's own log shows this",
        Unseen::NoAnswer => "nothing came back",
    }
}

/// One side of a row in words (requests get a one-line summary; the panel lists them in full).
#[must_use]
pub fn shown_words(shown: &Shown) -> String {
    match shown {
        Shown::Outcome(Some(outcome)) => outcome_words(*outcome).to_owned(),
        Shown::Outcome(None) => "no answer".to_owned(),
        Shown::ResponseType(t) => response_type_words(*t).to_owned(),
        Shown::Status(Some(status)) => status.to_string(),
        Shown::Status(None) | Shown::Names(None) => "not readable".to_owned(),
        Shown::Names(Some(names)) if names.is_empty() => "none".to_owned(),
        Shown::Names(Some(names)) => names.join(", "),
        Shown::Flag(true) => "yes".to_owned(),
        Shown::Flag(false) => "no".to_owned(),
        Shown::Requests(rows) if rows.is_empty() => "none".to_owned(),
        Shown::Requests(rows) => rows
            .iter()
            .map(|row| row.method.as_str())
            .collect::<Vec<_>>()
            .join(" then "),
        Shown::Unseen(unseen) => format!("not observable: {}", unseen_words(*unseen)),
    }
}

/// One request as lines: method and URL, then cookies (where observable), then the compared header lines.
#[must_use]
pub fn wire_row_lines(row: &WireView) -> Vec<String> {
    let mut lines = vec![format!("{} {}", row.method, row.url)];
    match row.cookies {
        Some(true) => lines.push("cookies attached".to_owned()),
        Some(false) => lines.push("no cookies".to_owned()),
        None => {}
    }
    lines.extend(
        row.headers
            .iter()
            .map(|(name, value)| format!("{name}: {value}")),
    );
    lines
}

/// What the page's script got, in words.
#[must_use]
pub fn observed_words(observed: &Observed) -> String {
    match observed {
        Observed::Response(response) => {
            let kind = response
                .response_type
                .map(|t| format!(", Response.type {}", response_type_words(t)))
                .unwrap_or_default();
            let names = if response.headers.is_empty() {
                "none".to_owned()
            } else {
                response.headers.join(", ")
            };
            format!(
                "a response: status {}{kind}, header names it can list: {names}",
                response.status
            )
        }
        Observed::NoAnswer { after_secs } => format!("nothing within {after_secs} s"),
        failed => failed.error_text().map_or_else(
            || "an error event with status 0, and no exception".to_owned(),
            str::to_owned,
        ),
    }
}

/// All a script learns of a blocked request, per API.
#[must_use]
pub fn blocked_words(api: Api) -> &'static str {
    match api {
        Api::Xhr => "an error event with status 0",
        Api::Fetch => "a TypeError (\"Failed to fetch\" in Chrome, \"NetworkError when attempting to fetch resource.\" in Firefox, \"Load failed\" in Safari)",
    }
}

/// What a run is doing, for the status line.
#[must_use]
pub fn phase_words(phase: Phase) -> &'static str {
    match phase {
        Phase::FindingLab => "Looking for the lab (GET /api/health)…",
        Phase::Registering => "Registering the scenario with the lab…",
        Phase::Requesting => "Your browser is making the request…",
        Phase::ReadingLog => "Reading what the lab received…",
    }
}

/// Why a run could not be made, in words.
#[must_use]
pub fn error_words(error: &LiveError) -> String {
    match error {
        LiveError::NoLab { tried } => format!(
            "No lab is running at {}. For full fidelity start it on your machine with {SERVE_COMMAND} \
             and open http://127.0.0.1:8080/, or choose \"Your own URL\" to fetch your real API from this page.",
            tried.join(" or ")
        ),
        LiveError::Lab(LabFailure::Unreachable { origin }) => {
            format!("The lab at {origin} stopped answering. Is it still running?")
        }
        LiveError::Lab(LabFailure::Refused(refusal)) => match &refusal.field {
            Some(field) => format!("The lab cannot run this scenario: {} (at {field}).", refusal.error),
            None => format!("The lab cannot run this scenario: {}.", refusal.error),
        },
        LiveError::Lab(LabFailure::Unexpected { status }) => {
            format!("The lab answered with status {status} and a body this page cannot read.")
        }
        LiveError::Url(problem) => problem.to_string(),
        LiveError::Engine(error) => {
            format!("The scenario cannot be predicted as it would run here: {error}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_missing_lab_message_names_the_serve_command() {
        let text = error_words(&LiveError::NoLab {
            tried: vec!["http://127.0.0.1:8080".to_owned()],
        });
        assert!(text.contains("./scripts/serve.sh"), "{text}");
        assert!(text.contains("Your own URL"), "{text}");
    }

    #[test]
    fn a_request_reads_as_its_line_its_cookies_and_its_compared_headers() {
        let row = WireView {
            method: "OPTIONS".to_owned(),
            url: "http://127.0.0.1:8081/s/k/x".to_owned(),
            cookies: Some(false),
            headers: vec![("origin".to_owned(), "http://127.0.0.1:8080".to_owned())],
        };
        assert_eq!(
            wire_row_lines(&row),
            [
                "OPTIONS http://127.0.0.1:8081/s/k/x",
                "no cookies",
                "origin: http://127.0.0.1:8080"
            ]
        );
    }

    #[test]
    fn a_response_lists_every_header_name_the_script_could_read() {
        let seen = Observed::Response(crate::live::observe::SeenResponse {
            response_type: Some(ResponseType::Cors),
            status: 200,
            headers: vec!["content-type".to_owned(), "x-total".to_owned()],
        });
        assert_eq!(
            observed_words(&seen),
            "a response: status 200, Response.type cors, header names it can list: content-type, x-total"
        );
    }

    #[test]
    fn unreadable_sides_say_so() {
        assert_eq!(shown_words(&Shown::Status(None)), "not readable");
        assert_eq!(shown_words(&Shown::Names(Some(Vec::new()))), "none");
        assert_eq!(
            shown_words(&Shown::Unseen(Unseen::NotTheLab)),
            "not observable: only your server's own log shows this"
        );
    }
}

//! What the lab can put on the wire: every answer must be writable as an HTTP/1.1 response.
//!
//! Broken-but-sendable answers are the point of the lab (odd casing, duplicates, invalid values such as
//! `Access-Control-Allow-Origin: *, *`), so only what cannot be written at all is refused: a header name that
//! is not a token, a value with CR, LF or NUL (it would split the response), a status that is not final.

use cors_rules::scenario::{Answer, HttpAnswer};
use cors_rules::Scenario;

use crate::error::LabError;

/// Checks every server answer of the scenario.
pub(crate) fn check(scenario: &Scenario) -> Result<(), LabError> {
    for (index, entry) in scenario.server.iter().enumerate() {
        let answers = [
            ("preflight", entry.preflight.as_ref()),
            ("response", Some(&entry.response)),
        ];
        for (which, answer) in answers {
            if let Some(Answer::Http(http)) = answer {
                check_answer(http, &format!("server[{index}].{which}"))?;
            }
        }
    }
    Ok(())
}

fn check_answer(http: &HttpAnswer, field: &str) -> Result<(), LabError> {
    if !(200..=999).contains(&http.status) {
        return Err(LabError::StatusUnsendable {
            field: format!("{field}.status"),
        });
    }
    for (line, (name, value)) in http.headers.iter().enumerate() {
        if name.is_empty() || !name.bytes().all(is_token_byte) {
            return Err(LabError::HeaderNameUnsendable {
                field: format!("{field}.headers[{line}][0]"),
            });
        }
        if value.bytes().any(|b| matches!(b, b'\r' | b'\n' | 0)) {
            return Err(LabError::HeaderValueUnsendable {
                field: format!("{field}.headers[{line}][1]"),
            });
        }
    }
    Ok(())
}

/// `tchar` of RFC 9110: `!#$%&'*+-.^_`|~`, digits and letters.
fn is_token_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
}

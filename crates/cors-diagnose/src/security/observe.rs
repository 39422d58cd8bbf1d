//! What a server answered to one `Origin`: from an HTTP answer, or from a pasted line.

use cors_rules::scenario::HttpAnswer;
use serde::Serialize;

use crate::parse::exchange::header;
use crate::report::ParseError;

/// The CORS part of one answer to one `Origin`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Observation {
    /// The `Origin` sent.
    pub origin: String,
    /// The `Access-Control-Allow-Origin` received (`None` when absent).
    pub allow_origin: Option<String>,
    /// Whether `Access-Control-Allow-Credentials: true` came back.
    pub allow_credentials: bool,
    /// Whether a `Vary` header lists `Origin` (or is `*`).
    pub vary_origin: bool,
}

impl Observation {
    /// Reads the CORS headers of an answer to a request sent with `origin`.
    #[must_use]
    pub fn from_answer(origin: &str, answer: &HttpAnswer) -> Observation {
        let vary_origin = answer
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("vary"))
            .flat_map(|(_, v)| v.split(','))
            .any(|v| v.trim().eq_ignore_ascii_case("origin") || v.trim() == "*");
        Observation {
            origin: origin.to_owned(),
            allow_origin: header(&answer.headers, "access-control-allow-origin").map(str::to_owned),
            allow_credentials: header(&answer.headers, "access-control-allow-credentials")
                == Some("true"),
            vary_origin,
        }
    }

    /// `Origin: X → Access-Control-Allow-Origin: Y (credentials, Vary: Origin)`.
    #[must_use]
    pub fn describe(&self) -> String {
        let mut flags = Vec::new();
        if self.allow_credentials {
            flags.push("Access-Control-Allow-Credentials: true");
        }
        flags.push(if self.vary_origin {
            "Vary: Origin"
        } else {
            "no Vary: Origin"
        });
        format!(
            "Origin: {} → Access-Control-Allow-Origin: {} ({})",
            self.origin,
            self.allow_origin.as_deref().unwrap_or("(none)"),
            flags.join(", ")
        )
    }
}

/// Parses pasted observations, one per line: `ORIGIN -> ALLOW-ORIGIN [credentials] [vary]`, where
/// ALLOW-ORIGIN is `-` or `none` when the header was absent. Blank lines and `#` comments are skipped.
///
/// # Errors
/// A [`ParseError`] at the first line without `->`.
pub fn parse_observations(text: &str) -> Result<Vec<Observation>, ParseError> {
    let mut out = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((origin, rest)) = line.split_once("->").or_else(|| line.split_once('→')) else {
            return Err(ParseError::at(
                index + 1,
                "expected 'ORIGIN -> ALLOW-ORIGIN [credentials] [vary]'",
            ));
        };
        let mut words = rest.split_whitespace();
        let allow = words.next().unwrap_or("-").trim_end_matches(',');
        let flags: Vec<String> = words
            .map(|w| w.trim_matches(',').to_ascii_lowercase())
            .collect();
        out.push(Observation {
            origin: origin.trim().to_owned(),
            allow_origin: (!matches!(allow, "-" | "none" | "(none)")).then(|| allow.to_owned()),
            allow_credentials: flags.iter().any(|f| f.starts_with("credential")),
            vary_origin: flags.iter().any(|f| f == "vary"),
        });
    }
    Ok(out)
}

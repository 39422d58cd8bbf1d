//! Replays a disagreement found by the conformance suite (`crates/cors-conformance`) against the engine:
//! the scenario the browser really ran (`lab_scenario`) is evaluated with the browser's profile, and
//! every observable the browser disagreed on must now be what the browser did.
//!
//! The files here are copies of `crates/cors-conformance/cases/disagreements/*.json` (or of a run's
//! `target/conformance/disagreements/*.json`): `differences[].observed` is what the real browser did.
//! Wire requests are projected as the harness does (`cors-lab/src/wire.rs`, which cors-rules does not depend on): method, URL,
//! cookies where observable, and the CORS headers plus the headers the script set.

use std::collections::BTreeSet;

use cors_rules::render::firefox_line_names_no_request_url;
use cors_rules::verdict::{Verdict, WireRequest};
use cors_rules::{evaluate, Scenario};
use serde_json::{json, Value};

/// Headers the engine always speaks about on the wire.
const CORS_NAMES: [&str; 3] = [
    "origin",
    "access-control-request-method",
    "access-control-request-headers",
];

/// Headers the browser's network stack manages: never compared on a preflight.
const BROWSER_MANAGED: [&str; 11] = [
    "accept",
    "accept-language",
    "accept-encoding",
    "connection",
    "host",
    "user-agent",
    "referer",
    "content-length",
    "keep-alive",
    "cache-control",
    "pragma",
];

/// One saved disagreement.
pub struct Observed {
    file: Value,
}

impl Observed {
    /// Parses a saved disagreement (the text of its JSON file).
    pub fn parse(text: &str) -> Observed {
        Observed {
            file: serde_json::from_str(text).expect("a disagreement file is JSON"),
        }
    }

    /// The engine's verdict for the scenario the browser ran.
    pub fn verdict(&self) -> Verdict {
        let scenario = Scenario::from_value(self.file["lab_scenario"].clone())
            .expect("the lab scenario is a valid scenario");
        evaluate(&scenario).expect("the lab scenario evaluates")
    }

    /// Asserts that the engine now predicts every observable the browser disagreed on.
    pub fn assert_engine_agrees(&self) {
        let verdict = self.verdict();
        let differences = self.file["differences"].as_array().expect("differences");
        assert!(
            !differences.is_empty(),
            "a disagreement names what differed"
        );
        let mut mismatches = Vec::new();
        for difference in differences {
            let observable = difference["observable"].as_str().expect("observable id");
            let observed = &difference["observed"];
            let predicted = self.project(&verdict, observable, observed);
            if predicted != *observed {
                mismatches.push(format!(
                    "{observable}:\n  engine  {predicted}\n  browser {observed}"
                ));
            }
        }
        assert!(
            mismatches.is_empty(),
            "{} ({}) still disagrees:\n{}",
            self.file["case"],
            self.file["browser"],
            mismatches.join("\n")
        );
    }

    /// The verdict's value for `observable`, in the harness's terms.
    fn project(&self, verdict: &Verdict, observable: &str, observed: &Value) -> Value {
        match observable {
            "outcome" => json!(verdict.outcome),
            "response-type" => json!(verdict.response_type),
            "status" => json!(verdict.readable.as_ref().map(|r| r.status)),
            "readable-headers" => {
                json!(verdict.readable.as_ref().map(|r| self.declared(&r.headers)))
            }
            "js-error" => json!(verdict.js_error),
            "preflight-sent" => json!(verdict.preflight_sent),
            "wire-requests" => {
                let observed = observed.as_array().cloned().unwrap_or_default();
                let views: Vec<Value> = verdict
                    .requests
                    .iter()
                    .enumerate()
                    .map(|(i, r)| self.wire_view(r, observed.get(i)))
                    .collect();
                json!(views)
            }
            // Files recorded before the harness paired Firefox's lines that name no URL of the case (only a
            // non-HTTP redirect target, or only the page) with their case (`run::pair_target_lines`) lack
            // those lines.
            "console" => {
                let page = self.file["lab_scenario"]["page"].as_str();
                json!(verdict
                    .console
                    .iter()
                    .filter(|line| !firefox_line_names_no_request_url(line, page))
                    .collect::<Vec<_>>())
            }
            other => panic!("unknown observable {other}"),
        }
    }

    /// The readable names among those some server entry sends, sorted.
    fn declared(&self, names: &[String]) -> Vec<String> {
        let declared: BTreeSet<String> = self.file["lab_scenario"]["server"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|entry| entry["response"]["headers"].as_array())
            .flatten()
            .filter_map(|pair| pair[0].as_str().map(str::to_ascii_lowercase))
            .collect();
        let kept: BTreeSet<String> = names
            .iter()
            .map(|n| n.to_ascii_lowercase())
            .filter(|n| declared.contains(n))
            .collect();
        kept.into_iter().collect()
    }

    /// A predicted request projected like the harness's `predicted_view`.
    fn wire_view(&self, request: &WireRequest, observed: Option<&Value>) -> Value {
        let script: Vec<String> = self.file["lab_scenario"]["request"]["headers"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|pair| pair[0].as_str().map(str::to_ascii_lowercase))
            .filter(|name| name != "cookie")
            .collect();
        let preflight = request.method == "OPTIONS";
        // The harness keeps a browser-managed header of a received request only when the prediction of
        // the time named it, so a name the file's observation lacks cannot be compared.
        let observed_names: Vec<String> = observed
            .and_then(|o| o["headers"].as_array())
            .into_iter()
            .flatten()
            .filter_map(|pair| pair[0].as_str().map(str::to_owned))
            .collect();
        let mut headers: Vec<(String, String)> = Vec::new();
        for (name, value) in &request.headers {
            let lower = name.to_ascii_lowercase();
            let relevant = CORS_NAMES.contains(&lower.as_str()) || script.contains(&lower);
            let managed = BROWSER_MANAGED.contains(&lower.as_str());
            if !relevant || (managed && (preflight || !observed_names.contains(&lower))) {
                continue;
            }
            let value = if lower == "authorization" {
                "(present)".to_owned()
            } else {
                value.clone()
            };
            match headers.iter_mut().find(|(n, _)| *n == lower) {
                Some((_, existing)) => {
                    existing.push_str(", ");
                    existing.push_str(&value);
                }
                None => headers.push((lower, value)),
            }
        }
        headers.sort_by(|a, b| a.0.cmp(&b.0));
        // Cookies are compared only where the harness could observe them (non-null in the file).
        let credentials = observed
            .and_then(|o| o["credentials"].as_bool())
            .map(|_| request.credentials);
        json!({
            "credentials": credentials,
            "headers": headers,
            "method": request.method,
            "url": request.url,
        })
    }
}

/// Replays every saved file, asserting the engine agrees with each, and returns the cases.
#[allow(dead_code)] // Not every test binary that includes this module replays a list.
pub fn agreeing(files: &[&str]) -> Vec<Observed> {
    files
        .iter()
        .map(|file| {
            let case = Observed::parse(file);
            case.assert_engine_agrees();
            case
        })
        .collect()
}

//! Round trips through the rules engine.
//!
//! 1. Every known failure message, filled with sample values, is recognised, and the engine judges the
//!    reproduced scenario with the recognised check (or, for a sentence a browser uses for several checks,
//!    one of them).
//! 2. For failing scenarios across checks, browsers and APIs, the engine's predicted console lines are fed
//!    back to the recogniser: it recovers the engine's check, and the reproduced scenario fails the same way
//!    (same check, or for ambiguous sentences the same console lines). Cases where the engine prints no
//!    console line yet are counted, not failed, so the test tightens as the engine's renderers grow.

use cors_diagnose::console::{catalog, recognise, Meaning, Recognised};
use cors_rules::{evaluate, Browser, CheckId, Outcome, Scenario};

/// Checks whose reproduction needs engine features the messages cannot pin down (address spaces).
const NOT_REPRODUCIBLE: &[CheckId] = &[CheckId::LocalNetworkAccess, CheckId::AllowPrivateNetwork];

fn sample(code: &str, hole: &str) -> &'static str {
    match (hole, code) {
        ("url", c) if c.contains("SCHEME") || c.contains("Scheme") || c.contains("NotHttp") => "file:///home/me/data.json",
        ("url", c) if c.contains("MIXED") => "http://api.example.com/v1/items",
        ("url", _) => "https://api.example.com/v1/items",
        ("initial_url", _) => "https://api.example.com/v1/old",
        ("origin", _) | ("page", _) => "https://app.example.com",
        ("value", c) if c.contains("Multiple") => "https://a.example, https://b.example",
        ("value", c) if c.contains("InvalidAllowOrigin") => "app.example.com",
        ("value", c) if c.contains("AllowCredentials") => "",
        ("value", c) if c.contains("Method") => "GET POST",
        ("value", c) if c.contains("Header") || c.contains("HEADERS") => "Content-Type X-Custom",
        ("value", _) => "https://other.example.com",
        ("location", c) if c.contains("UNSAFE_ATTEMPT") => "https://api.example.com/next",
        ("location", _) => "https://user:secret@api.example.com/next",
        ("count", _) => "20",
        ("method", _) => "PATCH",
        ("header", _) => "x-api-key",
        ("status", c) if c.contains("PREFLIGHT") || c.contains("Preflight") => "405",
        ("status", _) => "200",
        ("scheme", _) => "file",
        ("schemes", _) => "chrome, chrome-extension, data, http, https",
        ("reason", _) => "Origin https://app.example.com is not allowed by Access-Control-Allow-Origin. Status code: 302",
        _ => "x",
    }
}

fn fill(template: &str, code: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
        out.push_str(&rest[..open]);
        out.push_str(sample(code, &rest[open + 1..close]));
        rest = &rest[(close + 1).min(rest.len())..];
    }
    out.push_str(rest);
    out
}

fn acceptable(found: &Recognised) -> Vec<CheckId> {
    let mut checks: Vec<CheckId> = found.check.into_iter().collect();
    checks.extend(found.alternatives.iter().copied());
    checks
}

#[test]
fn every_failure_message_reproduces_a_scenario_the_engine_fails_the_same_way() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for message in catalog::all() {
        let Meaning::Failure(checks) = message.meaning else {
            continue;
        };
        if checks.iter().all(|c| NOT_REPRODUCIBLE.contains(c)) {
            continue;
        }
        let text = if message.code.starts_with("kPreflight")
            || message.layout == catalog::Layout::ChromeTail
        {
            message.text().replace("{kind}", "fetch")
        } else {
            message.template.to_owned()
        };
        let pasted = fill(&text, message.code);
        let Some(found) = recognise(&pasted).recognised else {
            problems.push(format!("{}: not recognised: {pasted}", message.code));
            continue;
        };
        let Some(scenario) = found.scenario.clone() else {
            continue;
        };
        checked += 1;
        match evaluate(&scenario) {
            Ok(verdict) => {
                let got = verdict.failure.as_ref().map(|f| f.check);
                if !got.is_some_and(|c| acceptable(&found).contains(&c)) {
                    problems.push(format!(
                        "{}: recognised {:?}, engine says {:?} ({:?})\n  {}",
                        message.code,
                        found.check,
                        got,
                        verdict.outcome,
                        serde_json::to_string(&scenario).unwrap_or_default()
                    ));
                }
            }
            Err(err) => problems.push(format!(
                "{}: engine rejects the reproduction: {err}",
                message.code
            )),
        }
    }
    assert!(checked >= 40, "only {checked} messages reproduced");
    assert!(
        problems.is_empty(),
        "{} of {checked}:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Failing scenarios: (name, scenario JSON without browser/api).
fn failing_cases() -> Vec<(&'static str, String)> {
    let page = "https://app.example.com";
    let url = "https://api.example.com/v1/items";
    let case = |request: &str, server: &str| {
        format!(
            r#"{{"page":"{page}","request":{{"url":"{url}"{request}}},"server":[{{"url":"{url}"{server}}}]}}"#
        )
    };
    let ok = format!(r#"["Access-Control-Allow-Origin","{page}"]"#);
    let okc = format!(
        r#"["Access-Control-Allow-Origin","{page}"],["Access-Control-Allow-Credentials","true"]"#
    );
    vec![
        (
            "missing",
            case("", r#","response":{"status":200,"headers":[]}"#),
        ),
        (
            "missing on 500",
            case("", r#","response":{"status":500,"headers":[]}"#),
        ),
        (
            "mismatch",
            case(
                "",
                r#","response":{"headers":[["Access-Control-Allow-Origin","https://other.example.com"]]}"#,
            ),
        ),
        (
            "trailing slash",
            case(
                "",
                &format!(
                    r#","response":{{"headers":[["Access-Control-Allow-Origin","{page}/"]]}}"#
                ),
            ),
        ),
        (
            "invalid",
            case(
                "",
                r#","response":{"headers":[["Access-Control-Allow-Origin","app.example.com"]]}"#,
            ),
        ),
        (
            "two lines",
            case("", &format!(r#","response":{{"headers":[{ok},{ok}]}}"#)),
        ),
        (
            "wildcard with credentials",
            case(
                r#","credentials":"include""#,
                r#","response":{"headers":[["Access-Control-Allow-Origin","*"]]}"#,
            ),
        ),
        (
            "no allow-credentials",
            case(
                r#","credentials":"include""#,
                &format!(r#","response":{{"headers":[{ok}]}}"#),
            ),
        ),
        (
            "preflight 405 no headers",
            case(
                r#","method":"PUT""#,
                r#","preflight":{"status":405,"headers":[]}"#,
            ),
        ),
        (
            "preflight 401 with headers",
            case(
                r#","method":"PUT""#,
                &format!(
                    r#","preflight":{{"status":401,"headers":[{ok},["Access-Control-Allow-Methods","PUT"]]}}"#
                ),
            ),
        ),
        (
            "preflight redirect",
            case(
                r#","method":"PUT""#,
                &format!(r#","preflight":{{"status":301,"headers":[{ok},["Location","{url}/"]]}}"#),
            ),
        ),
        (
            "preflight mismatch",
            case(
                r#","method":"PUT""#,
                r#","preflight":{"status":204,"headers":[["Access-Control-Allow-Origin","https://other.example.com"],["Access-Control-Allow-Methods","PUT"]]}"#,
            ),
        ),
        (
            "preflight wildcard credentials",
            case(
                r#","method":"PUT","credentials":"include""#,
                r#","preflight":{"status":204,"headers":[["Access-Control-Allow-Origin","*"],["Access-Control-Allow-Methods","PUT"]]}"#,
            ),
        ),
        (
            "preflight no credentials",
            case(
                r#","method":"PUT","credentials":"include""#,
                &format!(
                    r#","preflight":{{"status":204,"headers":[{ok},["Access-Control-Allow-Methods","PUT"]]}}"#
                ),
            ),
        ),
        (
            "method not allowed",
            case(
                r#","method":"DELETE""#,
                &format!(
                    r#","preflight":{{"status":204,"headers":[{ok},["Access-Control-Allow-Methods","GET, POST"]]}}"#
                ),
            ),
        ),
        (
            "methods unparsable",
            case(
                r#","method":"DELETE""#,
                &format!(
                    r#","preflight":{{"status":204,"headers":[{ok},["Access-Control-Allow-Methods","GET POST"]]}}"#
                ),
            ),
        ),
        (
            "json header not allowed",
            case(
                r#","method":"POST","headers":[["Content-Type","application/json"]]"#,
                &format!(r#","preflight":{{"status":204,"headers":[{ok}]}}"#),
            ),
        ),
        (
            "custom header not allowed",
            case(
                r#","headers":[["X-Api-Key","k"]]"#,
                &format!(
                    r#","preflight":{{"status":204,"headers":[{ok},["Access-Control-Allow-Headers","content-type"]]}}"#
                ),
            ),
        ),
        (
            "authorization with credentials and star",
            case(
                r#","headers":[["Authorization","Bearer t"]],"credentials":"include""#,
                &format!(
                    r#","preflight":{{"status":204,"headers":[{okc},["Access-Control-Allow-Headers","*"]]}}"#
                ),
            ),
        ),
        (
            "headers unparsable",
            case(
                r#","headers":[["X-Api-Key","k"]]"#,
                &format!(
                    r#","preflight":{{"status":204,"headers":[{ok},["Access-Control-Allow-Headers","X-Api-Key;"]]}}"#
                ),
            ),
        ),
        (
            "connection refused",
            case("", r#","response":{"error":"connection-refused"}"#),
        ),
        (
            "preflight refused",
            case(
                r#","method":"PUT""#,
                r#","preflight":{"error":"connection-refused"}"#,
            ),
        ),
        (
            "response fails after preflight",
            case(
                r#","method":"PUT""#,
                &format!(
                    r#","preflight":{{"status":204,"headers":[{ok},["Access-Control-Allow-Methods","PUT"]]}},"response":{{"status":200,"headers":[]}}"#
                ),
            ),
        ),
    ]
}

fn with_profile(json: &str, browser: Browser, api: &str) -> Scenario {
    let mut value: serde_json::Value = serde_json::from_str(json).expect("valid case JSON");
    value["browser"] = serde_json::Value::String(browser.id().to_owned());
    value["request"]["api"] = serde_json::Value::String(api.to_owned());
    Scenario::from_value(value).expect("valid scenario")
}

#[test]
fn engine_console_lines_round_trip_through_the_recogniser() {
    let mut problems = Vec::new();
    let (mut exercised, mut silent) = (0, 0);
    for (name, json) in failing_cases() {
        for browser in [Browser::Chrome, Browser::Firefox, Browser::Safari] {
            for api in ["fetch", "xhr"] {
                let scenario = with_profile(&json, browser, api);
                let Ok(verdict) = evaluate(&scenario) else {
                    continue;
                };
                let Some(failure) = verdict.failure.clone() else {
                    problems.push(format!(
                        "{name}/{browser:?}/{api}: the case does not fail ({:?})",
                        verdict.outcome
                    ));
                    continue;
                };
                if verdict.console.is_empty() {
                    silent += 1;
                    continue;
                }
                exercised += 1;
                let pasted = verdict.console.join("\n");
                if let Err(problem) = round_trip(&pasted, failure.check, &verdict.console) {
                    problems.push(format!(
                        "{name}/{browser:?}/{api} ({}): {problem}\n  {pasted}",
                        failure.check
                    ));
                }
            }
        }
    }
    eprintln!("round trip: {exercised} console excerpts exercised, {silent} cases without console lines yet");
    // The engine's console renderers are in: nearly every case must now print and round-trip.
    assert!(
        exercised >= 120,
        "only {exercised} cases printed console lines ({silent} silent)"
    );
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

fn round_trip(pasted: &str, expected: CheckId, console: &[String]) -> Result<(), String> {
    let diagnosis = recognise(pasted);
    let found = diagnosis.recognised.ok_or("not recognised")?;
    let accepted = acceptable(&found);
    let network_only = found.check.is_none()
        && matches!(
            expected,
            CheckId::NetworkError | CheckId::PreflightNetworkError
        );
    if !accepted.contains(&expected) && !network_only {
        return Err(format!(
            "recognised {:?} (alternatives {:?})",
            found.check, found.alternatives
        ));
    }
    let Some(reproduced) = found.scenario else {
        return Ok(());
    };
    let verdict = evaluate(&reproduced).map_err(|e| format!("reproduction rejected: {e}"))?;
    if verdict.outcome == Outcome::Allowed {
        return Err("the reproduction is allowed".to_owned());
    }
    let same_check = verdict.failure.as_ref().map(|f| f.check) == Some(expected);
    let same_words = verdict.console == console;
    if same_check || same_words {
        Ok(())
    } else {
        Err(format!(
            "reproduction fails with {:?}, console {:?}",
            verdict.failure.map(|f| f.check),
            verdict.console
        ))
    }
}

#[test]
fn every_line_the_engine_prints_is_recognised_on_its_own() {
    let mut unknown = Vec::new();
    let mut lines = 0;
    for (name, json) in failing_cases() {
        for browser in [Browser::Chrome, Browser::Firefox, Browser::Safari] {
            for api in ["fetch", "xhr"] {
                let Ok(verdict) = evaluate(&with_profile(&json, browser, api)) else {
                    continue;
                };
                for line in verdict.console.iter().chain(verdict.js_error.iter()) {
                    lines += 1;
                    if recognise(line).recognised.is_none() {
                        unknown.push(format!("{name}/{browser:?}/{api}: {line}"));
                    }
                }
            }
        }
    }
    assert!(lines >= 300, "only {lines} lines");
    unknown.sort();
    unknown.dedup();
    assert!(
        unknown.is_empty(),
        "{} lines not recognised:\n{}",
        unknown.len(),
        unknown.join("\n")
    );
}

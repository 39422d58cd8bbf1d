//! Shared helpers: a scenario builder and a table runner that reports every mismatching row.
#![allow(dead_code)]

use cors_rules::verdict::Verdict;
use cors_rules::{evaluate, CheckId, Scenario, StepOutcome, TraceStep};
use serde_json::{json, Value};

/// The page every table uses unless it says otherwise.
pub const PAGE: &str = "https://app.example";
/// The cross-origin API URL every table uses unless it says otherwise.
pub const API: &str = "https://api.example/data";

/// A scenario under construction (the JSON of docs/reference/scenario-format.md).
#[derive(Clone, Debug)]
pub struct Sc(pub Value);

impl Sc {
    /// A GET from `page` to `url`, profile `spec`, no server entries yet.
    pub fn new(page: &str, url: &str) -> Sc {
        Sc(json!({"browser": "spec", "page": page, "request": {"url": url}, "server": []}))
    }
    /// A cross-origin GET from [`PAGE`] to [`API`].
    pub fn cross() -> Sc {
        Sc::new(PAGE, API)
    }
    /// A GET from an opaque (`null`) page.
    pub fn opaque_page(url: &str) -> Sc {
        Sc(json!({"browser": "spec", "page": null, "request": {"url": url}, "server": []}))
    }
    pub fn browser(mut self, browser: &str) -> Sc {
        self.0["browser"] = json!(browser);
        self
    }
    fn request_field(mut self, field: &str, value: Value) -> Sc {
        self.0["request"][field] = value;
        self
    }
    pub fn method(self, method: &str) -> Sc {
        self.request_field("method", json!(method))
    }
    pub fn header(mut self, name: &str, value: &str) -> Sc {
        let headers = self.0["request"]["headers"].take();
        let mut list = headers.as_array().cloned().unwrap_or_default();
        list.push(json!([name, value]));
        self.0["request"]["headers"] = Value::Array(list);
        self
    }
    pub fn mode(self, mode: &str) -> Sc {
        self.request_field("mode", json!(mode))
    }
    pub fn credentials(self, credentials: &str) -> Sc {
        self.request_field("credentials", json!(credentials))
    }
    pub fn include(self) -> Sc {
        self.credentials("include")
    }
    pub fn redirect_mode(self, redirect: &str) -> Sc {
        self.request_field("redirect", json!(redirect))
    }
    pub fn xhr(self) -> Sc {
        self.request_field("api", json!("xhr"))
    }
    pub fn preflight_flag(self) -> Sc {
        self.request_field("preflight_flag", json!(true))
    }
    fn entry(&mut self, url: &str) -> &mut Value {
        let servers = self.0["server"].as_array_mut().expect("server is an array");
        let index = match servers.iter().position(|s| s["url"] == json!(url)) {
            Some(index) => index,
            None => {
                servers.push(json!({"url": url}));
                servers.len() - 1
            }
        };
        &mut servers[index]
    }
    /// The response at `url`.
    pub fn respond(mut self, url: &str, status: u16, headers: &[(&str, &str)]) -> Sc {
        self.entry(url)["response"] = http(status, headers);
        self
    }
    /// The preflight answer at `url`.
    pub fn preflight(mut self, url: &str, status: u16, headers: &[(&str, &str)]) -> Sc {
        self.entry(url)["preflight"] = http(status, headers);
        self
    }
    /// `{"error": kind}` as the response at `url`.
    pub fn respond_error(mut self, url: &str, kind: &str) -> Sc {
        self.entry(url)["response"] = json!({ "error": kind });
        self
    }
    /// `{"error": kind}` as the preflight answer at `url`.
    pub fn preflight_error(mut self, url: &str, kind: &str) -> Sc {
        self.entry(url)["preflight"] = json!({ "error": kind });
        self
    }
    /// A redirect from `from` to `location` with `status` and extra headers.
    pub fn redirect(self, from: &str, status: u16, location: &str, headers: &[(&str, &str)]) -> Sc {
        let mut all = vec![("Location", location)];
        all.extend_from_slice(headers);
        self.respond(from, status, &all)
    }
    /// Evaluates; panics on an input error (tables only hold valid scenarios).
    pub fn eval(&self) -> Verdict {
        let scenario = Scenario::from_value(self.0.clone())
            .unwrap_or_else(|e| panic!("bad scenario {e}: {}", self.0));
        evaluate(&scenario).unwrap_or_else(|e| panic!("input error {e}: {}", self.0))
    }
}

/// An HTTP answer value.
pub fn http(status: u16, headers: &[(&str, &str)]) -> Value {
    let list: Vec<Value> = headers.iter().map(|(n, v)| json!([n, v])).collect();
    json!({"status": status, "headers": list})
}

/// The `Access-Control-Allow-Origin` header for [`PAGE`].
pub const ACAO: (&str, &str) = ("Access-Control-Allow-Origin", PAGE);
/// `Access-Control-Allow-Origin: *`.
pub const ACAO_ANY: (&str, &str) = ("Access-Control-Allow-Origin", "*");
/// `Access-Control-Allow-Credentials: true`.
pub const ACAC: (&str, &str) = ("Access-Control-Allow-Credentials", "true");

/// The outcome id (`allowed`, `blocked`…).
pub fn outcome(verdict: &Verdict) -> String {
    serde_json::to_value(verdict.outcome)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

/// The failing check id, or `-` when none.
pub fn check(verdict: &Verdict) -> String {
    verdict
        .failure
        .as_ref()
        .map_or_else(|| "-".to_owned(), |f| f.check.id().to_owned())
}

/// The decision's trace (not rendered).
pub fn trace(sc: &Sc) -> Vec<TraceStep> {
    cors_rules::decide(&Scenario::from_value(sc.0.clone()).unwrap())
        .unwrap()
        .trace
}

/// The first step of `check` in the trace.
pub fn step(sc: &Sc, check: CheckId) -> Option<TraceStep> {
    trace(sc).into_iter().find(|s| s.check == check)
}

/// Whether the trace has a step `check` with `outcome`.
pub fn has_step(sc: &Sc, check: CheckId, outcome: StepOutcome) -> bool {
    trace(sc)
        .iter()
        .any(|s| s.check == check && s.outcome == outcome)
}

/// One row of a table: the rule it checks, a sentence, the scenario and the expected end.
pub struct Case {
    pub rule: &'static str,
    pub name: &'static str,
    pub sc: Sc,
    /// Expected outcome id.
    pub outcome: &'static str,
    /// Expected failing check id, or `-`.
    pub check: &'static str,
}

/// Shorthand for a [`Case`].
pub fn case(
    rule: &'static str,
    name: &'static str,
    sc: Sc,
    outcome: &'static str,
    check: &'static str,
) -> Case {
    Case {
        rule,
        name,
        sc,
        outcome,
        check,
    }
}

/// Runs every row and fails once, listing all mismatches.
pub fn run(cases: &[Case]) {
    let mut failures = Vec::new();
    for case in cases {
        let verdict = case.sc.eval();
        let (got_outcome, got_check) = (outcome(&verdict), check(&verdict));
        if got_outcome != case.outcome || got_check != case.check {
            failures.push(format!(
                "[{}] {}: expected {} / {}, got {} / {}\n  {}",
                case.rule, case.name, case.outcome, case.check, got_outcome, got_check, case.sc.0
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Every profile id.
pub const BROWSERS: [&str; 4] = ["chrome", "firefox", "safari", "spec"];

use cors_lab::api::{LogEntry, LoggedAnswer};
use cors_rules::scenario::Api;
use cors_rules::{Outcome, ResponseType, Scenario, Verdict};

use super::*;
use crate::live::observe::{Observed, SeenResponse};

const URL: &str = "http://127.0.0.1:8081/s/k/items";
const PAGE: &str = "http://127.0.0.1:8080";

/// A preflighted, credentialed PUT the lab allows, in lab terms.
fn put_scenario() -> Scenario {
    let json = format!(
        r#"{{"page": "{PAGE}", "request": {{"url": "{URL}", "method": "PUT", "credentials": "include",
            "headers": [["Content-Type", "application/json"], ["X-Trace", "7"]]}},
          "server": [{{"url": "{URL}",
            "preflight": {{"status": 204, "headers": [["Access-Control-Allow-Origin", "{PAGE}"],
                ["Access-Control-Allow-Credentials", "true"], ["Access-Control-Allow-Methods", "PUT"],
                ["Access-Control-Allow-Headers", "content-type, x-trace"]]}},
            "response": {{"status": 201, "headers": [["Access-Control-Allow-Origin", "{PAGE}"],
                ["Access-Control-Allow-Credentials", "true"], ["X-Hidden", "1"],
                ["Access-Control-Expose-Headers", "X-Exposed"], ["X-Exposed", "2"]]}}}}]}}"#
    );
    Scenario::from_json(&json).expect("a valid scenario")
}

fn verdict_of(scenario: &Scenario) -> Verdict {
    cors_rules::evaluate(scenario).expect("the engine evaluates it")
}

fn entry(seq: u64, method: &str, headers: &[(&str, &str)], cookies: bool) -> LogEntry {
    let headers: Vec<(String, String)> = headers
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    let find = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let preflight = method == "OPTIONS" && find("access-control-request-method").is_some();
    LogEntry {
        seq,
        method: method.to_owned(),
        url: URL.to_owned(),
        origin: find("origin"),
        access_control_request_method: find("access-control-request-method"),
        access_control_request_headers: find("access-control-request-headers"),
        cookies,
        headers,
        preflight,
        answer: if preflight {
            LoggedAnswer::Preflight
        } else {
            LoggedAnswer::Response
        },
    }
}

/// What Chromium sends for `put_scenario`, as the lab logs it (browser-managed headers included).
fn put_log(cookies_on_put: bool) -> Vec<LogEntry> {
    vec![
        entry(
            1,
            "OPTIONS",
            &[
                ("Host", "127.0.0.1:8081"),
                ("Accept", "*/*"),
                ("Access-Control-Request-Method", "PUT"),
                ("Access-Control-Request-Headers", "content-type,x-trace"),
                ("Origin", PAGE),
                ("User-Agent", "HeadlessChrome"),
            ],
            false,
        ),
        entry(
            2,
            "PUT",
            &[
                ("Host", "127.0.0.1:8081"),
                ("Content-Type", "application/json"),
                ("X-Trace", "7"),
                ("Origin", PAGE),
                ("Accept", "*/*"),
                ("Cookie", "(redacted)"),
            ],
            cookies_on_put,
        ),
    ]
}

fn allowed_response(names: &[&str]) -> Observed {
    Observed::Response(SeenResponse {
        response_type: Some(ResponseType::Cors),
        status: 201,
        headers: names.iter().map(|n| (*n).to_owned()).collect(),
    })
}

fn marks(rows: &[Row]) -> Vec<(Field, Mark)> {
    rows.iter().map(|row| (row.field, row.mark)).collect()
}

fn mark_of(rows: &[Row], field: Field) -> Mark {
    rows.iter()
        .find(|row| row.field == field)
        .map_or(Mark::NotObservable, |row| row.mark)
}

#[test]
fn a_run_that_matches_the_prediction_agrees_on_every_field() {
    let scenario = put_scenario();
    let observed = allowed_response(&["content-length", "content-type", "x-exposed"]);
    let log = put_log(true);
    let hosts = ["127.0.0.1".to_owned()];
    let evidence = Evidence {
        observed: &observed,
        lab_log: Some(&log),
        cookie_hosts: &hosts,
    };
    let rows = compare(&scenario, &verdict_of(&scenario), &evidence);
    let expected: Vec<(Field, Mark)> = Field::ALL.iter().map(|f| (*f, Mark::Agree)).collect();
    assert_eq!(marks(&rows), expected, "{rows:#?}");
    assert!(all_agree(&rows));
}

#[test]
fn a_rejected_fetch_where_allowed_was_predicted_disagrees_on_what_the_script_sees() {
    let scenario = put_scenario();
    let observed = Observed::NetworkError {
        message: Some("TypeError: Failed to fetch".to_owned()),
    };
    let log = put_log(true);
    let hosts = ["127.0.0.1".to_owned()];
    let evidence = Evidence {
        observed: &observed,
        lab_log: Some(&log),
        cookie_hosts: &hosts,
    };
    let rows = compare(&scenario, &verdict_of(&scenario), &evidence);
    for field in [
        Field::Outcome,
        Field::ResponseType,
        Field::Status,
        Field::ReadableHeaders,
    ] {
        assert_eq!(mark_of(&rows, field), Mark::Disagree, "{field:?}");
    }
    assert_eq!(mark_of(&rows, Field::WireRequests), Mark::Agree);
    assert!(!all_agree(&rows));
}

#[test]
fn a_missing_preflight_in_the_lab_log_disagrees_on_preflight_and_requests() {
    let scenario = put_scenario();
    let observed = allowed_response(&["x-exposed"]);
    let log: Vec<LogEntry> = put_log(true).into_iter().skip(1).collect();
    let evidence = Evidence {
        observed: &observed,
        lab_log: Some(&log),
        cookie_hosts: &[],
    };
    let rows = compare(&scenario, &verdict_of(&scenario), &evidence);
    assert_eq!(mark_of(&rows, Field::PreflightSent), Mark::Disagree);
    assert_eq!(mark_of(&rows, Field::WireRequests), Mark::Disagree);
    assert_eq!(mark_of(&rows, Field::Outcome), Mark::Agree);
}

#[test]
fn headers_the_lab_adds_on_its_own_are_not_compared() {
    let scenario = put_scenario();
    let observed = allowed_response(&["content-type", "x-exposed", "content-length"]);
    let evidence = Evidence {
        observed: &observed,
        lab_log: None,
        cookie_hosts: &[],
    };
    let rows = compare(&scenario, &verdict_of(&scenario), &evidence);
    let readable = rows
        .iter()
        .find(|row| row.field == Field::ReadableHeaders)
        .map(|row| row.observed.clone());
    assert_eq!(
        readable,
        Some(Shown::Names(Some(vec!["x-exposed".to_owned()])))
    );
}

#[test]
fn a_hidden_header_the_script_could_read_is_a_disagreement() {
    let scenario = put_scenario();
    let observed = allowed_response(&["x-exposed", "x-hidden"]);
    let evidence = Evidence {
        observed: &observed,
        lab_log: None,
        cookie_hosts: &[],
    };
    let rows = compare(&scenario, &verdict_of(&scenario), &evidence);
    assert_eq!(mark_of(&rows, Field::ReadableHeaders), Mark::Disagree);
}

#[test]
fn without_the_lab_the_server_side_fields_are_not_observable() {
    let scenario = put_scenario();
    let observed = allowed_response(&["x-exposed"]);
    let evidence = Evidence {
        observed: &observed,
        lab_log: None,
        cookie_hosts: &[],
    };
    let rows = compare(&scenario, &verdict_of(&scenario), &evidence);
    assert_eq!(mark_of(&rows, Field::PreflightSent), Mark::NotObservable);
    assert_eq!(mark_of(&rows, Field::WireRequests), Mark::NotObservable);
    assert!(all_agree(&rows));
}

#[test]
fn xhr_has_no_response_type_to_compare() {
    let mut scenario = put_scenario();
    scenario.request.api = Api::Xhr;
    let observed = Observed::Response(SeenResponse {
        response_type: None,
        status: 201,
        headers: vec!["x-exposed".to_owned()],
    });
    let evidence = Evidence {
        observed: &observed,
        lab_log: None,
        cookie_hosts: &[],
    };
    let rows = compare(&scenario, &verdict_of(&scenario), &evidence);
    let response_type = rows.iter().find(|row| row.field == Field::ResponseType);
    assert_eq!(
        response_type.map(|row| &row.observed),
        Some(&Shown::Unseen(Unseen::XhrHasNoResponseType))
    );
    assert_eq!(mark_of(&rows, Field::Outcome), Mark::Agree);
}

#[test]
fn cookies_count_only_on_hosts_that_hold_the_test_cookie() {
    let scenario = put_scenario();
    let observed = allowed_response(&["x-exposed"]);
    let log = put_log(false);
    let with_cookie = ["127.0.0.1".to_owned()];
    let verdict = verdict_of(&scenario);
    let visible = Evidence {
        observed: &observed,
        lab_log: Some(&log),
        cookie_hosts: &with_cookie,
    };
    assert_eq!(
        mark_of(&compare(&scenario, &verdict, &visible), Field::WireRequests),
        Mark::Disagree
    );
    let invisible = Evidence {
        cookie_hosts: &[],
        ..visible
    };
    assert_eq!(
        mark_of(
            &compare(&scenario, &verdict, &invisible),
            Field::WireRequests
        ),
        Mark::Agree
    );
}

#[test]
fn a_run_without_an_answer_disagrees_on_the_outcome_and_observes_nothing_else_of_the_script() {
    let scenario = put_scenario();
    let observed = Observed::NoAnswer { after_secs: 30 };
    let evidence = Evidence {
        observed: &observed,
        lab_log: None,
        cookie_hosts: &[],
    };
    let rows = compare(&scenario, &verdict_of(&scenario), &evidence);
    assert_eq!(mark_of(&rows, Field::Outcome), Mark::Disagree);
    for field in [Field::ResponseType, Field::Status, Field::ReadableHeaders] {
        assert_eq!(mark_of(&rows, field), Mark::NotObservable, "{field:?}");
    }
    assert!(!all_agree(&rows));
}

#[test]
fn a_blocked_prediction_agrees_with_a_rejection_and_compares_no_status() {
    let mut scenario = put_scenario();
    if let Some(cors_rules::scenario::Answer::Http(preflight)) = &mut scenario.server[0].preflight {
        preflight
            .headers
            .retain(|(name, _)| name != "Access-Control-Allow-Credentials");
    }
    let verdict = verdict_of(&scenario);
    assert_eq!(verdict.outcome, Outcome::Blocked);
    let observed = Observed::NetworkError {
        message: Some("TypeError: Failed to fetch".to_owned()),
    };
    let log: Vec<LogEntry> = put_log(false).into_iter().take(1).collect();
    let evidence = Evidence {
        observed: &observed,
        lab_log: Some(&log),
        cookie_hosts: &[],
    };
    let rows = compare(&scenario, &verdict, &evidence);
    assert!(all_agree(&rows), "{rows:#?}");
    let status = rows.iter().find(|row| row.field == Field::Status);
    assert_eq!(status.map(|row| &row.observed), Some(&Shown::Status(None)));
}

#[test]
fn a_request_the_network_stack_repeats_after_a_reset_counts_once() {
    let json = format!(
        r#"{{"page": "{PAGE}", "request": {{"url": "{URL}"}},
            "server": [{{"url": "{URL}", "response": {{"error": "connection-refused"}}}}]}}"#
    );
    let scenario = Scenario::from_json(&json).expect("a valid scenario");
    let mut reset = entry(1, "GET", &[("Origin", PAGE)], false);
    reset.answer = LoggedAnswer::ConnectionReset;
    let mut retry = reset.clone();
    retry.seq = 2;
    let observed = Observed::NetworkError {
        message: Some("TypeError: Failed to fetch".to_owned()),
    };
    let log = vec![reset.clone(), retry];
    let evidence = Evidence {
        observed: &observed,
        lab_log: Some(&log),
        cookie_hosts: &[],
    };
    let rows = compare(&scenario, &verdict_of(&scenario), &evidence);
    assert_eq!(
        mark_of(&rows, Field::WireRequests),
        Mark::Agree,
        "{rows:#?}"
    );

    let mut answered = reset;
    answered.answer = LoggedAnswer::Response;
    let twice = vec![answered.clone(), answered];
    let evidence = Evidence {
        lab_log: Some(&twice),
        ..evidence
    };
    let rows = compare(&scenario, &verdict_of(&scenario), &evidence);
    assert_eq!(mark_of(&rows, Field::WireRequests), Mark::Disagree);
}

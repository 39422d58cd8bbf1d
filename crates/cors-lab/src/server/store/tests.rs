use cors_rules::Scenario;

use super::*;

fn limits(max_scenarios: usize, max_log_per_scenario: usize, max_log_total: usize) -> Limits {
    Limits {
        max_scenarios,
        max_log_per_scenario,
        max_log_total,
        ..Limits::default()
    }
}

fn registered(id: &str) -> Registered {
    let text = format!(
        r#"{{"page": "http://127.0.0.1:8080", "request": {{"url": "http://127.0.0.1:8081/s/{id}/x"}},
            "server": [{{"url": "http://127.0.0.1:8081/s/{id}/x",
                         "preflight": {{"status": 204, "headers": [["A", "1"]]}},
                         "response": {{"error": "timeout"}}}}]}}"#
    );
    let scenario = Scenario::from_json(&text).expect("parses");
    Registered {
        id: id.into(),
        page_origin: "http://127.0.0.1:8080".into(),
        scenario,
        urls: vec![],
        notes: vec![],
    }
}

fn entry(preflight: bool) -> LogEntry {
    LogEntry {
        seq: 0,
        method: if preflight { "OPTIONS" } else { "GET" }.into(),
        url: String::new(),
        origin: None,
        access_control_request_method: None,
        access_control_request_headers: None,
        cookies: false,
        headers: vec![],
        preflight,
        answer: LoggedAnswer::NoEntry,
    }
}

const URL: fn(&str) -> String = |id| format!("http://127.0.0.1:8081/s/{id}/x");

#[test]
fn registering_beyond_the_limit_evicts_the_oldest() {
    let store = Store::new(limits(2, 10, 100));
    for id in ["a", "b", "c"] {
        store.register(registered(id));
    }
    assert!(store.get("a").is_none());
    assert!(store.get("b").is_some() && store.get("c").is_some());
}

#[test]
fn a_preflight_gets_the_preflight_answer_and_the_request_the_response() {
    let store = Store::new(Limits::default());
    store.register(registered("a"));
    assert!(matches!(
        store.answer("a", &URL("a"), entry(true)),
        Lookup::Answer(Prepared::Http(_))
    ));
    assert!(matches!(
        store.answer("a", &URL("a"), entry(false)),
        Lookup::Answer(Prepared::Hold)
    ));
    let answers: Vec<LoggedAnswer> = store
        .log("a")
        .unwrap_or_default()
        .iter()
        .map(|e| e.answer)
        .collect();
    assert_eq!(answers, [LoggedAnswer::Preflight, LoggedAnswer::Timeout]);
}

#[test]
fn a_scenario_log_keeps_the_newest_entries_numbered_in_order() {
    let store = Store::new(limits(10, 3, 100));
    store.register(registered("a"));
    for _ in 0..5 {
        store.answer("a", &URL("a"), entry(false));
    }
    let seqs: Vec<u64> = store
        .log("a")
        .unwrap_or_default()
        .iter()
        .map(|e| e.seq)
        .collect();
    assert_eq!(seqs, [3, 4, 5]);
}

#[test]
fn too_many_log_entries_overall_evict_the_oldest_scenario() {
    let store = Store::new(limits(10, 5, 6));
    store.register(registered("a"));
    store.register(registered("b"));
    for _ in 0..4 {
        store.answer("a", &URL("a"), entry(false));
        store.answer("b", &URL("b"), entry(false));
    }
    assert!(store.log("a").is_none());
    assert_eq!(store.log("b").map(|log| log.len()), Some(4));
}

#[test]
fn an_unknown_url_of_a_known_scenario_is_logged_as_no_entry() {
    let store = Store::new(Limits::default());
    store.register(registered("a"));
    assert!(matches!(
        store.answer("a", "http://127.0.0.1:8081/s/a/other", entry(false)),
        Lookup::NoEntry
    ));
    assert_eq!(
        store.log("a").unwrap_or_default()[0].answer,
        LoggedAnswer::NoEntry
    );
}

#[test]
fn an_unknown_scenario_is_not_logged() {
    let store = Store::new(Limits::default());
    assert!(matches!(
        store.answer("zz", &URL("zz"), entry(false)),
        Lookup::UnknownScenario
    ));
    assert!(store.log("zz").is_none());
}

#[test]
fn removing_a_scenario_frees_its_log() {
    let store = Store::new(limits(10, 5, 5));
    store.register(registered("a"));
    store.answer("a", &URL("a"), entry(false));
    assert!(store.remove("a"));
    assert!(!store.remove("a"));
}

#[test]
fn ids_are_twelve_hex_digits_and_differ() {
    let store = Store::new(Limits::default());
    let (a, b) = (store.new_id(), store.new_id());
    assert_ne!(a, b);
    assert!(a.len() == 12 && a.bytes().all(|c| c.is_ascii_hexdigit()));
}

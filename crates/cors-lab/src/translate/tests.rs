use cors_rules::scenario::HttpAnswer;

use super::*;

fn lab() -> LabOrigins {
    LabOrigins {
        app: vec![
            "http://127.0.0.1:8080".into(),
            "http://localhost:8080".into(),
        ],
        scenario: vec![
            "http://127.0.0.1:8081".into(),
            "http://127.0.0.1:8082".into(),
            "http://localhost:8081".into(),
            "http://localhost:8082".into(),
        ],
    }
}

fn scenario(text: &str) -> Scenario {
    Scenario::from_json(text).expect("test scenario parses")
}

fn run(text: &str) -> Translated {
    translate(&scenario(text), "http://127.0.0.1:8080", &lab(), "t1").expect("translates")
}

fn response_headers(translated: &Translated, entry: usize) -> Vec<(String, String)> {
    match &translated.scenario.server[entry].response {
        Answer::Http(HttpAnswer { headers, .. }) => headers.clone(),
        Answer::Error(_) => Vec::new(),
    }
}

const CROSS_ORIGIN: &str = r#"{"page": "https://app.example.com/page.html",
    "request": {"url": "https://api.example.com/v1/items?x=1"},
    "server": [{"url": "https://api.example.com/v1/items?x=1",
                "response": {"status": 200, "headers": [
                    ["access-control-allow-ORIGIN", "https://app.example.com/"],
                    ["Access-Control-Allow-Origin", "https://app.example.com"],
                    ["X-Other", "1"]]}}]}"#;

#[test]
fn the_page_becomes_the_real_page_origin() {
    assert_eq!(
        run(CROSS_ORIGIN).scenario.page.as_deref(),
        Some("http://127.0.0.1:8080")
    );
}

#[test]
fn a_cross_origin_url_moves_to_a_lab_origin_under_the_prefix() {
    let translated = run(CROSS_ORIGIN);
    assert_eq!(
        translated.scenario.request.url,
        "http://127.0.0.1:8081/s/t1/v1/items?x=1"
    );
    assert_eq!(
        translated.scenario.server[0].url,
        "http://127.0.0.1:8081/s/t1/v1/items?x=1"
    );
}

#[test]
fn allow_origin_values_keep_their_name_casing_order_and_trailing_slash() {
    let headers = response_headers(&run(CROSS_ORIGIN), 0);
    let expected = [
        ("access-control-allow-ORIGIN", "http://127.0.0.1:8080/"),
        ("Access-Control-Allow-Origin", "http://127.0.0.1:8080"),
        ("X-Other", "1"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(n, v)| ((*n).into(), (*v).into()))
        .collect();
    assert_eq!(headers, expected);
}

#[test]
fn the_url_pairs_list_each_scenario_url_once() {
    let translated = run(CROSS_ORIGIN);
    assert_eq!(
        translated.urls,
        [(
            "https://api.example.com/v1/items?x=1".to_owned(),
            "http://127.0.0.1:8081/s/t1/v1/items?x=1".to_owned()
        )]
    );
}

#[test]
fn a_same_origin_url_stays_on_the_page_origin() {
    let translated = run(
        r#"{"page": "https://app.example.com", "request": {"url": "https://app.example.com/data"},
        "server": [{"url": "https://app.example.com/data"}]}"#,
    );
    assert_eq!(
        translated.scenario.request.url,
        "http://127.0.0.1:8080/s/t1/data"
    );
}

#[test]
fn a_same_origin_url_fails_when_the_page_is_not_on_a_lab_origin() {
    let same = scenario(
        r#"{"page": "https://a.test", "request": {"url": "https://a.test/x"}, "server": []}"#,
    );
    let err = translate(&same, "https://someone.github.io", &lab(), "t1").unwrap_err();
    assert_eq!(
        err,
        LabError::PageOriginNotServed {
            field: "request.url".into()
        }
    );
}

#[test]
fn a_cross_origin_scenario_runs_from_a_page_elsewhere() {
    let translated = translate(
        &scenario(CROSS_ORIGIN),
        "https://someone.github.io",
        &lab(),
        "t1",
    )
    .expect("ok");
    assert_eq!(
        response_headers(&translated, 0)[1].1,
        "https://someone.github.io"
    );
}

#[test]
fn distinct_origins_get_distinct_lab_origins_and_redirects_follow_them() {
    let translated = run(
        r#"{"page": "https://app.example.com", "request": {"url": "https://api.example.com/a"},
        "server": [{"url": "https://api.example.com/a", "response": {"status": 307, "headers": [["Location", "https://cdn.other.net/b"]]}},
                   {"url": "https://cdn.other.net/b", "response": {"status": 301, "headers": [["location", "/c"]]}},
                   {"url": "https://cdn.other.net/c"}]}"#,
    );
    let lab_urls: Vec<&str> = translated
        .scenario
        .server
        .iter()
        .map(|e| e.url.as_str())
        .collect();
    assert_eq!(
        lab_urls,
        [
            "http://127.0.0.1:8081/s/t1/a",
            "http://localhost:8081/s/t1/b",
            "http://localhost:8081/s/t1/c"
        ]
    );
    assert_eq!(
        response_headers(&translated, 0)[0].1,
        "http://localhost:8081/s/t1/b"
    );
    assert_eq!(response_headers(&translated, 1)[0].1, "/s/t1/c");
}

#[test]
fn a_path_relative_location_with_dot_segments_becomes_absolute() {
    let translated = run(
        r#"{"page": "https://p.test", "request": {"url": "https://q.test/dir/a"},
        "server": [{"url": "https://q.test/dir/a", "response": {"status": 302, "headers": [["Location", "../dir/b"]]}}]}"#,
    );
    assert_eq!(
        response_headers(&translated, 0)[0].1,
        "http://localhost:8081/s/t1/dir/b"
    );
}

#[test]
fn a_location_that_does_not_resolve_is_sent_as_written() {
    let translated = run(
        r#"{"page": "https://p.test", "request": {"url": "https://q.test/a"},
        "server": [{"url": "https://q.test/a", "response": {"status": 302, "headers": [["Location", "http://[bad"]]}}]}"#,
    );
    assert_eq!(response_headers(&translated, 0)[0].1, "http://[bad");
}

#[test]
fn same_site_origins_stay_same_site_and_cross_site_ones_cross_site() {
    let translated = run(
        r#"{"page": "https://app.example.com", "request": {"url": "https://api.example.com/"},
        "server": [{"url": "https://api.example.com/", "response": {"status": 200, "headers": [
            ["Access-Control-Allow-Origin", "https://evil.test"]]}}]}"#,
    );
    assert!(translated
        .scenario
        .request
        .url
        .starts_with("http://127.0.0.1:"));
    assert!(response_headers(&translated, 0)[0]
        .1
        .starts_with("http://localhost:"));
}

#[test]
fn an_origin_named_only_in_allow_origin_still_differs_from_the_page() {
    let translated = run(
        r#"{"page": "https://a.test", "request": {"url": "https://b.test/"},
        "server": [{"url": "https://b.test/", "response": {"status": 200, "headers": [
            ["Access-Control-Allow-Origin", "https://c.test"]]}}]}"#,
    );
    let value = &response_headers(&translated, 0)[0].1;
    assert_ne!(value, "http://127.0.0.1:8080");
    assert_ne!(
        value,
        &translated.scenario.request.url[..value.len().min(translated.scenario.request.url.len())]
    );
}

#[test]
fn non_canonical_spellings_and_null_and_wildcards_are_kept() {
    let translated = run(
        r#"{"page": "https://a.test", "request": {"url": "https://b.test/"},
        "server": [{"url": "https://b.test/", "response": {"status": 200, "headers": [
            ["Access-Control-Allow-Origin", "HTTPS://A.TEST"], ["Access-Control-Allow-Origin", "https://a.test:443"],
            ["Access-Control-Allow-Origin", "null"], ["Access-Control-Allow-Origin", "*, *"]]}}]}"#,
    );
    let values: Vec<String> = response_headers(&translated, 0)
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    assert_eq!(
        values,
        ["HTTPS://A.TEST", "https://a.test:443", "null", "*, *"]
    );
}

#[test]
fn an_origin_is_not_replaced_inside_a_longer_host() {
    let translated = run(
        r#"{"page": "https://a.test", "request": {"url": "https://b.test/"},
        "server": [{"url": "https://b.test/", "response": {"status": 200, "headers": [
            ["X-Note", "https://a.test.evil.net https://a.test"]]}}]}"#,
    );
    assert_eq!(
        response_headers(&translated, 0)[0].1,
        "https://a.test.evil.net http://127.0.0.1:8080"
    );
}

#[test]
fn an_opaque_page_keeps_null_and_is_noted_when_the_real_page_is_not() {
    let translated = run(r#"{"page": null, "request": {"url": "https://b.test/"},
        "server": [{"url": "https://b.test/", "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "null"]]}}]}"#);
    assert_eq!(response_headers(&translated, 0)[0].1, "null");
    assert!(translated
        .notes
        .iter()
        .any(|n| n.id == NoteId::OpaquePageMismatch));
}

#[test]
fn a_null_real_page_makes_the_translated_page_null() {
    let opaque = scenario(r#"{"page": null, "request": {"url": "https://b.test/"}, "server": []}"#);
    let translated = translate(&opaque, "null", &lab(), "t1").expect("ok");
    assert_eq!(translated.scenario.page, None);
    assert!(translated
        .notes
        .iter()
        .all(|n| n.id != NoteId::OpaquePageMismatch));
}

#[test]
fn more_origins_than_the_lab_has_is_an_error() {
    let urls: Vec<String> = (0..6)
        .map(|n| format!(r#"{{"url": "https://h{n}.test/"}}"#))
        .collect();
    let text = format!(
        r#"{{"page": "https://p.test", "request": {{"url": "https://h0.test/"}}, "server": [{}]}}"#,
        urls.join(",")
    );
    let err = translate(&scenario(&text), "http://127.0.0.1:8080", &lab(), "t1").unwrap_err();
    assert_eq!(
        err,
        LabError::TooManyOrigins {
            needed: 6,
            available: 5
        }
    );
}

#[test]
fn a_header_value_with_a_line_break_cannot_be_sent() {
    let text = r#"{"page": "https://p.test", "request": {"url": "https://q.test/"},
        "server": [{"url": "https://q.test/", "preflight": {"status": 204, "headers": [["X-A", "1\r\nSet-Cookie: x=1"]]}}]}"#;
    let err = translate(&scenario(text), "http://127.0.0.1:8080", &lab(), "t1").unwrap_err();
    assert_eq!(
        err,
        LabError::HeaderValueUnsendable {
            field: "server[0].preflight.headers[0][1]".into()
        }
    );
}

#[test]
fn a_header_name_with_a_space_cannot_be_sent() {
    let text = r#"{"page": "https://p.test", "request": {"url": "https://q.test/"},
        "server": [{"url": "https://q.test/", "response": {"status": 200, "headers": [["X A", "1"]]}}]}"#;
    let err = translate(&scenario(text), "http://127.0.0.1:8080", &lab(), "t1").unwrap_err();
    assert_eq!(err.field(), "server[0].response.headers[0][0]");
}

#[test]
fn an_informational_status_cannot_be_a_final_answer() {
    let text = r#"{"page": "https://p.test", "request": {"url": "https://q.test/"},
        "server": [{"url": "https://q.test/", "response": {"status": 101}}]}"#;
    let err = translate(&scenario(text), "http://127.0.0.1:8080", &lab(), "t1").unwrap_err();
    assert_eq!(
        err,
        LabError::StatusUnsendable {
            field: "server[0].response.status".into()
        }
    );
}

#[test]
fn an_unparsable_server_url_is_named() {
    let text = r#"{"page": "https://p.test", "request": {"url": "https://q.test/"}, "server": [{"url": "not a url"}]}"#;
    let err = translate(&scenario(text), "http://127.0.0.1:8080", &lab(), "t1").unwrap_err();
    assert_eq!(
        err,
        LabError::UrlInvalid {
            field: "server[0].url".into()
        }
    );
}

#[test]
fn a_page_origin_that_is_not_http_is_refused() {
    let err = translate(&scenario(CROSS_ORIGIN), "file:///tmp/x.html", &lab(), "t1").unwrap_err();
    assert_eq!(err, LabError::PageOriginInvalid);
}

#[test]
fn dns_and_tls_failures_are_noted_as_emulated() {
    let translated = run(
        r#"{"page": "https://p.test", "request": {"url": "https://q.test/"},
        "server": [{"url": "https://q.test/", "response": {"error": "dns"}}]}"#,
    );
    assert!(translated
        .notes
        .iter()
        .any(|n| n.id == NoteId::NetworkErrorEmulated));
}

#[test]
fn request_header_values_naming_an_origin_are_rewritten_too() {
    let translated = run(
        r#"{"page": "https://p.test", "request": {"url": "https://q.test/",
        "headers": [["X-From", "https://p.test"]]}, "server": [{"url": "https://q.test/"}]}"#,
    );
    assert_eq!(
        translated.scenario.request.headers[0].1,
        "http://127.0.0.1:8080"
    );
}

#[test]
fn odd_location_values_keep_their_form_with_only_the_origin_replaced() {
    let cases = [
        ("", ""),
        ("/x%41", "/s/t1/x%41"),
        ("/é", "/s/t1/é"),
        ("b?q", "b?q"),
        ("\\n\\m", "/s/t1\\n\\m"),
        ("/\\q.test/n", "/\\localhost:8081/s/t1/n"),
        ("blob:https://q.test/1", "blob:http://localhost:8081/1"),
        (
            "https://user:pw@q.test/n",
            "http://user:pw@localhost:8081/s/t1/n",
        ),
        ("//q.test/n\\m", "//localhost:8081/s/t1/n\\m"),
        ("HTTPS://q.test", "http://localhost:8081/s/t1/"),
        ("https://q.test\\n", "http://localhost:8081/s/t1\\n"),
    ];
    for (location, expected) in cases {
        let json = format!(
            r#"{{"page": "https://p.test", "request": {{"url": "https://q.test/a"}},
            "server": [{{"url": "https://q.test/a", "response": {{"status": 302, "headers": [["Location", {location:?}]]}}}}]}}"#
        );
        let translated = run(&json);
        assert_eq!(
            response_headers(&translated, 0)[0].1,
            expected,
            "{location:?}"
        );
    }
}

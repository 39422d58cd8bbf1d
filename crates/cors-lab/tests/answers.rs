//! Scenario URLs are answered exactly as the scenario says: status, header lines, order, casing, duplicates.

mod support;

use std::time::{Duration, Instant};

use support::{lab_url, raw, start, Setup};

const SCENARIO: &str = r#"{"page": "https://app.example.com",
  "request": {"url": "https://api.example.com/v1/items", "method": "PUT"},
  "server": [{"url": "https://api.example.com/v1/items",
    "preflight": {"status": 204, "headers": [
      ["Access-Control-Allow-Origin", "https://app.example.com"],
      ["access-control-allow-METHODS", "PUT"],
      ["Access-Control-Allow-Origin", "https://app.example.com/"]]},
    "response": {"status": 307, "headers": [
      ["Location", "https://other.example.org/next?q=1"],
      ["X-Dup", "1"], ["Vary", "Origin"], ["x-dup", "2"]]}},
    {"url": "https://other.example.org/next?q=1", "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "*"]]}},
    {"url": "https://api.example.com/refused", "response": {"error": "connection-refused"}},
    {"url": "https://api.example.com/slow", "response": {"error": "timeout"}}]}"#;

#[tokio::test(flavor = "multi_thread")]
async fn a_preflight_is_answered_byte_for_byte() {
    let lab = start(Setup::default()).await;
    let registered = lab.register(SCENARIO).await;
    let url = lab_url(&registered, "https://api.example.com/v1/items");
    let page = &lab.origins.app[0];
    let reply = lab
        .send(
            "OPTIONS",
            &url,
            &[("Origin", page), ("Access-Control-Request-Method", "PUT")],
            "",
        )
        .await;
    let expected = format!(
        "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: {page}\r\naccess-control-allow-METHODS: PUT\r\n\
         Access-Control-Allow-Origin: {page}/\r\n\r\n"
    );
    assert_eq!(reply.raw(), expected);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_actual_request_gets_duplicates_in_their_order_and_a_fixed_body() {
    let lab = start(Setup::default()).await;
    let registered = lab.register(SCENARIO).await;
    let id = registered["id"].as_str().expect("id");
    let url = lab_url(&registered, "https://api.example.com/v1/items");
    let next = lab_url(&registered, "https://other.example.org/next?q=1");
    let reply = lab
        .send(
            "PUT",
            &url,
            &[("Origin", &lab.origins.app[0])],
            "{\"a\": 1}",
        )
        .await;
    let body = format!("cors-lab response {id} 0\n");
    let expected = format!(
        "HTTP/1.1 307 Temporary Redirect\r\nLocation: {next}\r\nX-Dup: 1\r\nVary: Origin\r\nx-dup: 2\r\n\
         Content-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    assert_eq!(reply.raw(), expected);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_options_request_without_request_method_gets_the_actual_answer() {
    let lab = start(Setup::default()).await;
    let url = lab_url(
        &lab.register(SCENARIO).await,
        "https://api.example.com/v1/items",
    );
    assert_eq!(lab.send("OPTIONS", &url, &[], "").await.status(), 307);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_preflight_to_an_entry_without_one_gets_the_actual_answer() {
    let lab = start(Setup::default()).await;
    let url = lab_url(
        &lab.register(SCENARIO).await,
        "https://other.example.org/next?q=1",
    );
    let reply = lab
        .send(
            "OPTIONS",
            &url,
            &[("Access-Control-Request-Method", "GET")],
            "",
        )
        .await;
    assert_eq!(
        (reply.status(), reply.header("Access-Control-Allow-Origin")),
        (200, Some("*"))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_redirect_leads_to_another_lab_origin_that_answers_it() {
    let lab = start(Setup::default()).await;
    let registered = lab.register(SCENARIO).await;
    let first = lab_url(&registered, "https://api.example.com/v1/items");
    let location = lab
        .send("GET", &first, &[], "")
        .await
        .header("Location")
        .expect("Location")
        .to_owned();
    assert_ne!(
        first.split("/s/").next(),
        location.split("/s/").next(),
        "cross-origin redirect"
    );
    let reply = lab.send("GET", &location, &[], "").await;
    assert_eq!(
        (reply.status(), reply.header("Access-Control-Allow-Origin")),
        (200, Some("*"))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_head_request_gets_the_head_only() {
    let lab = start(Setup::default()).await;
    let url = lab_url(
        &lab.register(SCENARIO).await,
        "https://other.example.org/next?q=1",
    );
    let reply = lab.send("HEAD", &url, &[], "").await;
    assert_eq!(reply.status(), 200);
    assert_eq!(reply.body, "");
}

#[tokio::test(flavor = "multi_thread")]
async fn pipelined_requests_on_one_connection_are_all_answered() {
    let lab = start(Setup::default()).await;
    let url = lab_url(
        &lab.register(SCENARIO).await,
        "https://other.example.org/next?q=1",
    );
    let (authority, path) = url
        .trim_start_matches("http://")
        .split_once('/')
        .expect("path");
    let one = format!("GET /{path} HTTP/1.1\r\nHost: {authority}\r\n\r\n");
    let last = format!("GET /{path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n");
    let bytes = raw(lab.addr_of(&url), format!("{one}{one}{last}").as_bytes())
        .await
        .expect("answers");
    assert_eq!(
        String::from_utf8_lossy(&bytes)
            .matches("HTTP/1.1 200 OK")
            .count(),
        3
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn connection_refused_closes_the_connection_without_an_answer() {
    let lab = start(Setup::default()).await;
    let url = lab_url(
        &lab.register(SCENARIO).await,
        "https://api.example.com/refused",
    );
    let (authority, path) = url
        .trim_start_matches("http://")
        .split_once('/')
        .expect("path");
    let request = format!("GET /{path} HTTP/1.1\r\nHost: {authority}\r\n\r\n");
    let received = raw(lab.addr_of(&url), request.as_bytes()).await;
    assert!(
        received.as_ref().map_or(true, Vec::is_empty),
        "{received:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_timeout_holds_the_connection_then_drops_it_without_an_answer() {
    let lab = start(Setup {
        hold: Duration::from_millis(400),
        ..Setup::default()
    })
    .await;
    let url = lab_url(
        &lab.register(SCENARIO).await,
        "https://api.example.com/slow",
    );
    let (authority, path) = url
        .trim_start_matches("http://")
        .split_once('/')
        .expect("path");
    let request = format!("GET /{path} HTTP/1.1\r\nHost: {authority}\r\n\r\n");
    let started = Instant::now();
    let received = raw(lab.addr_of(&url), request.as_bytes()).await;
    assert!(
        started.elapsed() >= Duration::from_millis(350),
        "held for {:?}",
        started.elapsed()
    );
    assert!(
        received.as_ref().map_or(true, Vec::is_empty),
        "{received:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_url_same_origin_with_the_page_is_answered_on_the_app_origin() {
    let lab = start(Setup::default()).await;
    let registered = lab
        .register(
            r#"{"page": "https://app.example.com", "request": {"url": "https://app.example.com/data"},
                "server": [{"url": "https://app.example.com/data", "response": {"status": 418, "headers": [["X-A", "1"]]}}]}"#,
        )
        .await;
    let url = lab_url(&registered, "https://app.example.com/data");
    assert!(
        url.starts_with(&format!("{}/s/", lab.origins.app[0])),
        "{url}"
    );
    assert_eq!(lab.send("GET", &url, &[], "").await.status(), 418);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unknown_scenario_or_url_gets_a_fixed_404() {
    let lab = start(Setup::default()).await;
    let registered = lab.register(SCENARIO).await;
    let url = lab_url(&registered, "https://api.example.com/v1/items");
    let unknown_path = url.replace("/v1/items", "/v1/other");
    assert_eq!(lab.send("GET", &unknown_path, &[], "").await.status(), 404);
    let unknown_id = format!("{}/s/000000000000/v1/items", lab.origins.scenario[0]);
    assert_eq!(lab.send("GET", &unknown_id, &[], "").await.status(), 404);
}

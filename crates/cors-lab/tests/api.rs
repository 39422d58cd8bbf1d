//! The API: registration, errors naming the field, the log, health, the cookie helper, limits, dist serving.

mod support;

use cors_lab::Limits;
use support::{lab_url, start, Setup};

const SCENARIO: &str = r#"{"page": "https://app.example.com",
  "request": {"url": "https://api.example.com/x"},
  "server": [{"url": "https://api.example.com/x",
    "preflight": {"status": 204, "headers": [["Access-Control-Allow-Origin", "https://app.example.com"]]}}]}"#;

#[tokio::test(flavor = "multi_thread")]
async fn registration_returns_the_id_the_translated_scenario_and_url_pairs() {
    let lab = start(Setup::default()).await;
    let reply = lab
        .send("POST", &lab.api("/api/scenarios"), &[], SCENARIO)
        .await;
    assert_eq!(reply.status(), 201);
    let body = reply.json();
    let id = body["id"].as_str().expect("id");
    assert_eq!(
        reply.header("location"),
        Some(format!("/api/scenarios/{id}").as_str())
    );
    assert_eq!(body["page_origin"], lab.origins.app[0].as_str());
    let url = lab_url(&body, "https://api.example.com/x");
    assert_eq!(url, format!("{}/s/{id}/x", lab.origins.scenario[0]));
    assert_eq!(body["scenario"]["request"]["url"], url.as_str());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrapped_registration_uses_its_page_origin() {
    let lab = start(Setup::default()).await;
    let page = lab.origins.app[1].clone();
    let body = format!(r#"{{"scenario": {SCENARIO}, "page_origin": "{page}"}}"#);
    let registered = lab.register(&body).await;
    assert_eq!(registered["page_origin"], page.as_str());
    let preflight_acao = &registered["scenario"]["server"][0]["preflight"]["headers"][0][1];
    assert_eq!(preflight_acao, page.as_str());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_origin_header_is_the_default_page_origin() {
    let lab = start(Setup::default()).await;
    let page = lab.origins.scenario[3].clone();
    let reply = lab
        .send(
            "POST",
            &lab.api("/api/scenarios"),
            &[("Origin", &page)],
            SCENARIO,
        )
        .await;
    assert_eq!(reply.json()["page_origin"], page.as_str());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_malformed_registration_gets_400_naming_the_field() {
    let lab = start(Setup::default()).await;
    let body = r#"{"scenario": {"page": "https://a.test", "request": {"url": "https://b.test/"},
        "server": [{"url": "https://b.test/", "response": {"status": "two hundred"}}]}}"#;
    let reply = lab
        .send("POST", &lab.api("/api/scenarios"), &[], body)
        .await;
    assert_eq!(reply.status(), 400);
    assert_eq!(reply.json()["field"], "scenario.server[0].response.status");
    assert!(reply.json()["error"]
        .as_str()
        .is_some_and(|e| !e.is_empty()));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unsendable_header_gets_400_naming_the_field() {
    let lab = start(Setup::default()).await;
    let body = r#"{"page": "https://a.test", "request": {"url": "https://b.test/"},
        "server": [{"url": "https://b.test/", "response": {"status": 200, "headers": [["Bad Name", "1"]]}}]}"#;
    let reply = lab
        .send("POST", &lab.api("/api/scenarios"), &[], body)
        .await;
    assert_eq!(
        (reply.status(), reply.json()["field"].as_str()),
        (400, Some("server[0].response.headers[0][0]"))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oversized_registration_gets_413() {
    let lab = start(Setup::default()).await;
    let body = format!(r#"{{"page": "{}"}}"#, "a".repeat(70 * 1024));
    let reply = lab
        .send("POST", &lab.api("/api/scenarios"), &[], &body)
        .await;
    assert_eq!(reply.status(), 413);
    assert!(reply.json()["error"].is_string());
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_ids_get_404() {
    let lab = start(Setup::default()).await;
    for path in ["/api/scenarios/nope", "/api/scenarios/nope/log"] {
        let reply = lab.send("GET", &lab.api(path), &[], "").await;
        assert_eq!(
            (reply.status(), reply.json()["field"].as_str()),
            (404, Some("id")),
            "{path}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_log_records_origin_request_headers_cookies_and_preflights() {
    let lab = start(Setup::default()).await;
    let registered = lab.register(SCENARIO).await;
    let id = registered["id"].as_str().expect("id");
    let url = lab_url(&registered, "https://api.example.com/x");
    let preflight = [
        ("Origin", "http://127.0.0.1:1"),
        ("Access-Control-Request-Method", "PUT"),
        ("Access-Control-Request-Headers", "content-type,x-id"),
    ];
    lab.send("OPTIONS", &url, &preflight, "").await;
    lab.send(
        "GET",
        &url,
        &[("Cookie", "cors_lab=1; secret=abc"), ("X-Second", "2")],
        "",
    )
    .await;
    let log = lab
        .send(
            "GET",
            &lab.api(&format!("/api/scenarios/{id}/log")),
            &[],
            "",
        )
        .await
        .json();
    assert_eq!(log[0]["seq"], 1);
    assert_eq!(log[0]["preflight"], true);
    assert_eq!(log[0]["origin"], "http://127.0.0.1:1");
    assert_eq!(log[0]["access_control_request_method"], "PUT");
    assert_eq!(
        log[0]["access_control_request_headers"],
        "content-type,x-id"
    );
    assert_eq!(
        (log[0]["cookies"].as_bool(), log[1]["cookies"].as_bool()),
        (Some(false), Some(true))
    );
    assert_eq!(
        (log[1]["preflight"].as_bool(), log[1]["origin"].is_null()),
        (Some(false), true)
    );
    let names: Vec<&str> = log[1]["headers"]
        .as_array()
        .expect("headers")
        .iter()
        .filter_map(|h| h[0].as_str())
        .collect();
    assert_eq!(names, ["Host", "Cookie", "X-Second", "Connection"]);
    assert!(
        !log.to_string().contains("secret=abc"),
        "cookie values are redacted"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn registering_beyond_the_limit_evicts_the_oldest_scenario() {
    let limits = Limits {
        max_scenarios: 2,
        ..Limits::default()
    };
    let lab = start(Setup {
        limits,
        ..Setup::default()
    })
    .await;
    let mut ids = Vec::new();
    for _ in 0..3 {
        ids.push(
            lab.register(SCENARIO).await["id"]
                .as_str()
                .expect("id")
                .to_owned(),
        );
    }
    let mut statuses = Vec::new();
    for id in &ids {
        statuses.push(
            lab.send("GET", &lab.api(&format!("/api/scenarios/{id}")), &[], "")
                .await
                .status(),
        );
    }
    assert_eq!(statuses, [404, 200, 200]);
}

#[tokio::test(flavor = "multi_thread")]
async fn health_lists_the_origins() {
    let lab = start(Setup::default()).await;
    let health = lab
        .send("GET", &lab.api("/api/health"), &[], "")
        .await
        .json();
    assert_eq!(health["ok"], true);
    assert_eq!(health["origins"]["app"][0], lab.origins.app[0].as_str());
    assert_eq!(
        health["origins"]["scenario"].as_array().map(Vec::len),
        Some(4)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_api_answers_cross_origin_preflights_of_its_own() {
    let lab = start(Setup::default()).await;
    let headers = [
        ("Origin", "https://someone.github.io"),
        ("Access-Control-Request-Method", "POST"),
        ("Access-Control-Request-Headers", "content-type"),
        ("Access-Control-Request-Private-Network", "true"),
    ];
    let reply = lab
        .send("OPTIONS", &lab.api("/api/scenarios"), &headers, "")
        .await;
    assert_eq!(reply.status(), 200);
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    assert_eq!(
        reply.header("access-control-allow-private-network"),
        Some("true")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_cookie_helper_sets_a_lax_cookie_on_any_lab_origin() {
    let lab = start(Setup::default()).await;
    let url = format!("{}/api/cookie", lab.origins.scenario[2]);
    let reply = lab
        .send("GET", &url, &[("Origin", &lab.origins.app[0])], "")
        .await;
    assert_eq!(reply.status(), 204);
    assert_eq!(
        reply.header("set-cookie"),
        Some("cors_lab=1; Path=/; SameSite=Lax")
    );
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some(lab.origins.app[0].as_str())
    );
    assert_eq!(
        reply.header("access-control-allow-credentials"),
        Some("true")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_origin_serves_dist_with_an_index_fallback() {
    let dist = std::env::temp_dir().join(format!("cors-lab-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).expect("temp dir");
    std::fs::write(dist.join("index.html"), "<!doctype html><title>app</title>").expect("index");
    std::fs::write(dist.join("app.js"), "console.log(1)").expect("js");
    let lab = start(Setup {
        dist: Some(dist.clone()),
        ..Setup::default()
    })
    .await;
    let index = lab.send("GET", &lab.api("/"), &[], "").await;
    let deep = lab
        .send("GET", &lab.api("/gallery/some-case"), &[], "")
        .await;
    let script = lab.send("GET", &lab.api("/app.js"), &[], "").await;
    assert_eq!(
        (index.status(), index.body.as_str()),
        (200, "<!doctype html><title>app</title>")
    );
    assert_eq!(
        (deep.status(), deep.body.as_str()),
        (200, "<!doctype html><title>app</title>")
    );
    assert_eq!(script.body, "console.log(1)");
    let _ = std::fs::remove_dir_all(dist);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deleted_scenario_is_no_longer_answered() {
    let lab = start(Setup::default()).await;
    let registered = lab.register(SCENARIO).await;
    let id = registered["id"].as_str().expect("id");
    let url = lab_url(&registered, "https://api.example.com/x");
    let path = lab.api(&format!("/api/scenarios/{id}"));
    assert_eq!(lab.send("DELETE", &path, &[], "").await.status(), 204);
    assert_eq!(lab.send("GET", &path, &[], "").await.status(), 404);
    assert_eq!(lab.send("GET", &url, &[], "").await.status(), 404);
}

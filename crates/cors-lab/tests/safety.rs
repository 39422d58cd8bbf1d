//! The lab never reflects request text, and answers only its own origins.

mod support;

use support::{lab_url, start, Setup};

/// Request text that must never come back.
const MARKER: &str = "<img src=x onerror=lab-marker>";
const MARKER_WORD: &str = "lab-marker";

#[tokio::test(flavor = "multi_thread")]
async fn no_answer_echoes_request_text() {
    let lab = start(Setup::default()).await;
    let registered = lab
        .register(r#"{"page": "https://a.test", "request": {"url": "https://b.test/x"}, "server": [{"url": "https://b.test/x"}]}"#)
        .await;
    let url = lab_url(&registered, "https://b.test/x");
    let encoded = "%3Cimg%20src%3Dx%20onerror%3Dlab-marker%3E";
    let headers = [
        ("X-Probe", MARKER),
        ("Origin", MARKER),
        ("Access-Control-Request-Method", MARKER),
    ];
    let bad_registrations = [
        format!(r#"{{"page": "{MARKER}", "request": {{"url": "{MARKER}"}}, "server": []}}"#),
        format!(r#"{{"{MARKER}": 1}}"#),
        format!(r#"{{"scenario": {{"page": null}}, "{MARKER}": 1}}"#),
        format!(
            r#"{{"page": "https://a.test", "request": {{"url": "https://b.test/", "mode": "{MARKER}"}}, "server": []}}"#
        ),
        format!(
            r#"{{"page": "https://a.test", "request": {{"url": "https://b.test/"}}, "server": [{{"url": "https://b.test/", "response": {{"status": "{MARKER}"}}}}]}}"#
        ),
        MARKER.to_owned(),
    ];
    let mut replies = Vec::new();
    for target in [
        format!("{url}?{encoded}"),
        format!("{url}/{encoded}"),
        url.replace("/x", &format!("/{encoded}")),
    ] {
        replies.push(lab.send("GET", &target, &headers, MARKER).await);
        replies.push(lab.send("OPTIONS", &target, &headers, "").await);
    }
    replies.push(
        lab.send(
            "GET",
            &format!("{}/s/{encoded}/", lab.origins.scenario[0]),
            &headers,
            "",
        )
        .await,
    );
    replies.push(
        lab.send("GET", &lab.api(&format!("/api/{encoded}")), &headers, "")
            .await,
    );
    replies.push(
        lab.send(
            "GET",
            &lab.api(&format!("/api/scenarios/{encoded}/log")),
            &headers,
            "",
        )
        .await,
    );
    replies.push(
        lab.send(
            "GET",
            &lab.api(&format!("/api/cookie?samesite={encoded}")),
            &headers,
            "",
        )
        .await,
    );
    for body in &bad_registrations {
        let reply = lab
            .send("POST", &lab.api("/api/scenarios"), &headers, body)
            .await;
        assert_eq!(reply.status(), 400, "{}", reply.raw());
        replies.push(reply);
    }
    for reply in replies {
        assert!(
            !reply.raw().contains(MARKER_WORD),
            "echoed request text:\n{}",
            reply.raw()
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_request_for_a_foreign_host_is_refused() {
    let lab = start(Setup::default()).await;
    let reply = lab
        .send(
            "GET",
            &format!("http://rebound.example:{}/api/health", lab.app.port()),
            &[],
            "",
        )
        .await;
    assert_eq!(reply.status(), 421);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oversized_request_head_is_refused() {
    let lab = start(Setup::default()).await;
    let big = "a".repeat(20 * 1024);
    let reply = lab
        .send("GET", &lab.api("/api/health"), &[("X-Big", &big)], "")
        .await;
    assert_eq!(reply.status(), 431);
}

//! Pasted captures (headers, curl -v, HAR) become the scenario's request and server answers.

use cors_diagnose::analyse;
use cors_diagnose::assumption::AssumedField;
use cors_diagnose::parse::{InputKind, Slot};
use cors_rules::scenario::{Answer, CredentialsMode, HttpAnswer, NetworkErrorKind};
use cors_rules::Scenario;

fn base() -> Scenario {
    Scenario::from_json(
        r#"{"page":"https://shop.example","request":{"url":"https://api.example/cart","method":"DELETE"},"server":[{"url":"https://api.example/cart"}]}"#,
    )
    .expect("valid")
}

fn http(answer: &Answer) -> &HttpAnswer {
    match answer {
        Answer::Http(http) => http,
        Answer::Error(kind) => panic!("expected an HTTP answer, got {kind:?}"),
    }
}

#[test]
fn copied_preflight_headers_fill_the_preflight_of_the_current_scenario() {
    let pasted = "HTTP/1.1 204 No Content\naccess-control-allow-origin: https://shop.example\naccess-control-allow-methods: GET, POST";
    let analysis = analyse(pasted, Some(&base()), None);
    assert_eq!(analysis.kind, InputKind::ResponseHeaders);
    let scenario = analysis.scenario.expect("scenario");
    assert_eq!(scenario.page.as_deref(), Some("https://shop.example"));
    assert_eq!(scenario.request.method, "DELETE");
    let preflight = scenario.server[0]
        .preflight
        .as_ref()
        .expect("preflight filled");
    assert_eq!(http(preflight).status, 204);
}

#[test]
fn the_slot_can_be_chosen_explicitly() {
    let analysis = analyse(
        "access-control-allow-origin: *",
        Some(&base()),
        Some(Slot::Preflight),
    );
    let scenario = analysis.scenario.expect("scenario");
    assert!(scenario.server[0].preflight.is_some());
}

#[test]
fn curl_verbose_preflight_then_request_give_both_answers_and_the_request() {
    let pasted = "\
> OPTIONS /v1/items HTTP/1.1
> Host: api.example.com
> Origin: https://app.example.com
> Access-Control-Request-Method: PUT
> Access-Control-Request-Headers: content-type
>
< HTTP/1.1 204 No Content
< Access-Control-Allow-Origin: https://app.example.com
< Access-Control-Allow-Methods: PUT
< Access-Control-Allow-Headers: content-type
<
* Connection #0 to host api.example.com left intact
> PUT /v1/items HTTP/1.1
> Host: api.example.com
> Origin: https://app.example.com
> Content-Type: application/json
> User-Agent: curl/8.5.0
>
< HTTP/1.1 500 Internal Server Error
< Content-Type: text/plain
<
oops";
    let analysis = analyse(pasted, None, None);
    assert_eq!(analysis.kind, InputKind::CurlVerbose);
    assert!(analysis.error.is_none(), "{:?}", analysis.error);
    let scenario = analysis.scenario.expect("scenario");
    assert_eq!(scenario.page.as_deref(), Some("https://app.example.com"));
    assert_eq!(scenario.request.method, "PUT");
    assert_eq!(scenario.request.url, "https://api.example.com/v1/items");
    assert_eq!(
        scenario.request.headers,
        vec![("Content-Type".to_owned(), "application/json".to_owned())]
    );
    assert_eq!(http(&scenario.server[0].response).status, 500);
    assert_eq!(
        http(scenario.server[0].preflight.as_ref().expect("preflight")).status,
        204
    );
    assert!(analysis
        .lines
        .iter()
        .any(|l| l.text == "oops" && !l.is_understood()));
}

#[test]
fn curl_preflight_alone_assumes_the_response_and_says_so() {
    let pasted = "> OPTIONS /x HTTP/1.1\n> Host: api.example\n> Origin: https://app.example\n> Access-Control-Request-Method: PATCH\n>\n< HTTP/1.1 200 OK\n< Access-Control-Allow-Origin: https://app.example\n<";
    let analysis = analyse(pasted, None, None);
    let scenario = analysis.scenario.expect("scenario");
    assert_eq!(scenario.request.method, "PATCH");
    assert!(analysis
        .assumptions
        .iter()
        .any(|a| a.field == AssumedField::Response));
}

#[test]
fn har_with_blocked_request_and_cookie_is_credentialed() {
    let har = r#"{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"entries":[
      {"request":{"method":"GET","url":"https://app.example/index.html","headers":[]},"response":{"status":200,"headers":[]}},
      {"request":{"method":"GET","url":"https://api.example/me","headers":[
          {"name":"Origin","value":"https://app.example"},{"name":"Cookie","value":"sid=1"},
          {"name":"Accept","value":"application/json"},{"name":"sec-ch-ua","value":"x"}]},
       "response":{"status":200,"headers":[{"name":"access-control-allow-origin","value":"*"}]}}]}}"#;
    let analysis = analyse(har, None, None);
    assert_eq!(analysis.kind, InputKind::Har);
    let scenario = analysis.scenario.expect("scenario");
    assert_eq!(scenario.request.url, "https://api.example/me");
    assert_eq!(scenario.request.credentials, CredentialsMode::Include);
    assert_eq!(
        scenario.request.headers,
        vec![("Accept".to_owned(), "application/json".to_owned())]
    );
    assert_eq!(analysis.lines.len(), 2);
}

#[test]
fn har_redirect_chain_adds_the_target_entry() {
    let har = r#"{"log":{"entries":[
      {"request":{"method":"GET","url":"https://api.example/me","headers":[{"name":"Origin","value":"https://app.example"}]},
       "response":{"status":302,"headers":[{"name":"Location","value":"https://sso.example/login"}]}},
      {"request":{"method":"GET","url":"https://sso.example/login","headers":[{"name":"Origin","value":"null"}]},
       "response":{"status":200,"headers":[]}}]}}"#;
    let scenario = analyse(har, None, None).scenario.expect("scenario");
    assert_eq!(scenario.request.url, "https://api.example/me");
    assert_eq!(scenario.server.len(), 2);
    assert_eq!(scenario.server[1].url, "https://sso.example/login");
}

#[test]
fn curl_connection_refused_becomes_a_network_error_answer() {
    let pasted = "$ curl -v http://localhost:9999/api\n*   Trying 127.0.0.1:9999...\n* connect to 127.0.0.1 port 9999 failed: Connection refused\n> GET /api HTTP/1.1\n> Host: localhost:9999";
    let analysis = analyse(pasted, None, None);
    let scenario = analysis.scenario.expect("scenario");
    assert_eq!(scenario.request.url, "http://localhost:9999/api");
    assert_eq!(
        scenario.server[0].response,
        Answer::Error(NetworkErrorKind::ConnectionRefused)
    );
}

#[test]
fn malformed_har_reports_where() {
    let analysis = analyse(
        "{\"log\": {\"entries\": [\n  {\"request\": 5}\n]}}",
        None,
        None,
    );
    let error = analysis.error.expect("error");
    assert_eq!(error.line, 2);
    assert!(analysis.scenario.is_none());
}

#[test]
fn empty_paste_is_an_error_not_a_panic() {
    assert!(analyse("   \n ", None, None).error.is_some());
}

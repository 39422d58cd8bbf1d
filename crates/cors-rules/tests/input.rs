//! Input validation: malformed scenarios are input errors naming the field path, never panics.

use cors_rules::{evaluate, evaluate_json, Scenario};
use serde_json::json;

fn field_of(value: serde_json::Value) -> String {
    let scenario = match Scenario::from_value(value) {
        Ok(scenario) => scenario,
        Err(error) => return error.field,
    };
    evaluate(&scenario).expect_err("an input error").field
}

fn base() -> serde_json::Value {
    json!({"page": "https://app.example", "request": {"url": "https://api.example/x"},
           "server": [{"url": "https://api.example/x", "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "*"]]}}]})
}

#[test]
fn invalid_fields_are_named_by_path() {
    let mut rows: Vec<(serde_json::Value, &str)> = Vec::new();
    let mut v = base();
    v["page"] = json!("not a url");
    rows.push((v, "page"));
    let mut v = base();
    v["request"]["url"] = json!("/relative");
    rows.push((v, "request.url"));
    let mut v = base();
    v["server"][0]["url"] = json!("::");
    rows.push((v, "server[0].url"));
    let mut v = base();
    v["server"][0]["response"]["headers"] = json!([["ok", "1"], ["X-A", "1"], ["bad name", "x"]]);
    rows.push((v, "server[0].response.headers[2][0]"));
    let mut v = base();
    v["server"][0]["response"]["headers"] = json!([["X-A", "a\r\nb"]]);
    rows.push((v, "server[0].response.headers[0][1]"));
    let mut v = base();
    v["server"][0]["preflight"] = json!({"status": 99});
    rows.push((v, "server[0].preflight.status"));
    let mut v = base();
    v["server"][0]["response"]["status"] = json!(1000);
    rows.push((v, "server[0].response.status"));
    let mut v = base();
    v["server"][0]["response"]["headers"] = json!(vec![json!(["X-A", "1"]); 201]);
    rows.push((v, "server[0].response.headers"));
    let mut v = base();
    v["server"][0]["response"]["headers"] = json!([["X-A", "a".repeat(8193)]]);
    rows.push((v, "server[0].response.headers[0][1]"));
    let mut v = base();
    v["server"] = json!(vec![json!({"url": "https://api.example/x"}); 101]);
    rows.push((v, "server"));
    let mut v = base();
    v["server"] = json!([{"url": "https://api.example/x"}, {"url": "HTTPS://API.EXAMPLE/x"}]);
    rows.push((v, "server[1].url"));
    let mut v = base();
    v["server"] = json!([]);
    rows.push((v, "server"));
    let mut v = base();
    v["request"]["api"] = json!("xhr");
    v["request"]["mode"] = json!("no-cors");
    rows.push((v, "request.mode"));
    let mut v = base();
    v["request"]["api"] = json!("xhr");
    v["request"]["credentials"] = json!("omit");
    rows.push((v, "request.credentials"));
    let mut v = base();
    v["request"]["headers"] = json!(vec![json!(["X-A", "1"]); 201]);
    rows.push((v, "request.headers"));
    let mut v = base();
    v["request"]["extra"] = json!(1);
    rows.push((v, "request.extra"));
    let mut v = base();
    v.as_object_mut().unwrap().remove("server");
    rows.push((v, "server"));
    let mut v = base();
    v["request"].as_object_mut().unwrap().remove("url");
    rows.push((v, "request.url"));
    let mut v = base();
    v["request"]["mode"] = json!("navigate");
    rows.push((v, "request.mode"));
    for (value, field) in rows {
        assert_eq!(field_of(value.clone()), field, "{value}");
    }
}

#[test]
fn a_redirect_to_an_unknown_url_names_the_server_and_the_url() {
    let mut v = base();
    v["server"][0]["response"] = json!({"status": 302, "headers": [["Access-Control-Allow-Origin", "*"], ["Location", "https://elsewhere.example/"]]});
    let error = evaluate(&Scenario::from_value(v).unwrap()).unwrap_err();
    assert_eq!(error.field, "server");
    assert!(
        error.problem.contains("https://elsewhere.example/"),
        "{}",
        error.problem
    );
}

#[test]
fn page_is_required_but_may_be_null() {
    let mut v = base();
    v.as_object_mut().unwrap().remove("page");
    assert_eq!(field_of(v), "page");
    let mut v = base();
    v["page"] = serde_json::Value::Null;
    assert!(evaluate(&Scenario::from_value(v).unwrap()).is_ok());
}

#[test]
fn malformed_json_is_an_input_error() {
    assert!(evaluate_json("{").is_err());
    assert!(evaluate_json("[]").is_err());
}

#[test]
fn statuses_600_to_999_are_accepted_as_browsers_hand_them_to_the_script() {
    for status in [600, 700, 999] {
        let mut v = base();
        v["server"][0]["response"]["status"] = json!(status);
        let scenario = cors_rules::Scenario::from_value(v).expect("parses");
        let verdict = cors_rules::evaluate(&scenario).expect("evaluates");
        assert_eq!(verdict.readable.expect("allowed").status, status);
    }
}

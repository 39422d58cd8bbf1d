//! Throughput of `evaluate`: a typical preflighted scenario with the full trace, console text and fixes.
//!
//! Run with `cargo bench -p cors-rules --bench evaluate`; criterion reports scenarios per second
//! (`thrpt`, elements/s).

use cors_rules::{evaluate, Scenario};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const PREFLIGHTED: &str = r#"{
  "browser": "chrome",
  "page": "https://app.example.com",
  "request": {
    "url": "https://api.example.com/v1/items?page=2",
    "method": "PUT",
    "headers": [["Content-Type", "application/json"], ["X-Request-Id", "7"], ["Accept", "application/json"]],
    "credentials": "include"
  },
  "server": [{
    "url": "https://api.example.com/v1/items?page=2",
    "preflight": {"status": 204, "headers": [
      ["Access-Control-Allow-Origin", "https://app.example.com"],
      ["Access-Control-Allow-Credentials", "true"],
      ["Access-Control-Allow-Methods", "GET, PUT, DELETE"],
      ["Access-Control-Allow-Headers", "content-type, x-request-id"],
      ["Access-Control-Max-Age", "600"]]},
    "response": {"status": 200, "headers": [
      ["Access-Control-Allow-Origin", "https://app.example.com"],
      ["Access-Control-Allow-Credentials", "true"],
      ["Access-Control-Expose-Headers", "ETag"],
      ["Content-Type", "application/json"], ["ETag", "\"v7\""], ["Vary", "Origin"]]}
  }]
}"#;

const BLOCKED: &str = r#"{
  "browser": "firefox",
  "page": "https://app.example.com",
  "request": {"url": "https://api.example.com/v1/items", "method": "DELETE", "headers": [["Authorization", "Bearer t"]]},
  "server": [{"url": "https://api.example.com/v1/items",
              "preflight": {"status": 405, "headers": []},
              "response": {"status": 200, "headers": []}}]
}"#;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("evaluate");
    group.throughput(Throughput::Elements(1));
    for (name, text) in [
        ("preflighted-allowed", PREFLIGHTED),
        ("preflight-blocked", BLOCKED),
    ] {
        let scenario = Scenario::from_json(text).expect("valid scenario");
        let verdict = evaluate(&scenario).expect("evaluates");
        assert!(!verdict.steps.is_empty());
        group.bench_function(name, |b| b.iter(|| evaluate(black_box(&scenario))));
        let decide = format!("{name}-decision-only");
        group.bench_function(&decide, |b| {
            b.iter(|| cors_rules::decide(black_box(&scenario)))
        });
    }
    group.bench_function("parse-and-evaluate", |b| {
        b.iter(|| cors_rules::evaluate_json(black_box(PREFLIGHTED)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

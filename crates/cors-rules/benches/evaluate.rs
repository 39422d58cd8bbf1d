//! Throughput of `evaluate`: a typical preflighted scenario with the full trace, console text and fixes,
//! and a blocked preflight (whose fixes decide the patched scenario again).
//!
//! Run with `cargo bench -p cors-rules --bench evaluate`; criterion reports scenarios per second
//! (`thrpt`, elements/s). The scenarios are the JSON files in `benches/scenarios/`; the example
//! `evaluate_loop` runs the same ones for instruction counts under callgrind.

use cors_rules::{evaluate, Scenario};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const PREFLIGHTED: &str = include_str!("scenarios/preflighted-allowed.json");
const BLOCKED: &str = include_str!("scenarios/preflight-blocked.json");

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

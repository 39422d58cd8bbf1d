//! Throughput of `evaluate`: a typical preflighted scenario with the full trace, console text and fixes,
//! and a blocked preflight (whose fixes decide the patched scenario again), each also as the decision
//! alone.
//!
//! Run with `cargo bench -p cors-rules --bench evaluate`; criterion reports scenarios per second
//! (`thrpt`, elements/s). Group `evaluate` measures wall time; group `evaluate-cpu` the benchmark
//! thread's CPU time, which on a busy shared machine leaves out the time spent waiting for a core. The
//! scenarios are the JSON files in `benches/scenarios/`; the example `evaluate_loop` runs the same ones
//! for instruction counts under callgrind.

#[path = "evaluate/cpu_time.rs"]
mod cpu_time;

use cors_rules::{evaluate, Scenario};
use criterion::measurement::Measurement;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const PREFLIGHTED: &str = include_str!("scenarios/preflighted-allowed.json");
const BLOCKED: &str = include_str!("scenarios/preflight-blocked.json");

/// Every benchmark of the group `group`, measured by `c`'s measurement.
fn scenarios<M: Measurement>(c: &mut Criterion<M>, group: &str) {
    let mut group = c.benchmark_group(group);
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

fn wall_time(c: &mut Criterion) {
    scenarios(c, "evaluate");
}

fn cpu_time(c: &mut Criterion<cpu_time::ThreadCpuTime>) {
    scenarios(c, "evaluate-cpu");
}

criterion_group!(wall, wall_time);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(cpu_time::ThreadCpuTime);
    targets = cpu_time
}
criterion_main!(wall, cpu);

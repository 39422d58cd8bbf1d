//! The generator: deterministic, broad, and always producing scenarios the lab and the engine accept.

use std::collections::BTreeSet;

use cors_conformance::generator::{
    covered_groups, generate, generate_at, GeneratorConfig, FAMILIES,
};
use cors_conformance::groups::RuleGroup;
use cors_lab::api::LabOrigins;
use cors_rules::Scenario;

fn cases(seed: u64, count: usize) -> Vec<cors_conformance::generator::Case> {
    generate(&GeneratorConfig { seed, count })
}

fn lab_origins() -> LabOrigins {
    LabOrigins {
        app: vec![
            "http://127.0.0.1:8080".into(),
            "http://localhost:8080".into(),
        ],
        scenario: ["8081", "8082", "8083"]
            .iter()
            .flat_map(|port| {
                [
                    format!("http://127.0.0.1:{port}"),
                    format!("http://localhost:{port}"),
                ]
            })
            .collect(),
    }
}

#[test]
fn the_same_seed_gives_the_same_scenarios() {
    assert_eq!(cases(7, 400), cases(7, 400));
}

#[test]
fn different_seeds_give_different_scenarios() {
    assert_ne!(cases(1, 50), cases(2, 50));
}

#[test]
fn a_shorter_run_is_a_prefix_of_a_longer_one() {
    let long = cases(3, 300);
    assert_eq!(cases(3, 120), long[..120]);
}

#[test]
fn a_case_can_be_regenerated_from_its_index_alone() {
    let all = cases(5, 64);
    assert_eq!(generate_at(5, 63), all[63]);
}

#[test]
fn case_ids_are_unique() {
    let all = cases(1, 1000);
    let ids: BTreeSet<&str> = all.iter().map(|case| case.id.as_str()).collect();
    assert_eq!(ids.len(), all.len());
}

#[test]
fn every_rule_group_is_covered_by_the_ci_subset() {
    let covered = covered_groups(&cases(1, 300));
    let missing: Vec<RuleGroup> = RuleGroup::ALL
        .into_iter()
        .filter(|group| !covered.contains(group))
        .collect();
    assert!(missing.is_empty(), "groups without a case: {missing:?}");
}

#[test]
fn every_family_takes_its_turn_in_the_first_round() {
    let first: Vec<String> = cases(1, FAMILIES.len())
        .into_iter()
        .map(|case| case.id)
        .collect();
    for (index, (name, _)) in FAMILIES.iter().enumerate() {
        assert_eq!(first[index], format!("{name}-{index:04}"));
    }
}

#[test]
fn every_scenario_round_trips_through_the_scenario_format() {
    for case in cases(1, 1000) {
        let json = serde_json::to_string(&case.scenario).unwrap();
        let parsed =
            Scenario::from_json(&json).unwrap_or_else(|error| panic!("{}: {error}", case.id));
        assert_eq!(parsed, case.scenario, "{}", case.id);
    }
}

#[test]
fn every_scenario_translates_onto_the_lab_origins() {
    let lab = lab_origins();
    for case in cases(1, 1000) {
        let page = if case.scenario.page.is_some() {
            "http://127.0.0.1:8080"
        } else {
            "null"
        };
        let translated = cors_lab::translate(&case.scenario, page, &lab, "k1");
        assert!(translated.is_ok(), "{}: {:?}", case.id, translated.err());
    }
}

#[test]
fn the_engine_accepts_every_translated_scenario() {
    let lab = lab_origins();
    for case in cases(1, 1000) {
        let page = if case.scenario.page.is_some() {
            "http://127.0.0.1:8080"
        } else {
            "null"
        };
        let Ok(translated) = cors_lab::translate(&case.scenario, page, &lab, "k1") else {
            continue;
        };
        let verdict = cors_rules::evaluate(&translated.scenario);
        assert!(verdict.is_ok(), "{}: {:?}", case.id, verdict.err());
    }
}

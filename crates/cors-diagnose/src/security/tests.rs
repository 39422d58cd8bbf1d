//! The review names each mistake from the answers that reveal it.

use super::*;

const TRUSTED: &str = "https://app.example.com";
const API: &str = "https://api.example.com/data";

/// A server whose allow rule is `accepts`, answered for every probe origin (and the trusted one).
fn answers(accepts: impl Fn(&str) -> bool, vary: bool, credentials: bool) -> Vec<Observation> {
    let mut origins: Vec<String> = probes(TRUSTED, API).into_iter().map(|p| p.origin).collect();
    origins.push(TRUSTED.to_owned());
    origins
        .into_iter()
        .map(|origin| Observation {
            allow_origin: accepts(&origin).then(|| origin.clone()),
            origin,
            allow_credentials: credentials,
            vary_origin: vary,
        })
        .collect()
}

fn risks(observations: &[Observation]) -> Vec<Risk> {
    review(TRUSTED, API, observations)
        .into_iter()
        .map(|f| f.risk)
        .collect()
}

#[test]
fn an_exact_allow_list_with_vary_has_no_findings() {
    assert!(risks(&answers(|o| o == TRUSTED, true, true)).is_empty());
}

#[test]
fn reflecting_every_origin_is_reported_with_its_consequences() {
    let found = risks(&answers(|_| true, true, true));
    for risk in [
        Risk::ReflectsAnyOrigin,
        Risk::TrustsNull,
        Risk::PrefixMatch,
        Risk::InsecureOrigin,
        Risk::AllSubdomains,
    ] {
        assert!(found.contains(&risk), "{risk:?} in {found:?}");
    }
}

#[test]
fn a_starts_with_check_is_a_prefix_match() {
    assert_eq!(
        risks(&answers(|o| o.starts_with(TRUSTED), true, true)),
        vec![Risk::PrefixMatch]
    );
}

#[test]
fn an_ends_with_check_on_the_domain_is_a_suffix_match_and_trusts_subdomains() {
    let found = risks(&answers(|o| o.ends_with("example.com"), true, true));
    assert!(found.contains(&Risk::SuffixMatch), "{found:?}");
    assert!(found.contains(&Risk::AllSubdomains), "{found:?}");
    assert!(!found.contains(&Risk::ReflectsAnyOrigin), "{found:?}");
}

#[test]
fn a_contains_check_is_a_substring_match() {
    let found = risks(&answers(|o| o.contains("app.example.com"), true, true));
    assert!(found.contains(&Risk::SubstringMatch), "{found:?}");
}

#[test]
fn an_unescaped_regex_dot_is_caught() {
    let regex_like = |o: &str| {
        let host = o.trim_start_matches("https://");
        o.starts_with("https://")
            && host.len() == "app.example.com".len()
            && host
                .bytes()
                .zip("app.example.com".bytes())
                .all(|(a, b)| a == b || b == b'.')
    };
    assert_eq!(
        risks(&answers(regex_like, true, false)),
        vec![Risk::UnescapedDot]
    );
}

#[test]
fn echoing_without_vary_is_reported() {
    assert_eq!(
        risks(&answers(|o| o == TRUSTED, false, false)),
        vec![Risk::MissingVary]
    );
}

#[test]
fn wildcard_with_credentials_is_reported() {
    let seen = [Observation {
        origin: TRUSTED.into(),
        allow_origin: Some("*".into()),
        allow_credentials: true,
        vary_origin: false,
    }];
    assert_eq!(risks(&seen), vec![Risk::WildcardWithCredentials]);
}

#[test]
fn credentials_make_a_medium_risk_high() {
    let seen = answers(|o| o == "null", true, true);
    let finding = review(TRUSTED, API, &seen)
        .into_iter()
        .next()
        .expect("a finding");
    assert_eq!(finding.risk, Risk::TrustsNull);
    assert_eq!(finding.severity, findings::Severity::High);
}

#[test]
fn pasted_observation_lines_are_parsed() {
    let seen = parse_observations("# probe results\nhttps://evil.example -> https://evil.example credentials\nnull -> - vary\n").expect("parsed");
    assert_eq!(seen.len(), 2);
    assert!(seen[0].allow_credentials);
    assert_eq!(seen[1].allow_origin, None);
    assert_eq!(
        parse_observations("no arrow here")
            .expect_err("rejected")
            .line,
        1
    );
}

#[test]
fn probes_cover_each_mistake_once_with_a_curl_command() {
    let list = probes(TRUSTED, API);
    assert_eq!(list.len(), 8);
    assert!(list
        .iter()
        .all(|p| p.command.contains("Origin: ") && p.command.contains(API)));
}

#[test]
fn a_scenario_echoing_its_origin_without_vary_is_reviewed() {
    let scenario = cors_rules::Scenario::from_json(
        r#"{"page":"https://app.example.com/x","request":{"url":"https://api.example.com/d"},"server":[{"url":"https://api.example.com/d","response":{"headers":[["Access-Control-Allow-Origin","https://app.example.com"]]}}]}"#,
    )
    .expect("valid");
    let found: Vec<Risk> = review_scenario(&scenario)
        .into_iter()
        .map(|f| f.risk)
        .collect();
    assert_eq!(found, vec![Risk::MissingVary]);
}

#[test]
fn a_null_page_that_is_allowed_is_reported() {
    let scenario = cors_rules::Scenario::from_json(
        r#"{"page":null,"request":{"url":"https://api.example.com/d"},"server":[{"url":"https://api.example.com/d","response":{"headers":[["Access-Control-Allow-Origin","null"],["Vary","Origin"]]}}]}"#,
    )
    .expect("valid");
    let found: Vec<Risk> = review_scenario(&scenario)
        .into_iter()
        .map(|f| f.risk)
        .collect();
    assert_eq!(found, vec![Risk::TrustsNull]);
}

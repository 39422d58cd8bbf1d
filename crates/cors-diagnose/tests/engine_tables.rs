//! The recogniser reads every line the engine writes: each failure line of the engine's console tables
//! (`cors_rules::render::console_templates`), filled with values, is one of the catalogue's messages,
//! and that message stands for the engine's check. When a browser's wording changes in the engine, this
//! fails until the catalogue follows.

use cors_diagnose::console::catalog;
use cors_rules::render::console_templates;

fn fill(template: &str) -> String {
    let value = |hole: &str| match hole {
        "kind" => "fetch",
        "url" => "https://api.example.com/v1/items",
        "initial" => "https://api.example.com/v1/old",
        "origin" => "https://app.example.com",
        "value" | "names" => "x-a x-b",
        "method" => "PUT",
        "header" => "x-api-key",
        "space" => "loopback",
        "status" => "405",
        "location" => "https://u:p@api.example.com/next",
        _ => "x",
    };
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(value(&rest[open + 1..close]));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn every_engine_failure_line_is_a_catalogue_message_for_the_same_check() {
    let templates = console_templates();
    assert!(
        templates.len() >= 45,
        "only {} engine lines",
        templates.len()
    );
    let mut problems = Vec::new();
    for template in &templates {
        let line = fill(&template.text);
        let matching: Vec<_> = catalog::all()
            .filter(|m| m.browser == template.browser && m.matches_line(&line))
            .collect();
        if matching.is_empty() {
            problems.push(format!(
                "{:?} {}: no catalogue message reads {line}",
                template.browser, template.check
            ));
        } else if !matching
            .iter()
            .any(|m| m.checks().contains(&template.check))
        {
            let codes: Vec<_> = matching.iter().map(|m| m.code).collect();
            problems.push(format!(
                "{:?} {}: read as {codes:?}, which stand for other checks",
                template.browser, template.check
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

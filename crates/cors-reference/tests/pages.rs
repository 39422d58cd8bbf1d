//! Builds the reference with the binary, as `scripts/build-site.sh` does, and checks every page's link
//! into the app: it parses as a scenario (base64url, then `Scenario::from_json`), the app's own link
//! reader (`cors_explainer::share::read_link`) opens that scenario on the result step, and the engine,
//! evaluating it for the page's browser, prints the page's message.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use cors_diagnose::console::catalog::{self, KnownMessage};
use cors_explainer::wizard::WizardStep;
use cors_rules::{evaluate, Scenario};

fn build(dir: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_cors-reference"))
        .arg(dir)
        .args(["--site-url", "https://example.org/cors-explainer"])
        .status()
        .expect("the binary runs");
    assert!(status.success());
}

fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cors-reference-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The `href` of the page's link into the app, `&amp;` unescaped.
fn app_link(html: &str) -> Option<String> {
    let start = html.find("href=\"../?s=")? + "href=\"".len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].replace("&amp;", "&"))
}

fn scenario_of(link: &str) -> Result<Scenario, String> {
    let query = link.strip_prefix("../?").ok_or("not a link to the app")?;
    let encoded = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("s="))
        .ok_or("no s=")?;
    let bytes = URL_SAFE_NO_PAD.decode(encoded).map_err(|e| e.to_string())?;
    let json = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    Scenario::from_json(&json).map_err(|e| e.to_string())
}

fn message_of(file: &str) -> Option<&'static KnownMessage> {
    catalog::all().find(|m| m.reference_path() == format!("errors/{file}"))
}

#[test]
fn every_link_into_the_app_opens_a_scenario_that_prints_the_pages_message() {
    let dir = out_dir("links");
    build(&dir);
    let mut pages = 0;
    let mut linked = 0;
    let mut exact = 0;
    let mut problems = Vec::new();
    for item in std::fs::read_dir(dir.join("errors")).expect("errors/ written") {
        let path = item.expect("an entry").path();
        let file = path
            .file_name()
            .and_then(|f| f.to_str())
            .unwrap_or_default()
            .to_owned();
        if !file.ends_with(".html") || file == "index.html" {
            continue;
        }
        pages += 1;
        let html = std::fs::read_to_string(&path).expect("readable");
        let message = message_of(&file).expect("every page is a known message's");
        let Some(link) = app_link(&html) else {
            continue;
        };
        linked += 1;
        let scenario = match scenario_of(&link) {
            Ok(scenario) => scenario,
            Err(why) => {
                problems.push(format!("{file}: the link is no scenario: {why}"));
                continue;
            }
        };
        let (opened, problem) = cors_explainer::share::read_link(link.trim_start_matches("../"));
        if let Some(problem) = problem {
            problems.push(format!(
                "{file}: the app refuses the link: {}",
                problem.message()
            ));
        } else if opened.scenario != scenario || opened.nav.step != WizardStep::Result {
            problems.push(format!("{file}: the app opens another scenario or step"));
        }
        if scenario.browser != message.browser {
            problems.push(format!(
                "{file}: the scenario is for {:?}",
                scenario.browser
            ));
        }
        let verdict = evaluate(&scenario).expect("the engine takes it");
        let mut printed = verdict.console.clone();
        printed.extend(verdict.js_error.clone());
        let prints_it = printed.iter().any(|line| message.matches_line(line));
        if html.contains("Open this error in the explainer") {
            exact += 1;
            if !prints_it {
                problems.push(format!("{file}: the scenario prints {printed:?}"));
            }
        } else if verdict.failure.is_none() && !html.contains("Warning") {
            problems.push(format!("{file}: the closest reproduction does not fail"));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!(
        "{pages} pages, {linked} with a link into the app, {exact} reproduce their message exactly"
    );
    assert!(pages >= 70, "{pages} pages");
    assert!(linked >= 80, "only {linked} pages link to a scenario");
    assert!(
        exact >= 55,
        "only {exact} pages reproduce their message exactly"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_sitemap_lists_every_page_written() {
    let dir = out_dir("sitemap");
    build(&dir);
    let sitemap = std::fs::read_to_string(dir.join("sitemap.xml")).expect("a sitemap");
    let mut listed = 0;
    for item in std::fs::read_dir(dir.join("errors")).expect("errors/ written") {
        let path = item.expect("an entry").path();
        let file = path
            .file_name()
            .and_then(|f| f.to_str())
            .unwrap_or_default()
            .to_owned();
        if file.ends_with(".html") && file != "index.html" {
            listed += 1;
            let url = format!("<loc>https://example.org/cors-explainer/errors/{file}</loc>");
            assert!(sitemap.contains(&url), "{url}");
        }
    }
    assert!(sitemap.contains("<loc>https://example.org/cors-explainer/errors/</loc>"));
    assert!(dir.join("errors/reference.css").is_file());
    let _ = std::fs::remove_dir_all(&dir);
    assert!(listed >= 70);
}

//! Links people may have shared keep opening what they opened before: every link form (`?s=`,
//! `?case=`, `&step=`, `&view=expert`, `?embed=1`, `&edit=1`, `&theme=`) in a real browser, with a
//! console that stays clean (no warning or error from the site itself).

mod support;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::json;
use support::{App, Site, TestResult};

/// One published link and what it must show: an element's test id and a text inside it.
struct Published {
    query: String,
    shows: &'static str,
    containing: &'static str,
}

fn published() -> Vec<Published> {
    let scenario = json!({
        "page": "http://localhost:5173",
        "request": {"url": "http://localhost:8080/api/todos", "method": "PUT"},
        "server": [{"url": "http://localhost:8080/api/todos",
                    "preflight": {"status": 204, "headers": [["Access-Control-Allow-Origin", "http://localhost:5173"]]},
                    "response": {"status": 200, "headers": []}}]
    });
    let s = URL_SAFE_NO_PAD.encode(scenario.to_string());
    let case = |query: &str, shows, containing| Published {
        query: query.to_owned(),
        shows,
        containing,
    };
    vec![
        case(
            "?case=trailing-slash&step=7",
            "console-text",
            "Access-Control-Allow-Origin",
        ),
        case("?case=simple-get&step=7", "banner-title", "Allowed"),
        case("?case=put-needs-preflight", "step-heading", ""),
        case("?case=preflight-401&view=expert", "expert-view", ""),
        case(
            "?case=wildcard-with-credentials&step=7&theme=dark",
            "banner-title",
            "Blocked",
        ),
        case(
            "?case=json-content-type&step=4&theme=light",
            "step-heading",
            "header",
        ),
        case("?case=trailing-slash&embed=1", "embed", "Blocked"),
        case("?case=trailing-slash&embed=1&edit=1", "embed-edit", "Edit"),
        Published {
            query: format!("?s={s}&step=3"),
            shows: "step-heading",
            containing: "method",
        },
        Published {
            query: format!("?s={s}&step=7"),
            shows: "banner-title",
            containing: "Blocked",
        },
        Published {
            query: format!("?s={s}&view=expert"),
            shows: "expert-view",
            containing: "",
        },
        Published {
            query: format!("?s={s}&embed=1&theme=dark"),
            shows: "embed",
            containing: "Blocked",
        },
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn every_published_link_form_opens_what_it_opened_before_with_a_clean_console() -> TestResult
{
    let app = App::launch(Site::dist()).await?;
    let mut wrong = Vec::new();
    for link in published() {
        app.goto(&link.query).await?;
        let text = app.text_of_testid(link.shows).await?;
        if !text.contains(link.containing) {
            wrong.push(format!(
                "{}: {:?} does not contain {:?}: {text:?}",
                link.query, link.shows, link.containing
            ));
        }
        if link.query.contains("theme=dark") {
            let theme = app
                .execute(
                    "return document.documentElement.getAttribute('data-theme');",
                    vec![],
                )
                .await?;
            if theme != "dark" {
                wrong.push(format!("{}: theme is {theme}", link.query));
            }
        }
        for entry in app.console().await? {
            if !matches!(
                entry.level,
                support::ConsoleLevel::Info | support::ConsoleLevel::Debug
            ) {
                wrong.push(format!(
                    "{}: console {:?}: {}",
                    link.query, entry.level, entry.message
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    app.close().await
}

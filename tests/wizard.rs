//! The wizard in a real browser: walking gallery cases to their verdict, live updates while typing,
//! focus, history, inline messages, fixes, the expert view and the guided tour.

mod support;

use fantoccini::Locator;
use support::{App, HarnessError, Site, TestResult};

/// A gallery case, the banner title it ends on and a fragment of Chrome's console line.
struct Walk {
    case: &'static str,
    title: &'static str,
    console: Option<&'static str>,
}

const WALKS: [Walk; 6] = [
    Walk {
        case: "put-needs-preflight",
        title: "Blocked by CORS",
        console: Some(
            "Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.",
        ),
    },
    Walk {
        case: "wildcard-with-credentials",
        title: "Blocked by CORS",
        console: Some(
            "must not be the wildcard '*' when the request's credentials mode is 'include'",
        ),
    },
    Walk {
        case: "trailing-slash",
        title: "Blocked by CORS",
        console: Some(
            "has a value 'https://app.example.com/' that is not equal to the supplied origin",
        ),
    },
    Walk {
        case: "lowercase-patch",
        title: "Blocked by CORS",
        console: Some(
            "Method patch is not allowed by Access-Control-Allow-Methods in preflight response.",
        ),
    },
    Walk {
        case: "json-content-type",
        title: "Blocked by CORS",
        console: Some(
            "Request header field content-type is not allowed by Access-Control-Allow-Headers",
        ),
    },
    Walk {
        case: "no-cors-opaque",
        title: "Opaque: the request is sent, the script sees nothing",
        console: None,
    },
];

const QUESTIONS: [&str; 7] = [
    "Where does the page that runs your script come from?",
    "Which URL does the script fetch?",
    "Which HTTP method does the script use?",
    "Which headers does the script set?",
    "Does the request carry cookies, and how is it made?",
    "How does the server answer?",
    "What does the browser do?",
];

async fn type_into(app: &App, id: &str, text: &str) -> Result<(), HarnessError> {
    let element = app.wait_for_css(&format!("#{id}")).await?;
    element
        .clear()
        .await
        .map_err(HarnessError::webdriver(format!("clearing #{id}")))?;
    element
        .send_keys(text)
        .await
        .map_err(HarnessError::webdriver(format!("typing into #{id}")))
}

/// Waits until keyboard focus is on the step's heading (`#step-heading`).
async fn wait_for_focus_on_step_heading(app: &App) -> Result<(), HarnessError> {
    app.wait_until("focus on the step heading", || async {
        let id = app
            .execute(
                "return document.activeElement && document.activeElement.id",
                vec![],
            )
            .await?;
        Ok(id == "step-heading")
    })
    .await
}

async fn wait_for_text(app: &App, testid: &str, expected: &str) -> Result<(), HarnessError> {
    app.wait_until(&format!("{testid} to contain {expected:?}"), || async {
        let found = app
            .client()
            .find(Locator::Css(&format!("[data-testid=\"{testid}\"]")))
            .await;
        Ok(match found {
            // Compared case-insensitively: `text()` returns the text as rendered (CSS may uppercase it).
            Ok(element) => element
                .text()
                .await
                .unwrap_or_default()
                .to_lowercase()
                .contains(&expected.to_lowercase()),
            Err(_) => false,
        })
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn walking_six_gallery_cases_step_by_step_ends_on_their_verdict_and_console_text(
) -> TestResult {
    let app = App::launch(Site::dist()).await?;
    for walk in &WALKS {
        app.goto(&format!("?case={}", walk.case)).await?;
        for (n, question) in QUESTIONS.iter().enumerate() {
            wait_for_text(&app, "step-heading", question).await?;
            assert!(
                !app.text_of_testid("verdict").await?.is_empty(),
                "{}: no verdict bar on step {}",
                walk.case,
                n + 1
            );
            if n + 1 < QUESTIONS.len() {
                app.click_testid("next").await?;
            }
        }
        let title = app.text_of_testid("banner-title").await?;
        assert_eq!(title, walk.title, "{}", walk.case);
        match walk.console {
            Some(fragment) => {
                let console = app.text_of_testid("console-text").await?;
                assert!(
                    console.contains(fragment),
                    "{}: console was {console:?}",
                    walk.case
                );
                assert!(
                    console.starts_with("Access to fetch at '"),
                    "{}: console was {console:?}",
                    walk.case
                );
            }
            None => {
                app.wait_for_testid("console-empty").await?;
            }
        }
    }
    app.assert_no_console_errors().await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn typing_a_target_url_updates_the_origin_comparison_at_once() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("?step=2").await?;
    type_into(&app, "target-url", "https://app.example.com/api/me").await?;
    wait_for_text(&app, "origin-verdict", "Same origin.").await?;
    type_into(&app, "target-url", "http://app.example.com:8080/api").await?;
    wait_for_text(&app, "origin-verdict", "Cross-origin.").await?;
    for part in ["scheme", "port"] {
        let cell = app
            .wait_for_testid(&format!("origin-target-{part}"))
            .await?;
        let class = cell.attr("class").await?.unwrap_or_default();
        assert!(
            class.contains("differs"),
            "{part} is not highlighted: {class:?}"
        );
    }
    let host = app.wait_for_testid("origin-target-host").await?;
    assert!(
        !host
            .attr("class")
            .await?
            .unwrap_or_default()
            .contains("differs"),
        "the host is the same"
    );
    app.close().await
}

/// The browser build's URL parser has no Unicode tables: the page's own `URL` turns host names into
/// their ASCII form first (`src/host_names.rs`), as the browser does for the `Origin` header.
#[tokio::test(flavor = "multi_thread")]
async fn a_unicode_host_name_is_compared_and_sent_in_its_ascii_form() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("?view=expert").await?;
    type_into(&app, "page-origin", "https://bücher.example").await?;
    type_into(&app, "target-url", "https://BÜCHER.example/katalog").await?;
    wait_for_text(&app, "origin-verdict", "Same origin.").await?;
    assert_eq!(
        app.text_of_testid("origin-page-host").await?,
        "xn--bcher-kva.example"
    );
    assert_eq!(
        app.text_of_testid("origin-target-host").await?,
        "xn--bcher-kva.example"
    );
    type_into(&app, "target-url", "https://api.bücher.example/katalog").await?;
    wait_for_text(&app, "origin-verdict", "Cross-origin.").await?;
    assert_eq!(
        app.text_of_testid("origin-target-host").await?,
        "api.xn--bcher-kva.example ✗ differs"
    );
    app.assert_no_console_errors().await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn next_moves_keyboard_focus_to_the_new_step_heading() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("?step=1").await?;
    let next = app.wait_for_testid("next").await?;
    next.send_keys("\u{E007}").await?; // Enter, as a keyboard user presses it
    wait_for_text(&app, "step-heading", QUESTIONS[1]).await?;
    wait_for_focus_on_step_heading(&app).await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn back_and_forward_restore_the_step_shown() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("?case=simple-get").await?;
    app.click_testid("next").await?;
    wait_for_text(&app, "step-heading", QUESTIONS[1]).await?;
    app.click_testid("next").await?;
    wait_for_text(&app, "step-heading", QUESTIONS[2]).await?;
    app.client().back().await?;
    wait_for_text(&app, "step-heading", QUESTIONS[1]).await?;
    app.client().forward().await?;
    wait_for_text(&app, "step-heading", QUESTIONS[2]).await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_origin_that_is_not_a_url_gets_an_inline_message_at_its_input() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("?step=1").await?;
    type_into(&app, "page-origin", "app dot example").await?;
    let message = app.text_of_testid("input-error").await?;
    assert!(!message.trim().is_empty());
    let input = app.wait_for_css("#page-origin").await?;
    assert_eq!(input.attr("aria-invalid").await?.as_deref(), Some("true"));
    wait_for_text(&app, "verdict", "Not a complete scenario yet").await?;
    type_into(&app, "page-origin", "https://app.example.com").await?;
    app.wait_until("the message to go away", || async {
        Ok(app.count_css("[data-testid=input-error]").await? == 0)
    })
    .await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn request_headers_are_marked_safelisted_preflight_or_forbidden_as_they_are_added(
) -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("?step=4").await?;
    for chip in ["Accept", "X-Request-Id", "Cookie (forbidden)"] {
        let button = app
            .client()
            .wait()
            .at_most(std::time::Duration::from_secs(20))
            .for_element(Locator::XPath(&format!("//button[contains(., '{chip}')]")))
            .await?;
        button.click().await?;
    }
    app.wait_until("three header marks", || async {
        Ok(app.count_css("[data-testid=header-mark]").await? == 3)
    })
    .await?;
    let marks = app
        .client()
        .find_all(Locator::Css("[data-testid=header-mark]"))
        .await?;
    let mut kinds = Vec::new();
    for mark in marks {
        kinds.push(mark.attr("data-kind").await?.unwrap_or_default());
    }
    assert_eq!(kinds, ["safe", "preflight", "forbidden"]);
    wait_for_text(&app, "headers-preflight", "x-request-id").await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn applying_the_proposed_fixes_makes_a_blocked_request_allowed() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("?case=put-needs-preflight&step=7").await?;
    wait_for_text(&app, "banner-title", "Blocked").await?;
    for _ in 0..5 {
        if app.count_css("[data-testid=apply-fix]").await? == 0 {
            break;
        }
        app.click_testid("apply-fix").await?;
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    wait_for_text(&app, "banner-title", "Allowed").await?;
    app.close().await
}

/// Leaving the result step and coming back shows its details again, for the scenario as it is then.
#[tokio::test(flavor = "multi_thread")]
async fn the_result_details_come_back_after_leaving_the_result_step() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("?case=put-needs-preflight&step=7").await?;
    wait_for_text(&app, "console-text", "preflight").await?;
    app.wait_for_testid("live-run").await?;
    app.click_testid("back").await?;
    app.wait_for_testid("step-heading").await?;
    assert_eq!(app.count_css("[data-testid=console-text]").await?, 0);
    app.click_testid("next").await?;
    wait_for_text(&app, "console-text", "preflight").await?;
    app.wait_for_testid("live-run").await?;
    assert_eq!(app.count_css("[data-testid=live-run]").await?, 1);
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_expert_view_shows_every_input_step_beside_the_result() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("?case=preflight-401&view=expert").await?;
    app.wait_for_testid("expert-view").await?;
    for n in 1..=6 {
        app.wait_for_testid(&format!("expert-step-{n}")).await?;
    }
    wait_for_text(&app, "banner-title", "Blocked").await?;
    app.click_testid("toggle-view").await?;
    app.wait_for_testid("step-heading").await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_first_visit_offers_the_tour_and_declining_it_is_remembered() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("").await?;
    app.click_testid("tour-start").await?;
    wait_for_text(&app, "tour", "case 1 of 3").await?;
    app.click_testid("tour-next").await?;
    wait_for_text(&app, "tour", "case 2 of 3").await?;
    wait_for_text(&app, "banner-title", "Blocked").await?;
    app.click_testid("tour-skip").await?;
    app.goto("").await?;
    app.wait_for_testid("step-heading").await?;
    assert_eq!(
        app.count_css("[data-testid=tour]").await?,
        0,
        "the tour came back after being dismissed"
    );
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn one_click_on_a_gallery_case_shows_its_result_and_focuses_it() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("?step=2").await?;
    // The cards come with the result module, loaded when the gallery comes into view.
    app.scroll_until_present("gallery", "case-two-allow-origin-values")
        .await?;
    app.click_testid("case-two-allow-origin-values").await?;
    wait_for_text(&app, "step-heading", QUESTIONS[6]).await?;
    wait_for_text(
        &app,
        "console-text",
        "contains multiple values 'https://app.example.com, https://app.example.com'",
    )
    .await?;
    app.click_testid("case-sandboxed-null-origin").await?;
    wait_for_text(&app, "console-text", "from origin 'null'").await?;
    wait_for_focus_on_step_heading(&app).await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_status_that_is_not_a_number_is_refused_at_its_input_and_a_missing_server_entry_is_named(
) -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("?case=simple-get&step=6").await?;
    type_into(&app, "entry-0-response-status", "two hundred").await?;
    wait_for_text(&app, "input-error", "Enter an HTTP status code").await?;
    type_into(&app, "entry-0-response-status", "503").await?;
    app.wait_until("the message to go away", || async {
        Ok(app.count_css("[data-testid=input-error]").await? == 0)
    })
    .await?;
    type_into(&app, "entry-0-url", "https://api.example.com/v2/items").await?;
    wait_for_text(
        &app,
        "input-error",
        "no entry answers https://api.example.com/v1/items",
    )
    .await?;
    wait_for_text(&app, "verdict", "Go to step 6").await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_header_mark_shows_the_engine_s_names_and_values_as_code() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("?case=json-content-type&step=4").await?;
    app.wait_until("a header mark", || async {
        Ok(app.count_css("[data-testid=header-mark]").await? >= 1)
    })
    .await?;
    let mark = app.text_of_testid("header-mark").await?;
    assert!(mark.contains("application/json"), "{mark}");
    assert!(!mark.contains('`'), "backticks shown as text: {mark}");
    assert!(app.count_css("[data-testid=header-mark] code").await? >= 3);
    app.close().await
}

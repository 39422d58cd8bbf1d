//! Hostile share links in a real browser: markup and script in every string field, `javascript:` URLs,
//! oversized and deeply nested JSON, invalid UTF-8, duplicate and unknown keys, hostile values of the
//! other parameters. None may run a script (set a global, call `alert`), inject an element or an event
//! handler, make a `javascript:` link, or crash the app; a link that cannot be read shows the friendly
//! message. And the widget only ever tells its parent its height, and `embed.js` only ever resizes the
//! frame that sent the message.

mod support;

use std::path::PathBuf;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Value};
use support::{App, Browser, HarnessError, Site, StaticServer, TestResult};

/// Installed before every page: a payload that runs anyway is recorded instead of going unnoticed.
const TRAP: &str = "window.__pwned = undefined;
window.__alerts = [];
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  window[name] = (...args) => { window.__alerts.push(name + ' ' + args.join(' ')); };
}";

/// Script payloads: each would set `window.__pwned` or call `alert` if it ran.
const PAYLOADS: &[&str] = &[
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=\"window.__pwned=1\">",
    "\"><svg onload=alert(1)>",
    "'><iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>",
    "</textarea></code></pre><script>alert(1)</script>",
    "javascript:window.__pwned=1//",
    "{{constructor.constructor('window.__pwned=1')()}}",
    "<a href=\"javascript:alert(1)\">click</a>",
    "\u{202e}<b onmouseover=alert(1)>x</b>",
    "${alert(1)}`-alert(1)-`",
];

/// The string fields of a scenario a payload goes into.
const FIELDS: &[&str] = &[
    "page",
    "request.url",
    "request.method",
    "request.header-name",
    "request.header-value",
    "server.url",
    "response.header-name",
    "response.header-value",
    "response.location",
    "preflight.header-value",
];

fn scenario_with(field: &str, payload: &str) -> Value {
    let mut scenario = json!({
        "page": "https://app.example.com",
        "request": {"url": "https://api.example.com/v1/items", "method": "PUT",
                    "headers": [["Content-Type", "application/json"]]},
        "server": [{"url": "https://api.example.com/v1/items",
            "preflight": {"status": 204, "headers": [["Access-Control-Allow-Origin", "https://app.example.com"],
                                                      ["Access-Control-Allow-Methods", "PUT"]]},
            "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "https://app.example.com"]]}}]
    });
    match field {
        "page" => scenario["page"] = json!(payload),
        "request.url" => scenario["request"]["url"] = json!(payload),
        "request.method" => scenario["request"]["method"] = json!(payload),
        "request.header-name" => scenario["request"]["headers"][0][0] = json!(payload),
        "request.header-value" => scenario["request"]["headers"][0][1] = json!(payload),
        "server.url" => scenario["server"][0]["url"] = json!(payload),
        "response.header-name" => {
            scenario["server"][0]["response"]["headers"][0][0] = json!(payload)
        }
        "response.header-value" => {
            scenario["server"][0]["response"]["headers"][0][1] = json!(payload)
        }
        "response.location" => {
            scenario["server"][0]["response"] =
                json!({"status": 302, "headers": [["Location", payload]]});
        }
        _ => scenario["server"][0]["preflight"]["headers"][0][1] = json!(payload),
    }
    scenario
}

fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A hostile link, and whether the app must refuse it (friendly message) or show it as data.
struct Hostile {
    name: String,
    query: String,
    refused: bool,
}

fn hostile_links() -> Vec<Hostile> {
    let mut links = Vec::new();
    // Every payload in every field, in turn (payload i goes into field i, i+1, … so all meet).
    for (i, payload) in PAYLOADS.iter().enumerate() {
        for j in 0..4 {
            let field = FIELDS[(i + j * 3) % FIELDS.len()];
            let scenario = scenario_with(field, payload);
            let view = ["&step=7", "&view=expert", "&step=2", "&embed=1"][j];
            links.push(Hostile {
                name: format!("{field} = {payload}"),
                query: format!("?s={}{view}", encode(scenario.to_string().as_bytes())),
                refused: false,
            });
        }
    }
    let base = scenario_with("page", "https://app.example.com");
    let text = base.to_string();
    let edited = |edit: &dyn Fn(&mut Value)| {
        let mut scenario = base.clone();
        edit(&mut scenario);
        scenario.to_string()
    };
    let structural: Vec<(&str, String, bool)> = vec![
        (
            "an unknown key named like markup",
            edited(&|s| s["<script>alert(1)</script>"] = json!(1)),
            true,
        ),
        (
            "a duplicate key",
            text.replacen('{', "{\"page\": \"<img src=x onerror=alert(1)>\",", 1),
            true,
        ),
        (
            "an unknown request field",
            edited(&|s| s["request"]["onload"] = json!("alert(1)")),
            true,
        ),
        (
            "deeply nested arrays",
            format!("{{\"page\": {}1{}}}", "[".repeat(5000), "]".repeat(5000)),
            true,
        ),
        (
            "deeply nested objects",
            format!("{}{}", "{\"a\":".repeat(3000), "}".repeat(3000)),
            true,
        ),
        (
            "a status as markup",
            edited(&|s| s["server"][0]["response"]["status"] = json!("<script>alert(1)</script>")),
            true,
        ),
        (
            "a browser named like markup",
            edited(&|s| s["browser"] = json!("<svg onload=alert(1)>")),
            true,
        ),
        (
            "a mode named like markup",
            edited(&|s| s["request"]["mode"] = json!("<b>no-cors</b>")),
            true,
        ),
        (
            "an error kind named like markup",
            edited(&|s| s["server"][0]["response"] = json!({"error": "<script>alert(1)</script>"})),
            true,
        ),
        (
            "JSON that stops half way",
            text[..text.len() / 2].to_owned(),
            true,
        ),
        ("a JSON array", format!("[{text}]"), true),
        ("null", "null".to_owned(), true),
        (
            "a header value 40,000 characters long",
            edited(&|s| s["request"]["headers"][0][1] = json!("<b>".repeat(10_000))),
            false,
        ),
        (
            "1,000 request headers",
            edited(&|s| s["request"]["headers"] = json!(vec![["X-A", "<i>1</i>"]; 1000])),
            false,
        ),
        (
            "200 server entries",
            edited(&|s| s["server"] = json!(vec![json!({"url": "javascript:alert(1)"}); 200])),
            false,
        ),
        (
            "NUL and control characters",
            edited(&|s| s["request"]["headers"][0][0] = json!("X-\u{0}\u{7}\u{1b}[31m")),
            false,
        ),
        (
            "lone surrogate escapes",
            text.replacen("application/json", "\\ud800\\udfff\\ud800", 1),
            true,
        ),
    ];
    for (name, json, refused) in structural {
        links.push(Hostile {
            name: name.to_owned(),
            query: format!("?s={}&step=7", encode(json.as_bytes())),
            refused,
        });
    }
    let raw: Vec<(&str, String)> = vec![
        (
            "invalid UTF-8",
            format!("?s={}", encode(&[0x7b, 0xff, 0xfe, 0xc0, 0x80, 0x7d])),
        ),
        (
            "overlong UTF-8 of '<'",
            format!("?s={}", encode(b"{\"page\": \"\xc0\xbcscript\xc0\xbe\"}")),
        ),
        (
            "a value past the length limit",
            format!("?s={}", "A".repeat(50 * 1024)),
        ),
        (
            "not base64",
            "?s=%3Cscript%3Ealert(1)%3C/script%3E".to_owned(),
        ),
        (
            "base64 of markup",
            format!("?s={}", encode(b"<script>alert(1)</script>")),
        ),
        ("an empty scenario", "?s=".to_owned()),
        (
            "a case named like markup",
            "?case=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E".to_owned(),
        ),
    ];
    for (name, query) in raw {
        links.push(Hostile {
            name: name.to_owned(),
            query,
            refused: true,
        });
    }
    // Parameters other than the scenario: ignored, never echoed as markup.
    for query in [
        "?step=%3Cscript%3Ealert(1)%3C/script%3E",
        "?view=javascript:alert(1)",
        "?theme=%22%3E%3Csvg%20onload%3Dalert(1)%3E",
        "?embed=1&edit=%3Cscript%3E",
        "?step=99999999999999999999999",
        "?s&s&s&step&view",
    ] {
        links.push(Hostile {
            name: format!("parameters {query}"),
            query: query.to_owned(),
            refused: false,
        });
    }
    links
}

/// What a payload could have left behind, read from the page.
const INSPECT: &str = "
const handlers = [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on')));
const js = [...document.querySelectorAll('[href], [src], [action], [formaction]')].filter(e =>
  ['href', 'src', 'action', 'formaction'].some(a => (e.getAttribute(a) || '').replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase().startsWith('javascript:')));
const problem = document.querySelector('[data-testid=link-problem]');
return {
  pwned: typeof window.__pwned,
  alerts: window.__alerts || ['the trap is missing'],
  injected: document.querySelectorAll('body script, body iframe, body object, body embed, body img[src=x]').length,
  handlers: handlers.map(e => e.outerHTML.slice(0, 120)),
  javascript_urls: js.map(e => e.outerHTML.slice(0, 120)),
  problem: problem ? problem.textContent : null,
  mounted: document.body.children.length,
};";

async fn open(browser: &App, link: &Hostile) -> Result<Value, HarnessError> {
    browser.goto(&link.query).await?;
    browser
        .wait_until(&format!("the app to render {:?}", link.name), || async {
            // A refused link has rendered once its message is there; any other once the app shows a view.
            let wanted = if link.refused {
                "[data-testid=link-problem]"
            } else {
                "[data-testid=step-heading], [data-testid=verdict-banner], [data-testid=banner-title], [data-testid=link-problem]"
            };
            Ok(browser.count_css(wanted).await? > 0)
        })
        .await?;
    browser.execute(INSPECT, vec![]).await
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_links_run_no_script_inject_no_markup_and_explain_themselves() -> TestResult {
    let links = hostile_links();
    assert!(links.len() >= 50, "only {} hostile links", links.len());
    let app = App::launch(Site::dist()).await?;
    app.run_before_every_page(TRAP).await?;
    let mut failures = Vec::new();
    for link in &links {
        let seen = match open(&app, link).await {
            Ok(seen) => seen,
            Err(error) => {
                failures.push(format!("{}: {error}", link.name));
                continue;
            }
        };
        let mut wrong = Vec::new();
        if seen["pwned"] != "undefined" || seen["alerts"] != json!([]) {
            wrong.push(format!(
                "a script ran: {} {}",
                seen["pwned"], seen["alerts"]
            ));
        }
        for key in ["handlers", "javascript_urls"] {
            if seen[key] != json!([]) {
                wrong.push(format!("{key}: {}", seen[key]));
            }
        }
        if seen["injected"] != 0 {
            wrong.push(format!("{} injected elements", seen["injected"]));
        }
        let message = seen["problem"].as_str();
        if link.refused && !message.is_some_and(|m| m.contains("could not be opened")) {
            wrong.push(format!("no friendly message: {message:?}"));
        }
        if !wrong.is_empty() {
            failures.push(format!("{}: {}", link.name, wrong.join("; ")));
        }
    }
    let errors = app.console_errors().await?;
    let crashes: Vec<_> = errors
        .iter()
        .filter(|e| {
            e.message.contains("panicked")
                || e.message.contains("unreachable")
                || e.message.contains("RuntimeError")
        })
        .map(|e| e.message.clone())
        .collect();
    assert!(crashes.is_empty(), "the app crashed: {crashes:#?}");
    assert!(
        failures.is_empty(),
        "{} of {} hostile links:\n{}",
        failures.len(),
        links.len(),
        failures.join("\n")
    );
    app.close().await
}

/// A host page with the widget and a rogue frame from the host's own origin, which posts resize
/// messages of its own; every message the page receives is recorded.
fn host_page(app_origin: &str) -> Result<PathBuf, std::io::Error> {
    let dir = std::env::temp_dir().join(format!(
        "cors-explainer-hostile-embed-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir)?;
    let html = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head><body>
<script>window.__messages = []; addEventListener("message", (e) => window.__messages.push({{origin: e.origin, data: e.data}}));</script>
<iframe id="widget" src="{app_origin}/?embed=1&amp;edit=1&amp;case=trailing-slash" data-cors-explainer style="width:100%;border:0;height:60px"></iframe>
<iframe id="rogue" src="rogue.html" data-cors-explainer style="height:70px"></iframe>
<iframe id="plain" src="rogue.html" style="height:80px"></iframe>
<script src="{app_origin}/embed.js"></script>
</body></html>"#
    );
    std::fs::write(dir.join("index.html"), html)?;
    // The rogue frame claims every height it can think of, for itself and for the widget.
    let rogue = r#"<!doctype html><html><body><script>
const claims = [{type: "cors-explainer:resize", height: 4321}, {type: "cors-explainer:resize", height: 1e9},
  {type: "cors-explainer:resize", height: NaN}, {type: "cors-explainer:resize", height: -5},
  {type: "cors-explainer:resize", height: "99px"}];
setInterval(() => claims.forEach((c) => parent.postMessage(c, "*")), 50);
</script></body></html>"#;
    std::fs::write(dir.join("rogue.html"), rogue)?;
    Ok(dir)
}

/// The frames' heights as set by `embed.js` (their `style.height`, in px).
async fn heights(browser: &Browser) -> Result<Value, HarnessError> {
    browser
        .execute(
            "return ['widget', 'rogue', 'plain'].map(id => parseFloat(document.getElementById(id).style.height));",
            vec![],
        )
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_widget_posts_only_its_height_and_only_the_sender_is_resized() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    let host = StaticServer::start(&Site::new(host_page(&app.server().origin())?)).await?;
    app.client().goto(&host.url("")).await?;
    app.wait_until("the widget to grow to its content", || async {
        Ok(heights(&app).await?[0].as_f64().unwrap_or_default() > 200.0)
    })
    .await?;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let (widget, rogue, plain) = (0, 1, 2);
    let seen = heights(&app).await?;
    let widget_height = seen[widget].as_f64().unwrap_or_default();
    assert!(
        (200.0..4000.0).contains(&widget_height),
        "the widget took a height it did not send: {seen}"
    );
    // The rogue frame may size itself (it sent the message), but only within bounds and never from junk.
    let rogue_height = seen[rogue].as_f64().unwrap_or_default();
    assert!(
        rogue_height <= 20_000.0,
        "embed.js applied an unbounded height: {seen}"
    );
    assert_eq!(
        seen[plain].as_f64(),
        Some(80.0),
        "a frame without data-cors-explainer was resized: {seen}"
    );

    let app_origin = app.server().origin();
    let messages = app.execute("return window.__messages;", vec![]).await?;
    let from_widget: Vec<&Value> = messages
        .as_array()
        .into_iter()
        .flatten()
        .filter(|m| m["origin"] == app_origin.as_str())
        .collect();
    assert!(!from_widget.is_empty(), "the widget sent nothing");
    for message in from_widget {
        let data = &message["data"];
        let keys: Vec<&String> = data
            .as_object()
            .map(|o| o.keys().collect())
            .unwrap_or_default();
        assert_eq!(
            keys,
            ["height", "type"],
            "the widget sent more than its height: {data}"
        );
        assert_eq!(data["type"], "cors-explainer:resize");
        assert!(data["height"].is_number(), "{data}");
    }
    host.stop().await;
    app.close().await
}

//! Scenarios built from structure (`arbitrary`) rather than bytes: the fuzzer picks among realistic
//! origins, methods, header names and values, with an occasional free string, so it explores the engine's
//! decisions instead of serde's error paths.

use arbitrary::{Arbitrary, Result, Unstructured};
use serde_json::{json, Value};

const ORIGINS: &[&str] = &[
    "https://app.example.com",
    "http://app.example.com",
    "https://api.example.com",
    "https://app.example.com:8443",
    "http://localhost:3000",
    "http://127.0.0.1:8080",
    "http://[::1]:8080",
    "https://xn--bcher-kva.example",
    "https://bücher.example",
    "null",
    "file:///home/x/index.html",
    "http://192.168.0.1",
    "http://10.0.0.1:80",
    "https://a.test:443",
];

const PATHS: &[&str] = &[
    "/",
    "/v1/items",
    "/data?x=1",
    "/a#frag",
    "/%2e%2e/",
    "",
    "/redirect",
];

const METHODS: &[&str] = &[
    "GET", "POST", "PUT", "DELETE", "PATCH", "patch", "OPTIONS", "HEAD", "CONNECT", "TRACE", "get",
    "X-CUSTOM", "", "G ET",
];

const HEADER_NAMES: &[&str] = &[
    "Access-Control-Allow-Origin",
    "Access-Control-Allow-Credentials",
    "Access-Control-Allow-Methods",
    "Access-Control-Allow-Headers",
    "Access-Control-Expose-Headers",
    "Access-Control-Max-Age",
    "Access-Control-Allow-Private-Network",
    "Content-Type",
    "Location",
    "Vary",
    "Set-Cookie",
    "Authorization",
    "X-Request-Id",
    "Accept",
    "Range",
    "Cross-Origin-Resource-Policy",
    "Origin",
    "Cookie",
    "content-type",
];

const HEADER_VALUES: &[&str] = &[
    "*",
    "true",
    "TRUE",
    "null",
    "application/json",
    "text/plain",
    "multipart/form-data; boundary=x",
    "GET, POST, PUT",
    "content-type, x-request-id",
    "authorization",
    "600",
    "-1",
    "99999999999999999999",
    "bytes=0-",
    "same-site",
    "cross-origin",
    "Origin",
    "",
    " https://app.example.com ",
    "https://app.example.com, https://api.example.com",
];

const STATUSES: &[u16] = &[
    200, 204, 301, 302, 303, 307, 308, 400, 401, 403, 404, 405, 500, 0, 99, 600, 999,
];

/// A scenario in fuzzer-chosen pieces; [`FuzzScenario::to_json`] turns it into the scenario format.
#[derive(Debug, Arbitrary)]
pub struct FuzzScenario {
    browser: u8,
    page: Pick,
    url: (Pick, Pick),
    method: Pick,
    headers: Vec<(Pick, Pick)>,
    mode: u8,
    credentials: u8,
    redirect: u8,
    api: u8,
    preflight_flag: bool,
    server: Vec<FuzzEntry>,
}

#[derive(Debug, Arbitrary)]
struct FuzzEntry {
    url: (Pick, Pick),
    preflight: Option<FuzzAnswer>,
    response: Option<FuzzAnswer>,
}

#[derive(Debug, Arbitrary)]
enum FuzzAnswer {
    Http {
        status: Pick,
        headers: Vec<(Pick, Pick)>,
    },
    Error(u8),
}

/// An index into a table of realistic values, or a free string.
#[derive(Debug)]
enum Pick {
    Known(usize),
    Free(String),
}

impl<'a> Arbitrary<'a> for Pick {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        if u.ratio(1, 8)? {
            Ok(Pick::Free(String::arbitrary(u)?))
        } else {
            Ok(Pick::Known(usize::from(u8::arbitrary(u)?)))
        }
    }
}

impl Pick {
    fn text(&self, table: &[&str]) -> String {
        match self {
            Pick::Known(i) => table[i % table.len()].to_owned(),
            Pick::Free(text) => text.clone(),
        }
    }

    fn status(&self) -> Value {
        match self {
            Pick::Known(i) => json!(STATUSES[i % STATUSES.len()]),
            Pick::Free(text) => json!(text.len()),
        }
    }
}

fn pick<'t>(table: &[&'t str], n: u8) -> &'t str {
    table[usize::from(n) % table.len()]
}

fn url(parts: &(Pick, Pick)) -> String {
    let origin = parts.0.text(ORIGINS);
    format!("{}{}", origin, parts.1.text(PATHS))
}

fn headers(list: &[(Pick, Pick)]) -> Value {
    list.iter()
        .take(24)
        .map(|(n, v)| json!([n.text(HEADER_NAMES), v.text(HEADER_VALUES)]))
        .collect()
}

fn answer(answer: &FuzzAnswer) -> Value {
    match answer {
        FuzzAnswer::Http { status, headers: h } => {
            json!({"status": status.status(), "headers": headers(h)})
        }
        FuzzAnswer::Error(n) => {
            json!({"error": pick(&["connection-refused", "timeout", "dns", "tls"], *n)})
        }
    }
}

impl FuzzScenario {
    /// The scenario as JSON, in the format of `docs/reference/scenario-format.md`.
    #[must_use]
    pub fn to_json(&self) -> Value {
        let page = self.page.text(ORIGINS);
        let server: Vec<Value> = self
            .server
            .iter()
            .take(8)
            .map(|entry| {
                let mut value = json!({"url": url(&entry.url)});
                if let Some(p) = &entry.preflight {
                    value["preflight"] = answer(p);
                }
                if let Some(r) = &entry.response {
                    value["response"] = answer(r);
                }
                value
            })
            .collect();
        json!({
            "browser": pick(&["chrome", "firefox", "safari", "spec"], self.browser),
            "page": if page == "null" { Value::Null } else { Value::String(page) },
            "request": {
                "url": url(&self.url),
                "method": self.method.text(METHODS),
                "headers": headers(&self.headers),
                "mode": pick(&["cors", "no-cors", "same-origin"], self.mode),
                "credentials": pick(&["omit", "same-origin", "include"], self.credentials),
                "redirect": pick(&["follow", "manual", "error"], self.redirect),
                "api": pick(&["fetch", "xhr"], self.api),
                "preflight_flag": self.preflight_flag,
            },
            "server": server,
        })
    }
}

//! Property tests: `evaluate` never panics on arbitrary scenarios, and the verdict's invariants hold.

use cors_rules::scenario::{
    Answer, Api, CredentialsMode, HttpAnswer, NetworkErrorKind, RedirectMode, Request, RequestMode,
    ServerEntry,
};
use cors_rules::{evaluate, Browser, CheckId, Outcome, ResponseType, Scenario, StepOutcome};
use proptest::prelude::*;

const HOSTS: [&str; 5] = [
    "https://app.example",
    "https://api.example",
    "http://api.example",
    "http://localhost:8080",
    "https://b.example",
];
const PATHS: [&str; 3] = ["/a", "/b", "/c"];

fn url() -> impl Strategy<Value = String> {
    (0..HOSTS.len(), 0..PATHS.len()).prop_map(|(h, p)| format!("{}{}", HOSTS[h], PATHS[p]))
}

fn header_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Access-Control-Allow-Origin".to_owned()),
        Just("Access-Control-Allow-Credentials".to_owned()),
        Just("Access-Control-Allow-Methods".to_owned()),
        Just("Access-Control-Allow-Headers".to_owned()),
        Just("Access-Control-Expose-Headers".to_owned()),
        Just("Access-Control-Max-Age".to_owned()),
        Just("Location".to_owned()),
        Just("Content-Type".to_owned()),
        Just("Authorization".to_owned()),
        Just("Range".to_owned()),
        Just("X-Custom".to_owned()),
        "[A-Za-z-]{1,12}",
    ]
}

fn header_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("*".to_owned()),
        Just("true".to_owned()),
        Just("null".to_owned()),
        Just("https://app.example".to_owned()),
        Just("PUT, DELETE".to_owned()),
        Just("x-custom, authorization".to_owned()),
        Just("text/plain".to_owned()),
        Just("bytes=0-10".to_owned()),
        url(),
        "\\PC{0,20}",
        "[ -~]{0,40}",
    ]
}

fn headers() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((header_name(), header_value()), 0..5)
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        8 => (prop_oneof![Just(200u16), Just(204), Just(302), Just(307), Just(404), Just(500), 100u16..600], headers())
            .prop_map(|(status, headers)| Answer::Http(HttpAnswer { status, headers })),
        1 => Just(Answer::Error(NetworkErrorKind::ConnectionRefused)),
    ]
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let browser = prop_oneof![
        Just(Browser::Chrome),
        Just(Browser::Firefox),
        Just(Browser::Safari),
        Just(Browser::Spec)
    ];
    let page = prop_oneof![
        Just(None),
        Just(Some("https://app.example".to_owned())),
        Just(Some("http://localhost:3000/x".to_owned())),
        url().prop_map(Some)
    ];
    let method = prop_oneof![
        Just("GET".to_owned()),
        Just("post".to_owned()),
        Just("PUT".to_owned()),
        Just("patch".to_owned()),
        Just("TRACE".to_owned()),
        "[ -~]{0,8}"
    ];
    let mode = prop_oneof![
        Just(RequestMode::Cors),
        Just(RequestMode::NoCors),
        Just(RequestMode::SameOrigin)
    ];
    let credentials = prop_oneof![
        Just(CredentialsMode::Omit),
        Just(CredentialsMode::SameOrigin),
        Just(CredentialsMode::Include)
    ];
    let redirect = prop_oneof![
        Just(RedirectMode::Follow),
        Just(RedirectMode::Manual),
        Just(RedirectMode::Error)
    ];
    let api = prop_oneof![Just(Api::Fetch), Just(Api::Xhr)];
    let entries = prop::collection::vec(
        (
            0..PATHS.len(),
            0..HOSTS.len(),
            prop::option::of(answer()),
            answer(),
        ),
        0..6,
    );
    (
        browser,
        page,
        url(),
        method,
        headers(),
        mode,
        credentials,
        redirect,
        api,
        any::<bool>(),
        entries,
    )
        .prop_map(
            |(
                browser,
                page,
                url,
                method,
                headers,
                mode,
                credentials,
                redirect,
                api,
                preflight_flag,
                entries,
            )| {
                let mut server: Vec<ServerEntry> = Vec::new();
                // Always answer the requested URL, then a few others.
                for (i, (p, h, preflight, response)) in entries.into_iter().enumerate() {
                    let entry_url = if i == 0 {
                        url.clone()
                    } else {
                        format!("{}{}", HOSTS[h], PATHS[p])
                    };
                    if !server.iter().any(|s| s.url == entry_url) {
                        server.push(ServerEntry {
                            url: entry_url,
                            preflight,
                            response,
                        });
                    }
                }
                Scenario {
                    browser,
                    page,
                    request: Request {
                        url,
                        method,
                        headers,
                        mode,
                        credentials,
                        redirect,
                        api,
                        preflight_flag,
                    },
                    server,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn evaluate_never_panics_and_keeps_its_invariants(scenario in scenario()) {
        let Ok(verdict) = evaluate(&scenario) else { return Ok(()); };
        // failure is Some iff the outcome is blocked, request-error or no-event.
        let failing = matches!(
            verdict.outcome,
            Outcome::Blocked | Outcome::RequestError | Outcome::NoEvent
        );
        prop_assert_eq!(verdict.failure.is_some(), failing);
        // preflight_sent iff an OPTIONS is among the requests.
        prop_assert_eq!(verdict.preflight_sent, verdict.requests.iter().any(|r| r.method == "OPTIONS"));
        // readable only when allowed.
        prop_assert_eq!(verdict.readable.is_some(), verdict.outcome == Outcome::Allowed);
        // A failed fetch has exactly one failed step, and it is the last.
        let trace = cors_rules::decide(&scenario).unwrap().trace;
        let fails = trace.iter().filter(|s| s.outcome == StepOutcome::Fail).count();
        prop_assert_eq!(fails, usize::from(failing));
        if failing {
            prop_assert_eq!(trace.last().map(|s| s.outcome), Some(StepOutcome::Fail));
        }
        // An allowed cors response always had a matching Allow-Origin on its final response.
        if verdict.response_type == ResponseType::Cors {
            let passed = trace.iter().rev().find(|s| matches!(s.check, CheckId::AllowOriginMismatch | CheckId::AllowOriginWildcard));
            prop_assert!(passed.is_some_and(|s| s.outcome == StepOutcome::Pass));
        }
        // Request errors send nothing.
        if verdict.outcome == Outcome::RequestError {
            prop_assert!(verdict.requests.is_empty());
        }
    }

    #[test]
    fn a_same_origin_basic_request_is_never_cors_blocked(
        path in 0..PATHS.len(),
        method in prop_oneof![Just("GET"), Just("POST"), Just("PUT"), Just("DELETE"), Just("patch")],
        headers in headers(),
        status in 100u16..600,
        response_headers in headers(),
        browser in prop_oneof![Just(Browser::Chrome), Just(Browser::Firefox), Just(Browser::Safari), Just(Browser::Spec)],
    ) {
        let url = format!("https://app.example{}", PATHS[path]);
        let response_headers: Vec<(String, String)> = response_headers.into_iter().filter(|(n, _)| !n.eq_ignore_ascii_case("location")).collect();
        let scenario = Scenario {
            browser,
            page: Some("https://app.example".to_owned()),
            request: Request { url: url.clone(), method: method.to_owned(), headers, mode: RequestMode::Cors, credentials: CredentialsMode::SameOrigin, redirect: RedirectMode::Follow, api: Api::Fetch, preflight_flag: false },
            server: vec![ServerEntry { url, preflight: None, response: Answer::Http(HttpAnswer { status, headers: response_headers }) }],
        };
        let Ok(verdict) = evaluate(&scenario) else { return Ok(()); };
        prop_assert!(!verdict.preflight_sent);
        if verdict.outcome != Outcome::RequestError {
            prop_assert_eq!(verdict.outcome, Outcome::Allowed);
            prop_assert_eq!(verdict.response_type, ResponseType::Basic);
        }
    }
}

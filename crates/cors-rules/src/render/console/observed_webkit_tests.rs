//! Lines observed in WebKitGTK 2.50.6 (MiniBrowser started directly with
//! `--enable-write-console-messages-to-stdout`, as the conformance suite runs it): page
//! `http://127.0.0.1:41783`, servers on `localhost` and `127.0.0.1`. Each expected string is copied from its
//! output, with the lab's `/s/<id>/c/<case>` prefix shortened.

use super::lines;
use crate::browser::Browser;
use crate::render::test_support::{fail, step};
use crate::render::RenderContext;
use crate::scenario::{Api, CredentialsMode, RedirectMode, RequestMode};
use crate::trace::{CheckId, Key, Stage, StepOutcome, TraceStep};
use crate::verdict::Outcome;

const PAGE: &str = "http://127.0.0.1:41783";
const DATA: &str = "http://localhost:42535/c/r";

fn safari(mode: RequestMode, redirect: RedirectMode) -> RenderContext<'static> {
    RenderContext {
        browser: Browser::Safari,
        api: Api::Fetch,
        page_origin: PAGE,
        initial_url: DATA,
        final_url: DATA,
        method: "GET",
        credentials: CredentialsMode::SameOrigin,
        mode,
        redirect,
    }
}

fn cross() -> TraceStep {
    step(
        CheckId::SameOrigin,
        Stage::Request,
        StepOutcome::Info,
        &[(Key::Differs, "host")],
    )
}

fn cors() -> RenderContext<'static> {
    safari(RequestMode::Cors, RedirectMode::Follow)
}

#[test]
fn same_origin_mode_names_only_the_url() {
    let failed = fail(CheckId::SameOriginMode, Stage::Request, &[]);
    let ctx = safari(RequestMode::SameOrigin, RedirectMode::Follow);
    assert_eq!(
        lines(&ctx, &[cross(), failed], Outcome::Blocked),
        [format!("Fetch API cannot load {DATA}.")]
    );
}

#[test]
fn no_cors_with_another_redirect_mode_is_refused_before_any_request() {
    let failed = fail(CheckId::NoCorsRedirectMode, Stage::Request, &[]);
    let ctx = safari(RequestMode::NoCors, RedirectMode::Error);
    assert_eq!(
        lines(&ctx, &[cross(), failed], Outcome::Blocked),
        [
            "No-Cors mode requires follow redirect mode".to_owned(),
            "Not allowed to request resource".to_owned(),
            format!("Fetch API cannot load {DATA} due to access control checks."),
        ]
    );
}

#[test]
fn redirect_mode_error_names_the_redirecting_url() {
    let failed = fail(CheckId::RedirectMode, Stage::Redirect, &[(Key::Url, DATA)]);
    let ctx = safari(RequestMode::Cors, RedirectMode::Error);
    assert_eq!(
        lines(&ctx, &[cross(), failed], Outcome::Blocked),
        [
            format!("Not allowed to follow a redirection while loading {DATA}"),
            format!("Fetch API cannot load {DATA} due to access control checks."),
        ]
    );
}

#[test]
fn the_twenty_first_redirect_is_refused_by_webkit_itself() {
    let hop = "http://127.0.0.1:41783/c/hop20";
    let failed = fail(
        CheckId::RedirectLimit,
        Stage::Redirect,
        &[(Key::Url, hop), (Key::Count, "20")],
    );
    assert_eq!(
        lines(&cors(), &[failed], Outcome::Blocked),
        [
            "Load cannot follow more than 20 redirections".to_owned(),
            format!("Fetch API cannot load {hop} due to access control checks."),
        ]
    );
}

#[test]
fn a_redirect_with_credentials_names_the_target_without_them_first() {
    let failed = fail(
        CheckId::RedirectCredentials,
        Stage::Redirect,
        &[(Key::Location, "http://user@localhost:42535/c/next")],
    );
    assert_eq!(
        lines(&cors(), &[cross(), failed], Outcome::Blocked)[0],
        "Cross-origin redirection to http://localhost:42535/c/next denied by Cross-Origin Resource Sharing policy: \
         redirection URL http://user@localhost:42535/c/next has credentials"
    );
}

#[test]
fn a_cross_origin_redirect_to_blob_is_a_non_cors_scheme() {
    let blob = "blob:http://127.0.0.1:41783/0b2c3d4e-0000-4000-8000-000000000000";
    let failed = fail(
        CheckId::RedirectScheme,
        Stage::Redirect,
        &[(Key::Location, blob), (Key::Scheme, "blob")],
    );
    assert_eq!(
        lines(&cors(), &[cross(), failed], Outcome::Blocked),
        [
            format!(
                "Cross-origin redirection to {blob} denied by Cross-Origin Resource Sharing policy: not allowed to \
                 follow a cross-origin CORS redirection with non CORS scheme"
            ),
            format!("Fetch API cannot load {DATA} due to access control checks."),
        ]
    );
}

#[test]
fn a_no_cors_load_refused_by_cross_origin_resource_policy_also_cannot_load() {
    let failed = fail(CheckId::CrossOriginResourcePolicy, Stage::Response, &[]);
    let ctx = safari(RequestMode::NoCors, RedirectMode::Follow);
    assert_eq!(
        lines(&ctx, &[cross(), failed], Outcome::Blocked),
        [
            format!(
                "Cancelled load to {DATA} because it violates the resource's Cross-Origin-Resource-Policy response \
                 header."
            ),
            format!("Fetch API cannot load {DATA} due to access control checks."),
        ]
    );
}

#[test]
fn same_origin_mode_redirected_to_another_origin_is_an_unsafe_attempt() {
    let next = "http://localhost:42535/c/next";
    let failed = fail(
        CheckId::SameOriginMode,
        Stage::Redirect,
        &[(Key::Url, next)],
    );
    let ctx = safari(RequestMode::SameOrigin, RedirectMode::Follow);
    assert_eq!(
        lines(&ctx, &[failed], Outcome::Blocked),
        [
            format!(
                "Unsafe attempt to load URL {next} from origin {PAGE}. Domains, protocols and ports must match."
            ),
            format!("Fetch API cannot load {next} due to access control checks."),
        ]
    );
}

#[test]
fn a_redirect_without_a_target_fails_as_a_response() {
    let expected = [
        format!("Origin {PAGE} is not allowed by Access-Control-Allow-Origin. Status code: 307"),
        format!("Fetch API cannot load {DATA} due to access control checks."),
    ];
    // No `Location` (or an empty one, which WebKit cannot read): nothing to follow.
    let failed = fail(
        CheckId::AllowOriginMissing,
        Stage::Redirect,
        &[
            (Key::Url, DATA),
            (Key::Status, "307"),
            (Key::SentOrigin, PAGE),
        ],
    );
    assert_eq!(
        lines(&cors(), &[cross(), failed], Outcome::Blocked),
        expected
    );
}

#[test]
fn a_redirect_in_manual_mode_names_its_target_too() {
    let next = "http://127.0.0.1:41783/c/hop1";
    let failed = fail(
        CheckId::AllowOriginMissing,
        Stage::Redirect,
        &[
            (Key::Url, DATA),
            (Key::Status, "302"),
            (Key::Location, next),
            (Key::SentOrigin, PAGE),
        ],
    );
    let manual = safari(RequestMode::Cors, RedirectMode::Manual);
    assert_eq!(
        lines(&manual, &[cross(), failed], Outcome::Blocked)[0],
        format!(
            "Cross-origin redirection to {next} denied by Cross-Origin Resource Sharing policy: Origin {PAGE} is not \
             allowed by Access-Control-Allow-Origin. Status code: 302"
        )
    );
}

#[test]
fn a_same_origin_redirect_to_a_blob_of_the_page_takes_the_new_url_first() {
    let page_url = "http://127.0.0.1:41783/c/r";
    let blob = "blob:http://127.0.0.1:41783/0b2c3d4e-0000-4000-8000-000000000000";
    let failed = fail(
        CheckId::RedirectScheme,
        Stage::Redirect,
        &[
            (Key::Url, page_url),
            (Key::Location, blob),
            (Key::Scheme, "blob"),
        ],
    );
    assert_eq!(
        lines(&cors(), &[failed], Outcome::Blocked),
        [
            "Redirection to URL with a scheme that is not HTTP(S).".to_owned(),
            format!("Fetch API cannot load {blob} due to access control checks."),
        ]
    );
}

#[test]
fn a_same_origin_request_may_not_load_a_blob_of_another_origin() {
    let page_url = "http://127.0.0.1:41783/c/r";
    let blob = "blob:http://api.example/0b2c3d4e-0000-4000-8000-000000000000";
    let failed = fail(
        CheckId::RedirectScheme,
        Stage::Redirect,
        &[
            (Key::Url, page_url),
            (Key::Location, blob),
            (Key::Scheme, "blob"),
        ],
    );
    assert_eq!(
        lines(&cors(), &[failed], Outcome::Blocked),
        [
            format!("Not allowed to load local resource: {blob}"),
            format!("Fetch API cannot load {page_url} due to access control checks."),
        ]
    );
}

#[test]
fn ftp_is_disabled_and_file_is_a_local_resource() {
    let page_url = "http://127.0.0.1:41783/c/r";
    let to = |location: &str, scheme: &str| {
        let failed = fail(
            CheckId::RedirectScheme,
            Stage::Redirect,
            &[
                (Key::Url, page_url),
                (Key::Location, location),
                (Key::Scheme, scheme),
            ],
        );
        lines(&cors(), &[failed], Outcome::Blocked)[0].clone()
    };
    assert_eq!(to("ftp://api.example/file", "ftp"), "FTP URLs are disabled");
    assert_eq!(
        to("file:///etc/hosts", "file"),
        "Not allowed to load local resource: file:///etc/hosts"
    );
}

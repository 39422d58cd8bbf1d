//! Builders for the renderer unit tests.

use super::RenderContext;
use crate::browser::Browser;
use crate::scenario::{Api, CredentialsMode, RedirectMode, RequestMode};
use crate::trace::{CheckId, Key, Stage, StepOutcome, TraceStep};

/// The page and API of `docs/reference/browser-messages.md` §4.
pub(crate) const PAGE: &str = "http://localhost:3000";
pub(crate) const API: &str = "https://api.example.com/data";

/// A context for `browser` and `api` fetching [`API`] from [`PAGE`].
pub(crate) fn ctx(browser: Browser, api: Api) -> RenderContext<'static> {
    RenderContext {
        browser,
        api,
        page_origin: PAGE,
        initial_url: API,
        final_url: API,
        method: "GET",
        credentials: CredentialsMode::SameOrigin,
        mode: RequestMode::Cors,
        redirect: RedirectMode::Follow,
    }
}

/// A trace step.
pub(crate) fn step(
    check: CheckId,
    stage: Stage,
    outcome: StepOutcome,
    values: &[(Key, &str)],
) -> TraceStep {
    TraceStep {
        check,
        stage,
        outcome,
        values: values.iter().map(|(k, v)| (*k, (*v).to_owned())).collect(),
    }
}

/// A failed step.
pub(crate) fn fail(check: CheckId, stage: Stage, values: &[(Key, &str)]) -> TraceStep {
    step(check, stage, StepOutcome::Fail, values)
}

/// The `same-origin` step of a cross-origin request from [`PAGE`] to [`API`].
pub(crate) fn cross_origin() -> TraceStep {
    step(
        CheckId::SameOrigin,
        Stage::Request,
        StepOutcome::Info,
        &[
            (Key::PageOrigin, PAGE),
            (Key::UrlOrigin, "https://api.example.com"),
            (Key::Url, API),
            (Key::Differs, "scheme,host,port"),
        ],
    )
}

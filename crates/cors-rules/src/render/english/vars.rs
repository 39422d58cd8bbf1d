//! The placeholder values of the English templates: the step's recorded values by key name, then
//! computed explanations, then fallbacks from the render context.

use super::hints;
use crate::render::values::{key_name, val};
use crate::render::RenderContext;
use crate::scenario::CredentialsMode;
use crate::trace::{Key, Stage, TraceStep};

/// Builds the named values for one step. Recorded values come first, so they win over fallbacks.
pub(super) fn build(ctx: &RenderContext, step: &TraceStep) -> Vec<(String, String)> {
    let mut vars: Vec<(String, String)> = step
        .values
        .iter()
        .map(|(key, value)| (key_name(*key), value.clone()))
        .collect();
    let computed = [
        ("check", step.check.id().to_owned()),
        ("answer", answer(step.stage).to_owned()),
        ("hint", hints::hint(ctx, step)),
        ("reason-text", hints::reason_text(step).to_owned()),
        ("differs-text", hints::differs_text(val(step, Key::Differs))),
        (
            "error-text",
            hints::network_error(val(step, Key::ErrorKind)).0.to_owned(),
        ),
        (
            "error-detail",
            hints::network_error(val(step, Key::ErrorKind)).1.to_owned(),
        ),
        ("preflight-why", hints::preflight_why(step)),
        ("status-note", hints::status_note(val(step, Key::Status))),
        (
            "credentials-text",
            credentials_text(ctx.credentials).to_owned(),
        ),
        ("allowed-text", allowed_text(val(step, Key::Allowed))),
        ("max-age-text", hints::max_age_text(step)),
        (
            "tainting-text",
            hints::tainting_text(val(step, Key::Value)).to_owned(),
        ),
        ("origin", ctx.page_origin.to_owned()),
        ("page-origin", ctx.page_origin.to_owned()),
        ("sent-origin", ctx.page_origin.to_owned()),
        ("url", ctx.final_url.to_owned()),
        ("method", ctx.method.to_owned()),
        (
            "credentials-mode",
            credentials_id(ctx.credentials).to_owned(),
        ),
    ];
    vars.extend(
        computed
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value)),
    );
    vars
}

/// Which response a stage's CORS check reads.
fn answer(stage: Stage) -> &'static str {
    match stage {
        Stage::Preflight => "preflight response",
        Stage::Redirect => "redirect response",
        Stage::Request | Stage::Response => "response",
    }
}

fn credentials_text(mode: CredentialsMode) -> &'static str {
    match mode {
        CredentialsMode::Include => "cookies and HTTP authentication are included",
        CredentialsMode::SameOrigin => "cookies are sent only to the page's own origin",
        CredentialsMode::Omit => "no cookies are sent",
    }
}

fn credentials_id(mode: CredentialsMode) -> &'static str {
    match mode {
        CredentialsMode::Include => "include",
        CredentialsMode::SameOrigin => "same-origin",
        CredentialsMode::Omit => "omit",
    }
}

fn allowed_text(allowed: &str) -> String {
    if allowed.trim().is_empty() {
        "the header is missing or empty".to_owned()
    } else {
        format!("it lists `{allowed}`")
    }
}

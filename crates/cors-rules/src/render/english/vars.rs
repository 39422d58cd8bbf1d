//! The placeholder values of the English templates: the step's recorded values by key name, then
//! computed explanations, then fallbacks from the render context.
//!
//! Values are written straight into the text being rendered, and a computed one only when its
//! placeholder occurs in the template.

use super::hints;
use crate::render::values::val;
use crate::render::RenderContext;
use crate::scenario::CredentialsMode;
use crate::trace::{Key, Stage, TraceStep};

/// Appends the value of the placeholder `name` for `step` to `out`. A recorded value wins over a
/// computed one or a fallback of the same name; an unknown name writes nothing.
pub(super) fn write(ctx: &RenderContext, step: &TraceStep, name: &str, out: &mut String) {
    if let Some((_, value)) = step.values.iter().find(|(key, _)| key.id() == name) {
        out.push_str(value);
        return;
    }
    match name {
        "check" => out.push_str(step.check.id()),
        "answer" => out.push_str(answer(step.stage)),
        "hint" => hints::hint(ctx, step, out),
        "reason-text" => out.push_str(hints::reason_text(step)),
        "differs-text" => hints::differs_text(val(step, Key::Differs), out),
        "error-text" => out.push_str(hints::network_error(val(step, Key::ErrorKind)).0),
        "error-detail" => out.push_str(hints::network_error(val(step, Key::ErrorKind)).1),
        "preflight-why" => hints::preflight_why(step, out),
        "status-note" => hints::status_note(val(step, Key::Status), out),
        "credentials-text" => out.push_str(credentials_text(ctx.credentials)),
        "allowed-text" => allowed_text(val(step, Key::Allowed), out),
        "max-age-text" => hints::max_age_text(step, out),
        "tainting-text" => out.push_str(hints::tainting_text(val(step, Key::Value))),
        "origin" | "page-origin" | "sent-origin" => out.push_str(ctx.page_origin),
        "url" => out.push_str(ctx.final_url),
        "method" => out.push_str(ctx.method),
        "credentials-mode" => out.push_str(credentials_id(ctx.credentials)),
        _ => {}
    }
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

fn allowed_text(allowed: &str, out: &mut String) {
    if allowed.trim().is_empty() {
        out.push_str("the header is missing or empty");
    } else {
        out.push_str("it lists `");
        out.push_str(allowed);
        out.push('`');
    }
}

//! The `spec` profile's console: the Fetch standard prints nothing, so this profile prints one neutral
//! line naming the failed check and explaining it in English, for readers comparing with a browser.

use crate::render::english;
use crate::render::RenderContext;
use crate::trace::TraceStep;

/// One line: `Network error (<check id>): <English summary>`.
pub(super) fn failure(ctx: &RenderContext, step: &TraceStep) -> Vec<String> {
    let summary = english::step(ctx, step).summary;
    vec![format!("Network error ({}): {summary}", step.check.id())]
}

//! Fixes: the smallest server-side (or request-side) changes that make a blocked request work.

use crate::render::RenderContext;
use crate::scenario::Scenario;
use crate::trace::TraceStep;
use crate::verdict::{Fix, Note};

/// The fixes that make the request work, and notes about the configuration.
#[must_use]
pub fn fixes(
    scenario: &Scenario,
    ctx: &RenderContext,
    trace: &[TraceStep],
) -> (Vec<Fix>, Vec<Note>) {
    let _ = (scenario, ctx, trace);
    (Vec::new(), Vec::new())
}

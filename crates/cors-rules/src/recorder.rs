//! Records the trace: the checks the browser makes, in its order, as data.

use crate::trace::{CheckId, Key, Stage, StepOutcome, TraceStep};

/// The trace being built. A failed fetch ends with exactly one `Fail` step, its last.
#[derive(Debug)]
pub(crate) struct Recorder {
    pub(crate) steps: Vec<TraceStep>,
}

impl Default for Recorder {
    /// Room for a typical preflighted request's trace, so it is allocated once.
    fn default() -> Self {
        Recorder {
            steps: Vec::with_capacity(24),
        }
    }
}

impl Recorder {
    /// Records a step.
    pub(crate) fn record(
        &mut self,
        check: CheckId,
        stage: Stage,
        outcome: StepOutcome,
        values: Vec<(Key, String)>,
    ) {
        self.steps.push(TraceStep {
            check,
            stage,
            outcome,
            values,
        });
    }

    /// Records a passed check.
    pub(crate) fn pass(&mut self, check: CheckId, stage: Stage, values: Vec<(Key, String)>) {
        self.record(check, stage, StepOutcome::Pass, values);
    }

    /// Records a fact.
    pub(crate) fn info(&mut self, check: CheckId, stage: Stage, values: Vec<(Key, String)>) {
        self.record(check, stage, StepOutcome::Info, values);
    }

    /// Records the failed check that ends the fetch.
    pub(crate) fn fail(&mut self, check: CheckId, stage: Stage, values: Vec<(Key, String)>) {
        self.record(check, stage, StepOutcome::Fail, values);
    }
}

/// Shorthand for a `(Key, String)` value.
pub(crate) fn kv(key: Key, value: impl Into<String>) -> (Key, String) {
    (key, value.into())
}

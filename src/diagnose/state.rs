//! What the paste box holds (the text, its kind, the person's values for what the message does not
//! say) and how a read becomes the app's scenario.

use cors_diagnose::analyse::{analyse_edited, Analysis};
use cors_diagnose::assumption::{AssumedField, Edit};
use cors_diagnose::parse::{detect, InputKind};
use cors_rules::Scenario;
use leptos::prelude::*;

use crate::ctx::Ctx;

/// The kinds offered in the "It is" menu: an id and its label.
pub const KINDS: [(&str, &str); 5] = [
    ("auto", "Detect automatically"),
    ("console", "Console message"),
    ("headers", "Response headers (DevTools, curl -i)"),
    ("curl", "curl -v output"),
    ("har", "HAR file"),
];

/// The kind an id of [`KINDS`] stands for; `auto` detects it from the text.
#[must_use]
pub fn kind_of(id: &str, text: &str) -> InputKind {
    match id {
        "console" => InputKind::Console,
        "headers" => InputKind::ResponseHeaders,
        "curl" => InputKind::CurlVerbose,
        "har" => InputKind::Har,
        _ => detect(text),
    }
}

/// The paste box's state. The scenario a read produces is written into the app's one scenario signal
/// ([`Ctx::scenario`]); the explanation, fix and review read it from there.
#[derive(Clone, Copy)]
pub struct PasteState {
    /// The pasted text.
    pub text: RwSignal<String>,
    /// The chosen kind id (see [`KINDS`]).
    pub kind: RwSignal<String>,
    /// The person's values for assumed fields.
    pub edits: RwSignal<Vec<Edit>>,
    /// What the last read found (`None` before anything is pasted).
    pub analysis: RwSignal<Option<Analysis>>,
    /// The scenario a capture paste (headers, curl, HAR) completes: the app's scenario when pasting began.
    base: StoredValue<Option<Scenario>>,
    /// The app's state.
    ctx: Ctx,
}

impl PasteState {
    /// Empty state (call inside a component: it reads the app's context).
    #[must_use]
    pub fn new() -> PasteState {
        PasteState {
            text: RwSignal::new(String::new()),
            kind: RwSignal::new("auto".to_owned()),
            edits: RwSignal::new(Vec::new()),
            analysis: RwSignal::new(None),
            base: StoredValue::new(None),
            ctx: Ctx::get(),
        }
    }

    /// New text typed or pasted: the person's earlier values belong to the earlier text.
    pub fn set_text(self, text: String) {
        let ctx = self.ctx;
        if self.text.with_untracked(|t| t.trim().is_empty()) {
            self.base.set_value(Some(ctx.scenario.get_untracked()));
        }
        self.text.set(text);
        self.edits.set(Vec::new());
        self.read();
    }

    /// The person's value for an assumed field; the paste is read again with it.
    pub fn set_assumed(self, field: AssumedField, value: String) {
        self.edits.update(|edits| {
            edits.retain(|e| e.field != field);
            edits.push(Edit { field, value });
        });
        self.read();
    }

    /// Reads the paste (with the person's values) and makes the scenario it shows the app's scenario.
    pub fn read(self) {
        let ctx = self.ctx;
        let text = self.text.get_untracked();
        if text.trim().is_empty() {
            self.analysis.set(None);
            return;
        }
        let kind = kind_of(&self.kind.get_untracked(), &text);
        let base = self
            .base
            .get_value()
            .unwrap_or_else(|| ctx.scenario.get_untracked());
        let edits = self.edits.get_untracked();
        let analysis = analyse_edited(kind, &text, Some(&base), None, &edits);
        if let Some(scenario) = &analysis.scenario {
            if ctx.scenario.with_untracked(|s| s != scenario) {
                ctx.scenario.set(scenario.clone());
            }
            ctx.link_problem.set(None);
        }
        self.analysis.set(Some(analysis));
    }

    /// Whether the last read produced a scenario.
    #[must_use]
    pub fn has_scenario(self) -> bool {
        self.analysis
            .with(|a| a.as_ref().is_some_and(|a| a.scenario.is_some()))
    }

    /// Whether the app's scenario is still the one the last read produced (not changed since by the
    /// wizard, a gallery case or a fix applied).
    #[must_use]
    pub fn is_current(self) -> bool {
        let ctx = self.ctx;
        self.analysis.with(|a| {
            a.as_ref()
                .and_then(|a| a.scenario.as_ref())
                .is_some_and(|pasted| ctx.scenario.with(|s| s == pasted))
        })
    }
}

impl Default for PasteState {
    fn default() -> PasteState {
        PasteState::new()
    }
}

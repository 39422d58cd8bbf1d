//! The app's state: one scenario signal, one navigation signal, and the engine's evaluation as memos.
//!
//! Components read these and call [`Ctx::edit`]; they never compute a CORS judgement themselves.

use cors_rules::{Browser, InputError, Outcome, Scenario, Verdict};
use leptos::prelude::*;

use crate::host_names;
use crate::share::{Layout, Link, Theme};
use crate::wizard::{Nav, View, WizardStep};

/// The engine's answer for the current scenario.
pub type Evaluation = Result<Verdict, InputError>;

/// Everything components share, provided as context by the app root.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The scenario being explained: the single source of truth.
    pub scenario: RwSignal<Scenario>,
    /// Which step and view are shown.
    pub nav: RwSignal<Nav>,
    /// Site or embedded widget (fixed at load).
    pub layout: Layout,
    /// Forced theme, if any (fixed at load).
    pub theme: Theme,
    /// The friendly message for a link that could not be opened.
    pub link_problem: RwSignal<Option<String>>,
    /// The guided tour: closed, offered, or at one of its cases.
    pub tour: RwSignal<Tour>,
    /// The engine's verdict for the scenario's browser, evaluated once per edit (with its host names
    /// in ASCII form, [`host_names::in_ascii`]).
    pub verdict: Memo<Evaluation>,
    /// Each real browser's outcome (the console tabs' badges), read only while the tabs are shown: the
    /// scenario's own browser from [`Ctx::verdict`], the others decided without words or fixes
    /// (`cors_rules::decide`), so an edit costs one evaluation.
    pub outcomes: Memo<Vec<(Browser, Option<Outcome>)>>,
}

/// Where the guided first visit stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tour {
    /// Not shown.
    Closed,
    /// Offered to a first-time visitor.
    Invited,
    /// Showing the tour's case at this index.
    Case(usize),
}

/// The browsers that get a console tab.
pub const TAB_BROWSERS: [Browser; 3] = [Browser::Chrome, Browser::Firefox, Browser::Safari];

impl Ctx {
    /// Creates the signals and memos for a link's state.
    #[must_use]
    pub fn new(link: Link, link_problem: Option<String>) -> Ctx {
        let scenario = RwSignal::new(link.scenario);
        let evaluate = |s: &Scenario| cors_rules::evaluate(&host_names::in_ascii(s));
        let verdict = Memo::new(move |_| scenario.with(evaluate));
        let outcomes = Memo::new(move |_| {
            scenario.with(|s| {
                TAB_BROWSERS
                    .iter()
                    .map(|&browser| {
                        let outcome = if browser == s.browser {
                            verdict.with_untracked(|v| v.as_ref().ok().map(|v| v.outcome))
                        } else {
                            let other = Scenario {
                                browser,
                                ..s.clone()
                            };
                            cors_rules::decide(&host_names::in_ascii(&other))
                                .ok()
                                .map(|d| d.outcome)
                        };
                        (browser, outcome)
                    })
                    .collect()
            })
        });
        Ctx {
            scenario,
            nav: RwSignal::new(link.nav),
            layout: link.layout,
            theme: link.theme,
            link_problem: RwSignal::new(link_problem),
            tour: RwSignal::new(Tour::Closed),
            verdict,
            outcomes,
        }
    }

    /// The context provided by the app root.
    #[must_use]
    pub fn get() -> Ctx {
        expect_context::<Ctx>()
    }

    /// Changes the scenario (one history entry is replaced, not added).
    pub fn edit(&self, change: impl FnOnce(&mut Scenario)) {
        self.scenario.update(change);
    }

    /// Opens `scenario` on the result step (staying in the expert view when it is shown), clearing a
    /// link problem: how a gallery case or a diagnosed paste opens.
    pub fn show_result_of(&self, scenario: Scenario) {
        self.scenario.set(scenario);
        self.link_problem.set(None);
        self.nav.update(|n| {
            *n = Nav {
                step: WizardStep::Result,
                view: if n.view == View::Expert {
                    View::Expert
                } else {
                    View::Wizard
                },
            }
        });
    }

    /// The link state right now.
    #[must_use]
    pub fn link(&self) -> Link {
        Link {
            scenario: self.scenario.get(),
            nav: self.nav.get(),
            layout: self.layout,
            theme: self.theme,
        }
    }

    /// The engine's input problem for the input at `path`, if the error is about it or something inside it.
    #[must_use]
    pub fn error_at(&self, path: &str) -> Option<String> {
        self.verdict.with(|v| match v {
            Err(err) if field_is_within(&err.field, path) => Some(err.problem.clone()),
            _ => None,
        })
    }
}

/// Whether the error field `field` is `path` itself or lies inside it (`path[…]`, `path.…`).
#[must_use]
pub fn field_is_within(field: &str, path: &str) -> bool {
    field
        .strip_prefix(path)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('[') || rest.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::field_is_within;

    #[test]
    fn an_error_belongs_to_its_own_input_and_to_the_inputs_around_it() {
        assert!(field_is_within(
            "request.headers[1][0]",
            "request.headers[1][0]"
        ));
        assert!(field_is_within("request.headers[1][0]", "request.headers"));
        assert!(!field_is_within(
            "request.headers[1][0]",
            "request.headers[1][1]"
        ));
        assert!(!field_is_within("request.url", "request.u"));
        assert!(!field_is_within("server", "server[0].response.status"));
    }
}

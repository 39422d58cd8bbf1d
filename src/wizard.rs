//! Wizard navigation as a plain type: which step is shown, in which view, and where "next" and "back" go.
//!
//! No signals and no DOM here, so the rules are unit-tested natively.

/// One screen of the wizard, in the order a newcomer walks them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WizardStep {
    /// 1. Which page runs the script.
    #[default]
    Origin,
    /// 2. Which URL the script fetches.
    Target,
    /// 3. Which method.
    Method,
    /// 4. Which request headers.
    Headers,
    /// 5. Credentials, mode, redirect mode, API.
    Options,
    /// 6. How the server answers.
    Server,
    /// 7. The verdict.
    Result,
}

impl WizardStep {
    /// Every step, in order.
    pub const ALL: [WizardStep; 7] = [
        WizardStep::Origin,
        WizardStep::Target,
        WizardStep::Method,
        WizardStep::Headers,
        WizardStep::Options,
        WizardStep::Server,
        WizardStep::Result,
    ];

    /// The 1-based number shown to people and written in links (`step=4`).
    #[must_use]
    pub fn number(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    /// The step with this 1-based number.
    #[must_use]
    pub fn from_number(number: usize) -> Option<WizardStep> {
        number
            .checked_sub(1)
            .and_then(|i| Self::ALL.get(i).copied())
    }

    /// The following step, if any.
    #[must_use]
    pub fn next(self) -> Option<WizardStep> {
        Self::from_number(self.number() + 1)
    }

    /// The previous step, if any.
    #[must_use]
    pub fn previous(self) -> Option<WizardStep> {
        Self::from_number(self.number() - 1)
    }

    /// A short name for the step list.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            WizardStep::Origin => "Page",
            WizardStep::Target => "Target URL",
            WizardStep::Method => "Method",
            WizardStep::Headers => "Headers",
            WizardStep::Options => "Credentials & mode",
            WizardStep::Server => "Server answer",
            WizardStep::Result => "Result",
        }
    }

    /// The question the step asks, in plain words.
    #[must_use]
    pub fn question(self) -> &'static str {
        match self {
            WizardStep::Origin => "Where does the page that runs your script come from?",
            WizardStep::Target => "Which URL does the script fetch?",
            WizardStep::Method => "Which HTTP method does the script use?",
            WizardStep::Headers => "Which headers does the script set?",
            WizardStep::Options => "Does the request carry cookies, and how is it made?",
            WizardStep::Server => "How does the server answer?",
            WizardStep::Result => "What does the browser do?",
        }
    }

    /// Which step holds the input for a scenario field path such as `request.headers[1][0]`
    /// (the `field` of an engine `InputError`). Unknown paths belong to no step.
    #[must_use]
    pub fn for_field(field: &str) -> Option<WizardStep> {
        let step = if field == "page" || field == "browser" {
            WizardStep::Origin
        } else if field.starts_with("request.url") {
            WizardStep::Target
        } else if field.starts_with("request.method") {
            WizardStep::Method
        } else if field.starts_with("request.headers") {
            WizardStep::Headers
        } else if field.starts_with("request.") {
            WizardStep::Options
        } else if field.starts_with("server") {
            WizardStep::Server
        } else {
            return None;
        };
        Some(step)
    }
}

/// How the app lays the scenario out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// One question per screen.
    #[default]
    Wizard,
    /// The whole form and the result side by side.
    Expert,
}

impl View {
    /// The id written in links (`view=expert`).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            View::Wizard => "wizard",
            View::Expert => "expert",
        }
    }

    /// The view named by a link's `view=` value.
    #[must_use]
    pub fn from_id(id: &str) -> Option<View> {
        match id {
            "wizard" => Some(View::Wizard),
            "expert" => Some(View::Expert),
            _ => None,
        }
    }
}

/// Where the person is: the step and the view. Changes to it are history entries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Nav {
    /// The step shown in the wizard view.
    pub step: WizardStep,
    /// Wizard or expert view.
    pub view: View,
}

impl Nav {
    /// Moves to the next step; stays on the last one.
    pub fn forward(&mut self) {
        if let Some(next) = self.step.next() {
            self.step = next;
        }
    }

    /// Moves to the previous step; stays on the first one.
    pub fn back(&mut self) {
        if let Some(previous) = self.step.previous() {
            self.step = previous;
        }
    }

    /// Jumps to a step, in the wizard view (the expert view shows every step at once).
    pub fn go_to(&mut self, step: WizardStep) {
        self.step = step;
        self.view = View::Wizard;
    }

    /// Whether a "next" button makes sense.
    #[must_use]
    pub fn has_next(self) -> bool {
        self.step.next().is_some()
    }

    /// Whether a "back" button makes sense.
    #[must_use]
    pub fn has_previous(self) -> bool {
        self.step.previous().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_numbered_from_one_to_seven_in_order() {
        let numbers: Vec<usize> = WizardStep::ALL.iter().map(|s| s.number()).collect();
        assert_eq!(numbers, vec![1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(WizardStep::from_number(4), Some(WizardStep::Headers));
    }

    #[test]
    fn step_numbers_outside_one_to_seven_name_no_step() {
        assert_eq!(WizardStep::from_number(0), None);
        assert_eq!(WizardStep::from_number(8), None);
        assert_eq!(WizardStep::from_number(usize::MAX), None);
    }

    #[test]
    fn forward_from_the_result_stays_on_the_result() {
        let mut nav = Nav {
            step: WizardStep::Result,
            view: View::Wizard,
        };
        nav.forward();
        assert_eq!(nav.step, WizardStep::Result);
        assert!(!nav.has_next());
    }

    #[test]
    fn back_from_the_first_step_stays_on_it() {
        let mut nav = Nav::default();
        nav.back();
        assert_eq!(nav.step, WizardStep::Origin);
        assert!(!nav.has_previous());
    }

    #[test]
    fn forward_then_back_returns_to_the_same_step() {
        let mut nav = Nav {
            step: WizardStep::Method,
            view: View::Wizard,
        };
        nav.forward();
        assert_eq!(nav.step, WizardStep::Headers);
        nav.back();
        assert_eq!(nav.step, WizardStep::Method);
    }

    #[test]
    fn jumping_to_a_step_leaves_the_expert_view() {
        let mut nav = Nav {
            step: WizardStep::Result,
            view: View::Expert,
        };
        nav.go_to(WizardStep::Headers);
        assert_eq!(
            nav,
            Nav {
                step: WizardStep::Headers,
                view: View::Wizard
            }
        );
    }

    #[test]
    fn input_error_fields_map_to_the_step_holding_the_input() {
        assert_eq!(WizardStep::for_field("page"), Some(WizardStep::Origin));
        assert_eq!(
            WizardStep::for_field("request.url"),
            Some(WizardStep::Target)
        );
        assert_eq!(
            WizardStep::for_field("request.method"),
            Some(WizardStep::Method)
        );
        assert_eq!(
            WizardStep::for_field("request.headers[1][0]"),
            Some(WizardStep::Headers)
        );
        assert_eq!(
            WizardStep::for_field("request.credentials"),
            Some(WizardStep::Options)
        );
        assert_eq!(
            WizardStep::for_field("server[0].response.status"),
            Some(WizardStep::Server)
        );
        assert_eq!(WizardStep::for_field(""), None);
    }

    #[test]
    fn view_ids_round_trip_and_unknown_ids_are_refused() {
        for view in [View::Wizard, View::Expert] {
            assert_eq!(View::from_id(view.id()), Some(view));
        }
        assert_eq!(View::from_id("EXPERT"), None);
    }
}

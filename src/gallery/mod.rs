//! The gallery: real-world CORS failures, one click each.
//!
//! Each case is a docs/reference/scenario-format.md JSON file beside this module (other crates' tests replay them), a row
//! here saying what the engine must conclude for the Chrome profile (checked by this module's tests),
//! and a card in [`cards`]: its title, the symptom as the person sees it, and the cause.

pub mod cards;

use cors_rules::{CheckId, InputError, Scenario};

/// What the Chrome profile must conclude for a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// The script reads the response.
    Allowed,
    /// `no-cors`: an opaque response.
    Opaque,
    /// Blocked by one of these checks.
    Blocked(&'static [CheckId]),
}

/// One gallery case.
#[derive(Clone, Copy, Debug)]
pub struct Case {
    /// Stable id: the file name without `.json`, and the `case=` link value.
    pub id: &'static str,
    /// The scenario file.
    pub json: &'static str,
    /// The expected conclusion (Chrome profile).
    pub expect: Expect,
}

impl Case {
    /// The case's scenario.
    ///
    /// # Errors
    /// An [`InputError`] if the file does not follow docs/reference/scenario-format.md (a test guards against it).
    pub fn scenario(&self) -> Result<Scenario, InputError> {
        Scenario::from_json(self.json)
    }
}

/// The case with this id.
#[must_use]
pub fn find(id: &str) -> Option<&'static Case> {
    CASES.iter().find(|case| case.id == id)
}

/// The three cases the guided first visit walks through, in order: id and card title (the title is
/// repeated here because the cards are not part of the first load; a test keeps the two equal).
pub const TOUR: [(&str, &str); 3] = [
    ("simple-get", "A simple GET that works"),
    (
        "wildcard-with-credentials",
        "Access-Control-Allow-Origin: * with cookies",
    ),
    ("put-needs-preflight", "GET works but PUT is blocked"),
];

macro_rules! case {
    ($id:literal, $expect:expr) => {
        Case {
            id: $id,
            json: include_str!(concat!($id, ".json")),
            expect: $expect,
        }
    };
}

/// Every case, in gallery order (the cards in [`cards::CARDS`] follow the same order).
pub static CASES: &[Case] = &[
    case!("simple-get", Expect::Allowed),
    case!("credentials-allowed", Expect::Allowed),
    case!(
        "put-needs-preflight",
        Expect::Blocked(&[CheckId::MethodAllowed])
    ),
    case!(
        "preflight-405",
        Expect::Blocked(&[
            CheckId::PreflightAllowOriginMissing,
            CheckId::PreflightOkStatus
        ])
    ),
    case!(
        "preflight-401",
        Expect::Blocked(&[CheckId::PreflightOkStatus])
    ),
    case!(
        "error-without-cors-headers",
        Expect::Blocked(&[CheckId::AllowOriginMissing])
    ),
    case!(
        "wildcard-with-credentials",
        Expect::Blocked(&[CheckId::AllowOriginWildcard])
    ),
    case!(
        "trailing-slash",
        Expect::Blocked(&[CheckId::AllowOriginMismatch])
    ),
    case!(
        "http-vs-https",
        Expect::Blocked(&[CheckId::AllowOriginMismatch])
    ),
    case!(
        "port-mismatch",
        Expect::Blocked(&[CheckId::AllowOriginMismatch])
    ),
    case!(
        "authorization-not-allowed",
        Expect::Blocked(&[CheckId::HeaderAllowed, CheckId::AuthorizationAllowed])
    ),
    case!(
        "custom-header-not-allowed",
        Expect::Blocked(&[CheckId::HeaderAllowed])
    ),
    case!(
        "lowercase-patch",
        Expect::Blocked(&[CheckId::MethodAllowed])
    ),
    case!(
        "json-content-type",
        Expect::Blocked(&[CheckId::HeaderAllowed])
    ),
    case!("no-cors-opaque", Expect::Opaque),
    case!(
        "preflight-redirect",
        Expect::Blocked(&[CheckId::PreflightRedirect])
    ),
    case!(
        "two-allow-origin-values",
        Expect::Blocked(&[CheckId::AllowOriginMultiple])
    ),
    case!(
        "sandboxed-null-origin",
        Expect::Blocked(&[CheckId::AllowOriginMismatch])
    ),
    case!(
        "redirect-to-other-origin",
        Expect::Blocked(&[CheckId::AllowOriginMismatch])
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_file_is_a_valid_scenario() {
        for case in CASES {
            assert!(
                case.scenario().is_ok(),
                "{}: {:?}",
                case.id,
                case.scenario()
            );
        }
    }

    #[test]
    fn the_gallery_holds_at_least_fifteen_failures() {
        let failures = CASES
            .iter()
            .filter(|c| matches!(c.expect, Expect::Blocked(_) | Expect::Opaque))
            .count();
        assert!(failures >= 15, "{failures}");
    }

    #[test]
    fn the_engine_reaches_each_case_s_expected_conclusion_for_chrome() {
        use cors_rules::Outcome;
        for case in CASES {
            let verdict = case.scenario().and_then(|s| cors_rules::evaluate(&s));
            let verdict = verdict.unwrap_or_else(|e| panic!("{}: {e}", case.id));
            let failing = verdict.failure.as_ref().map(|f| f.check);
            let ok = match case.expect {
                Expect::Allowed => verdict.outcome == Outcome::Allowed,
                Expect::Opaque => verdict.outcome == Outcome::Opaque,
                Expect::Blocked(checks) => {
                    verdict.outcome == Outcome::Blocked
                        && failing.is_some_and(|f| checks.contains(&f))
                }
            };
            assert!(
                ok,
                "{}: expected {:?}, got {:?} at {failing:?}",
                case.id, case.expect, verdict.outcome
            );
        }
    }

    #[test]
    fn case_ids_are_unique_and_the_tour_cases_exist() {
        let mut ids: Vec<&str> = CASES.iter().map(|c| c.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), CASES.len());
        assert!(TOUR.iter().all(|(id, _)| find(id).is_some()));
    }
}

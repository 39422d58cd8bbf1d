//! What the browser made of the script's request, typed: how it treats each header the script set,
//! and whether (and why) the request needs a preflight. A verdict carries these so that a program
//! showing them (the web app's header rows, say) reads enums and lists, never the trace's text.

use crate::forbidden::ForbiddenReason;
use crate::request::HeaderPart;
use crate::safelist::NotSafelisted;
use crate::trace::{CheckId, Key, StepOutcome, TraceStep};

/// How the browser treats one header the script set
/// (<https://fetch.spec.whatwg.org/#cors-safelisted-request-header>,
/// <https://fetch.spec.whatwg.org/#forbidden-request-header>).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderTreatment {
    /// CORS-safelisted: it needs no preflight.
    Safelisted,
    /// Not safelisted, so the request needs a preflight that allows it.
    NeedsPreflight(NotSafelisted),
    /// A forbidden request header: the browser drops it without an error.
    Forbidden(ForbiddenReason),
    /// Dropped because the request is `no-cors` and it is not no-CORS-safelisted.
    DroppedByNoCors(NotSafelisted),
    /// Not a valid header: the script's call throws.
    Invalid(HeaderPart),
}

/// One header the script set, and what the browser does with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestHeader {
    /// The name, as the engine recorded it.
    pub name: String,
    /// The value, as the engine recorded it (empty for an invalid header).
    pub value: String,
    /// What the browser does with it.
    pub treatment: HeaderTreatment,
}

/// Why a request needs a CORS preflight
/// (<https://fetch.spec.whatwg.org/#cors-preflight-fetch>, main fetch step "use-CORS-preflight flag").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreflightReason {
    /// The method is not a CORS-safelisted method (GET, HEAD, POST).
    Method,
    /// A header the script set is not CORS-safelisted.
    Headers,
    /// The use-CORS-preflight flag is set (upload listeners, a streamed body).
    Flag,
    /// The browser keeps preflighting every hop after a redirect once the first request needed one.
    Redirect,
}

impl PreflightReason {
    /// Every reason, in the order the engine records them.
    pub const ALL: [PreflightReason; 4] = [
        PreflightReason::Method,
        PreflightReason::Headers,
        PreflightReason::Flag,
        PreflightReason::Redirect,
    ];

    /// The reason code recorded in the trace.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            PreflightReason::Method => "method",
            PreflightReason::Headers => "headers",
            PreflightReason::Flag => "flag",
            PreflightReason::Redirect => "redirect",
        }
    }
}

/// Whether the first request needs a preflight, and why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PreflightNeed {
    /// The method as the browser sends it (normalized).
    pub method: String,
    /// The CORS-unsafe request-header names, lower-case, sorted as the preflight lists them.
    pub unsafe_names: Vec<String>,
    /// Why a preflight is needed; empty when none is.
    pub reasons: Vec<PreflightReason>,
}

impl PreflightNeed {
    /// Whether a preflight is needed.
    #[must_use]
    pub fn needed(&self) -> bool {
        !self.reasons.is_empty()
    }

    /// Whether `reason` is one of the reasons.
    #[must_use]
    pub fn because_of(&self, reason: PreflightReason) -> bool {
        self.reasons.contains(&reason)
    }
}

const NOT_SAFELISTED: [NotSafelisted; 9] = [
    NotSafelisted::Name,
    NotSafelisted::ValueTooLong,
    NotSafelisted::UnsafeByte,
    NotSafelisted::MimeType,
    NotSafelisted::MimeTypeStrict,
    NotSafelisted::RangeNumberTooLarge,
    NotSafelisted::LanguageChars,
    NotSafelisted::RangeSyntax,
    NotSafelisted::OverTotal,
];

const FORBIDDEN: [ForbiddenReason; 4] = [
    ForbiddenReason::ForbiddenName,
    ForbiddenReason::ProxyPrefix,
    ForbiddenReason::SecPrefix,
    ForbiddenReason::MethodOverride,
];

/// The reason a trace's code names, if it is a reason a header is not safelisted.
pub(crate) fn not_safelisted_by_id(code: &str) -> Option<NotSafelisted> {
    NOT_SAFELISTED.into_iter().find(|r| r.id() == code)
}

/// The reason a trace's code names, if it is a reason a header is forbidden.
pub(crate) fn forbidden_by_id(code: &str) -> Option<ForbiddenReason> {
    FORBIDDEN.into_iter().find(|r| r.id() == code)
}

/// The comma-separated list a step recorded under `key`, as a list.
fn list(step: &TraceStep, key: Key) -> Vec<String> {
    step.value(key)
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The treatment one header step records, if it is a header step.
fn treatment(step: &TraceStep) -> Option<HeaderTreatment> {
    let reason = step.value(Key::Reason).unwrap_or_default();
    Some(match step.check {
        CheckId::HeaderSyntax => HeaderTreatment::Invalid(if reason == "name" {
            HeaderPart::Name
        } else {
            HeaderPart::Value
        }),
        CheckId::ForbiddenHeader => HeaderTreatment::Forbidden(forbidden_by_id(reason)?),
        CheckId::NoCorsHeader => HeaderTreatment::DroppedByNoCors(not_safelisted_by_id(reason)?),
        CheckId::SafelistedHeader if step.outcome == StepOutcome::Pass || reason.is_empty() => {
            HeaderTreatment::Safelisted
        }
        CheckId::SafelistedHeader => HeaderTreatment::NeedsPreflight(not_safelisted_by_id(reason)?),
        _ => return None,
    })
}

/// Every header step of the trace, typed, in the trace's order (the first step per name and value).
#[must_use]
pub fn request_headers(trace: &[TraceStep]) -> Vec<RequestHeader> {
    let mut headers: Vec<RequestHeader> = Vec::new();
    for step in trace {
        let Some(treatment) = treatment(step) else {
            continue;
        };
        let name = step.value(Key::Header).unwrap_or_default().to_owned();
        let value = step.value(Key::Value).unwrap_or_default().to_owned();
        let seen = headers
            .iter()
            .any(|h| h.name.eq_ignore_ascii_case(&name) && h.value == value);
        if !seen {
            headers.push(RequestHeader {
                name,
                value,
                treatment,
            });
        }
    }
    headers
}

/// The first request's preflight need, from the trace's first `preflight-needed` step.
#[must_use]
pub fn preflight_need(trace: &[TraceStep]) -> Option<PreflightNeed> {
    let step = trace.iter().find(|s| s.check == CheckId::PreflightNeeded)?;
    let codes = list(step, Key::Reason);
    Some(PreflightNeed {
        method: step.value(Key::Method).unwrap_or_default().to_owned(),
        unsafe_names: list(step, Key::Names),
        reasons: PreflightReason::ALL
            .into_iter()
            .filter(|r| codes.iter().any(|c| c == r.id()))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::{HeaderTreatment, PreflightReason};
    use crate::forbidden::ForbiddenReason;
    use crate::safelist::NotSafelisted;
    use crate::{evaluate_json, Verdict};

    fn verdict(headers: &str, method: &str) -> Verdict {
        evaluate_json(&format!(
            r#"{{"page": "https://app.example", "request": {{"url": "https://api.example/x", "method": "{method}",
                "headers": {headers}}},
                "server": [{{"url": "https://api.example/x"}}]}}"#
        ))
        .unwrap()
    }

    #[test]
    fn each_header_is_typed_as_the_engine_treated_it() {
        let v = verdict(
            r#"[["Accept", "text/html"], ["Content-Type", "application/json"], ["Cookie", "a=b"],
                ["X-Trace", "1"], ["Accept-Language", "{bad}"]]"#,
            "GET",
        );
        let treatment = |name: &str| {
            v.request_headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case(name))
                .map(|h| h.treatment)
        };
        assert_eq!(treatment("accept"), Some(HeaderTreatment::Safelisted));
        assert_eq!(
            treatment("content-type"),
            Some(HeaderTreatment::NeedsPreflight(NotSafelisted::MimeType))
        );
        assert_eq!(
            treatment("cookie"),
            Some(HeaderTreatment::Forbidden(ForbiddenReason::ForbiddenName))
        );
        assert_eq!(
            treatment("x-trace"),
            Some(HeaderTreatment::NeedsPreflight(NotSafelisted::Name))
        );
        assert_eq!(
            treatment("accept-language"),
            Some(HeaderTreatment::NeedsPreflight(
                NotSafelisted::LanguageChars
            ))
        );
    }

    #[test]
    fn the_preflight_need_lists_its_reasons_and_names() {
        let v = verdict(r#"[["X-Trace", "1"], ["X-Id", "2"]]"#, "put");
        let need = v.preflight_need.unwrap();
        assert!(need.needed());
        assert_eq!(
            need.reasons,
            vec![PreflightReason::Method, PreflightReason::Headers]
        );
        assert_eq!(need.unsafe_names, vec!["x-id", "x-trace"]);
        assert_eq!(need.method, "PUT", "normalized, as the browser sends it");

        let simple = verdict("[]", "GET").preflight_need.unwrap();
        assert!(!simple.needed());
        assert!(simple.unsafe_names.is_empty());
    }
}

//! Small lookups shared by the renderers: recorded values, key names, status reason phrases.

use crate::trace::{CheckId, Key, Stage, TraceStep};

/// The value recorded under `key`, or `""` when the engine did not record it.
pub(crate) fn val(step: &TraceStep, key: Key) -> &str {
    step.value(key).unwrap_or("")
}

/// The URL a step is about: its `Url` value, else `fallback`.
pub(crate) fn url_or<'a>(step: &'a TraceStep, fallback: &'a str) -> &'a str {
    match step.value(Key::Url) {
        Some(url) if !url.is_empty() => url,
        _ => fallback,
    }
}

/// The standard reason phrase of a status (browsers print the server's phrase; servers send these: the
/// IANA registry as Rust's `http` crate, and so the conformance lab, spells them; `418 I'm a teapot`
/// observed in Chromium 156).
pub(crate) fn reason_phrase(status: &str) -> &'static str {
    match status {
        "100" => "Continue",
        "101" => "Switching Protocols",
        "102" => "Processing",
        "103" => "Early Hints",
        "200" => "OK",
        "201" => "Created",
        "202" => "Accepted",
        "203" => "Non Authoritative Information",
        "204" => "No Content",
        "205" => "Reset Content",
        "206" => "Partial Content",
        "207" => "Multi-Status",
        "208" => "Already Reported",
        "226" => "IM Used",
        "300" => "Multiple Choices",
        "301" => "Moved Permanently",
        "302" => "Found",
        "303" => "See Other",
        "304" => "Not Modified",
        "305" => "Use Proxy",
        "307" => "Temporary Redirect",
        "308" => "Permanent Redirect",
        "400" => "Bad Request",
        "401" => "Unauthorized",
        "402" => "Payment Required",
        "403" => "Forbidden",
        "404" => "Not Found",
        "405" => "Method Not Allowed",
        "406" => "Not Acceptable",
        "407" => "Proxy Authentication Required",
        "408" => "Request Timeout",
        "409" => "Conflict",
        "410" => "Gone",
        "411" => "Length Required",
        "412" => "Precondition Failed",
        "413" => "Payload Too Large",
        "414" => "URI Too Long",
        "415" => "Unsupported Media Type",
        "416" => "Range Not Satisfiable",
        "417" => "Expectation Failed",
        "418" => "I'm a teapot",
        "421" => "Misdirected Request",
        "422" => "Unprocessable Entity",
        "423" => "Locked",
        "424" => "Failed Dependency",
        "425" => "Too Early",
        "426" => "Upgrade Required",
        "428" => "Precondition Required",
        "429" => "Too Many Requests",
        "431" => "Request Header Fields Too Large",
        "451" => "Unavailable For Legal Reasons",
        "500" => "Internal Server Error",
        "501" => "Not Implemented",
        "502" => "Bad Gateway",
        "503" => "Service Unavailable",
        "504" => "Gateway Timeout",
        "505" => "HTTP Version Not Supported",
        "506" => "Variant Also Negotiates",
        "507" => "Insufficient Storage",
        "508" => "Loop Detected",
        "510" => "Not Extended",
        "511" => "Network Authentication Required",
        _ => "",
    }
}

/// Whether a status string is an error status: 400 and up (browsers hand statuses up to 999 to the
/// script, and Chromium reports 600–999 as it reports 4xx and 5xx).
pub(crate) fn is_error_status(status: &str) -> bool {
    status
        .parse::<u16>()
        .is_ok_and(|code| (400..1000).contains(&code))
}

/// The check ids of the CORS check on a preflight response.
pub(crate) fn is_preflight_cors_check(check: CheckId) -> bool {
    matches!(
        check,
        CheckId::PreflightAllowOriginMissing
            | CheckId::PreflightAllowOriginMultiple
            | CheckId::PreflightAllowOriginInvalid
            | CheckId::PreflightAllowOriginWildcard
            | CheckId::PreflightAllowOriginMismatch
            | CheckId::PreflightAllowCredentials
    )
}

/// The check ids of the CORS check on a response or redirect response.
pub(crate) fn is_response_cors_check(check: CheckId) -> bool {
    matches!(
        check,
        CheckId::AllowOriginMissing
            | CheckId::AllowOriginMultiple
            | CheckId::AllowOriginInvalid
            | CheckId::AllowOriginWildcard
            | CheckId::AllowOriginMismatch
            | CheckId::AllowCredentials
    )
}

/// The `Location` of the redirect answered at `url`, when the trace recorded one.
pub(crate) fn location_of<'a>(trace: &'a [TraceStep], url: &str) -> Option<&'a str> {
    trace
        .iter()
        .filter(|step| step.value(Key::Url) == Some(url))
        .find_map(|step| {
            step.value(Key::Location)
                .filter(|location| !location.is_empty())
        })
}

/// The HTTP status recorded for the answer at `url` in `stage`, if any step recorded one.
pub(crate) fn status_of<'a>(trace: &'a [TraceStep], stage: Stage, url: &str) -> Option<&'a str> {
    trace
        .iter()
        .filter(|step| step.stage == stage && step.value(Key::Url) == Some(url))
        .find_map(|step| step.value(Key::Status).filter(|status| !status.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_status_has_an_empty_reason_phrase() {
        assert_eq!(reason_phrase("404"), "Not Found");
        assert_eq!(reason_phrase("418"), "I'm a teapot");
        assert_eq!(reason_phrase("299"), "");
        assert_eq!(reason_phrase("garbage"), "");
    }

    #[test]
    fn error_statuses_are_400_to_999() {
        assert!(is_error_status("404"));
        assert!(is_error_status("503"));
        assert!(is_error_status("700"));
        assert!(is_error_status("999"));
        assert!(!is_error_status("302"));
        assert!(!is_error_status(""));
    }
}

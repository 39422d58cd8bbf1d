//! English words for the engine's typed facts: the reasons a header is not safelisted or is
//! forbidden, why a request needs a preflight, and the names of the values a check compared. The one
//! table of these words: the explanations (`english/`) and every program that shows the facts use it.

use crate::forbidden::ForbiddenReason;
use crate::request::HeaderPart;
use crate::request_facts::{HeaderTreatment, PreflightReason};
use crate::safelist::NotSafelisted;
use crate::trace::Key;

/// Why a header is not CORS-safelisted, as the rest of a sentence ("… because {words}").
#[must_use]
pub fn not_safelisted_words(reason: NotSafelisted) -> &'static str {
    match reason {
        NotSafelisted::Name => "this header name is not on the safelist",
        NotSafelisted::ValueTooLong => "its value is longer than 128 bytes",
        NotSafelisted::UnsafeByte => {
            "its value contains a character such as `\"`, `(`, `:`, `<`, `@`, `{` or a control character"
        }
        NotSafelisted::MimeType => {
            "only `application/x-www-form-urlencoded`, `multipart/form-data` and `text/plain` are safelisted \
             Content-Type values; `application/json` is not"
        }
        NotSafelisted::MimeTypeStrict => {
            "Firefox reads a Content-Type more strictly than the standard: a comma anywhere, or a `;` that ends \
             the value after another `;`, leaves it without a type; `text/plain;charset=utf-8` is safelisted there too"
        }
        NotSafelisted::RangeNumberTooLarge => {
            "Chrome reads a range's numbers only below 9223372036854775807"
        }
        NotSafelisted::LanguageChars => {
            "language values may only use letters, digits, spaces and `*,-.;=`"
        }
        NotSafelisted::RangeSyntax => "only a single `bytes=start-` or `bytes=start-end` range is safelisted",
        NotSafelisted::OverTotal => "the safelisted header values together exceed 1024 bytes",
    }
}

/// Why a header is forbidden, as the rest of a sentence.
#[must_use]
pub fn forbidden_words(reason: ForbiddenReason) -> &'static str {
    match reason {
        ForbiddenReason::ForbiddenName => "the browser sets this header itself",
        ForbiddenReason::ProxyPrefix => "names starting with `Proxy-` are reserved for the browser",
        ForbiddenReason::SecPrefix => "names starting with `Sec-` are reserved for the browser",
        ForbiddenReason::MethodOverride => "it would switch the method to CONNECT, TRACE or TRACK",
    }
}

/// How the browser treats a header, in one short line for a header's row.
#[must_use]
pub fn header_treatment_words(treatment: HeaderTreatment) -> String {
    match treatment {
        HeaderTreatment::Safelisted => "Safelisted: no preflight needed".to_owned(),
        HeaderTreatment::NeedsPreflight(reason) => {
            format!("Needs a preflight: {}", not_safelisted_words(reason))
        }
        HeaderTreatment::Forbidden(reason) => {
            format!(
                "Forbidden, dropped by the browser: {}",
                forbidden_words(reason)
            )
        }
        HeaderTreatment::DroppedByNoCors(reason) => {
            format!("Dropped in no-cors mode: {}", not_safelisted_words(reason))
        }
        HeaderTreatment::Invalid(HeaderPart::Name) => {
            "Invalid, the call throws: the name is not a valid header name".to_owned()
        }
        HeaderTreatment::Invalid(HeaderPart::Value) => {
            "Invalid, the call throws: the value has a byte a header value cannot have".to_owned()
        }
    }
}

/// Why a request needs a preflight, as the rest of a sentence.
#[must_use]
pub fn preflight_reason_words(reason: PreflightReason) -> &'static str {
    match reason {
        PreflightReason::Method => "the method is not GET, HEAD or POST",
        PreflightReason::Headers => "a header the script set is not safelisted",
        PreflightReason::Flag => "the request forces one (upload listeners or a streamed body)",
        PreflightReason::Redirect => {
            "this browser preflights every hop after a redirect once the first request needed one"
        }
    }
}

/// The name of a value a check compared, for people ("Page origin" for [`Key::PageOrigin`]).
#[must_use]
pub fn key_label(key: Key) -> &'static str {
    match key {
        Key::PageOrigin => "Page origin",
        Key::UrlOrigin => "URL's origin",
        Key::SentOrigin => "Origin sent",
        Key::Url => "URL",
        Key::InitialUrl => "URL first requested",
        Key::Method => "Method",
        Key::WrittenMethod => "Method as written",
        Key::Header => "Header",
        Key::Value => "Value",
        Key::Status => "Status",
        Key::Allowed => "Allowed list",
        Key::Differs => "Differs in",
        Key::Reason => "Reason",
        Key::Scheme => "Scheme",
        Key::Port => "Port",
        Key::Seconds => "Seconds",
        Key::Cap => "Browser's cap (s)",
        Key::Count => "Count",
        Key::ErrorKind => "Network error",
        Key::Location => "Location",
        Key::CredentialsMode => "Credentials mode",
        Key::Mode => "Request mode",
        Key::Names => "Header names",
        Key::AddressSpace => "Address space",
        Key::TargetAddressSpace => "Target's address space",
        Key::WrittenHeader => "Header as written",
        Key::PageUrl => "Page URL",
    }
}

//! Why a scenario cannot be run in the lab: one variant per problem, each naming the scenario field.

use std::fmt;

/// A scenario the lab cannot translate or serve.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LabError {
    /// The real page origin is neither `null` nor an `http`/`https` origin.
    PageOriginInvalid,
    /// A URL the lab must serve does not parse as an absolute URL.
    UrlInvalid {
        /// The field, e.g. `server[1].url`.
        field: String,
    },
    /// A URL is same-origin with the page, but the real page is not on a lab origin, so the lab cannot serve it.
    PageOriginNotServed {
        /// The field holding the URL.
        field: String,
    },
    /// The scenario has more distinct origins than the lab has.
    TooManyOrigins {
        /// Distinct origins the scenario needs besides the page's.
        needed: usize,
        /// Lab origins available besides the page's.
        available: usize,
    },
    /// A header name is not an HTTP token, so it cannot go on the wire.
    HeaderNameUnsendable {
        /// The field, e.g. `server[0].response.headers[2][0]`.
        field: String,
    },
    /// A header value holds CR, LF or NUL, so it cannot go on the wire.
    HeaderValueUnsendable {
        /// The field, e.g. `server[0].response.headers[2][1]`.
        field: String,
    },
    /// A status the lab cannot send as a final answer (below 200 or above 999).
    StatusUnsendable {
        /// The field, e.g. `server[0].preflight.status`.
        field: String,
    },
    /// The scenario exceeds one of the lab's size limits.
    TooLarge {
        /// The field that holds too many items.
        field: String,
        /// The limit.
        limit: usize,
    },
}

impl LabError {
    /// The scenario field the error is about (a path like `server[0].response.status`), empty if none.
    #[must_use]
    pub fn field(&self) -> &str {
        match self {
            LabError::PageOriginInvalid => "page_origin",
            LabError::TooManyOrigins { .. } => "server",
            LabError::UrlInvalid { field }
            | LabError::PageOriginNotServed { field }
            | LabError::HeaderNameUnsendable { field }
            | LabError::HeaderValueUnsendable { field }
            | LabError::StatusUnsendable { field }
            | LabError::TooLarge { field, .. } => field,
        }
    }
}

impl fmt::Display for LabError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LabError::PageOriginInvalid => {
                f.write_str("the page origin must be \"null\" or an http(s) origin such as http://127.0.0.1:8080")
            }
            LabError::UrlInvalid { .. } => f.write_str("not an absolute URL"),
            LabError::PageOriginNotServed { .. } => f.write_str(
                "this URL is same-origin with the page, but the page is not on a lab origin, so the lab cannot serve it",
            ),
            LabError::TooManyOrigins { needed, available } => write!(
                f,
                "the scenario uses {needed} origins besides the page's, the lab has {available}; start it with more --scenario-ports"
            ),
            LabError::HeaderNameUnsendable { .. } => f.write_str("a header name must be an HTTP token to be sent"),
            LabError::HeaderValueUnsendable { .. } => {
                f.write_str("a header value cannot contain CR, LF or NUL: it could not be sent")
            }
            LabError::StatusUnsendable { .. } => f.write_str("the lab sends final statuses 200 to 999 only"),
            LabError::TooLarge { limit, .. } => write!(f, "more than the lab's limit of {limit}"),
        }
    }
}

impl std::error::Error for LabError {}

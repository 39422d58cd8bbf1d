//! Response tainting (<https://fetch.spec.whatwg.org/#concept-request-response-tainting>, RT-1…RT-3,
//! T-10, T-11).

use crate::verdict::ResponseType;

/// A request's response tainting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResponseTainting {
    /// Same-origin (or data:) so far.
    Basic,
    /// Cross-origin in `cors` mode; sticky (T-10).
    Cors,
    /// Cross-origin in `no-cors` mode.
    Opaque,
}

impl ResponseTainting {
    /// The id recorded in the trace.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            ResponseTainting::Basic => "basic",
            ResponseTainting::Cors => "cors",
            ResponseTainting::Opaque => "opaque",
        }
    }

    /// T-11: the type of the filtered response.
    #[must_use]
    pub fn response_type(self) -> ResponseType {
        match self {
            ResponseTainting::Basic => ResponseType::Basic,
            ResponseTainting::Cors => ResponseType::Cors,
            ResponseTainting::Opaque => ResponseType::Opaque,
        }
    }
}

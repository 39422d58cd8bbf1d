//! Whether cookies and HTTP authentication go with a request
//! (<https://fetch.spec.whatwg.org/#concept-request-credentials-mode>, rules CR-1…CR-9, P-2).

use crate::scenario::CredentialsMode;
use crate::tainting::ResponseTainting;

/// CR-1: "includeCredentials is true if request's credentials mode is "include", or request's credentials
/// mode is "same-origin" and request's response tainting is "basic"."
#[must_use]
pub fn include_credentials(mode: CredentialsMode, tainting: ResponseTainting) -> bool {
    match mode {
        CredentialsMode::Include => true,
        CredentialsMode::SameOrigin => tainting == ResponseTainting::Basic,
        CredentialsMode::Omit => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_origin_mode_sends_cookies_only_when_basic() {
        assert!(include_credentials(
            CredentialsMode::SameOrigin,
            ResponseTainting::Basic
        ));
        assert!(!include_credentials(
            CredentialsMode::SameOrigin,
            ResponseTainting::Cors
        ));
        assert!(include_credentials(
            CredentialsMode::Include,
            ResponseTainting::Opaque
        ));
        assert!(!include_credentials(
            CredentialsMode::Omit,
            ResponseTainting::Basic
        ));
    }
}

//! Security warnings attached to fixes: what a careless version of the fix would open up.

use crate::scenario::CredentialsMode;

/// The warning for a fix that sets `Access-Control-Allow-Origin: origin`.
pub(super) fn for_allowed_origin(origin: &str, credentials: CredentialsMode) -> Option<String> {
    if origin == "null" {
        return Some(
            "Allowing `null` also allows every sandboxed iframe and local file, which any website can create: \
             avoid it, above all with credentials. Prefer calling the final URL directly so the real origin is sent."
                .to_owned(),
        );
    }
    (credentials == CredentialsMode::Include).then(|| {
        "Do not echo back whatever Origin arrives: compare it with an allow-list of trusted origins first. With \
         credentials, reflecting any origin lets every website read your users' data."
            .to_owned()
    })
}

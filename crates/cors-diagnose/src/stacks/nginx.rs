//! nginx in front of the application: the allow-list as a `map`, preflights answered by nginx.

use super::{common_notes, joined, max_age, Parts, RenderOptions};
use crate::policy::Policy;

/// The `http { }`-level part: maps the request's `Origin` to itself only when it is allowed.
#[must_use]
pub(crate) fn http_part(p: &Policy) -> String {
    let origins: String = p
        .origins
        .iter()
        .map(|o| format!("    \"{o}\" $http_origin;\n"))
        .collect();
    let credentials = if p.allows_credentials() {
        let allowed: String = p
            .origins
            .iter()
            .map(|o| format!("    \"{o}\" \"true\";\n"))
            .collect();
        format!("map $http_origin $cors_credentials {{\n    default \"\";\n{allowed}}}\n")
    } else {
        String::new()
    };
    format!(
        "# Exact origins only (no regex, no substring match): any other Origin maps to \"\" and nginx\n# then sends no Access-Control-Allow-Origin at all.\nmap $http_origin $cors_origin {{\n    default \"\";\n{origins}}}\n{credentials}"
    )
}

/// The `location` block.
#[must_use]
pub(crate) fn location_part(p: &Policy, options: &RenderOptions) -> String {
    let credentials = if p.allows_credentials() {
        "        add_header Access-Control-Allow-Credentials $cors_credentials always;\n"
    } else {
        ""
    };
    let expose = if p.expose_headers.is_empty() {
        String::new()
    } else {
        format!(
            "    add_header Access-Control-Expose-Headers \"{}\" always;\n",
            joined(&p.expose_headers)
        )
    };
    let allow_headers = if p.allow_headers.is_empty() {
        String::new()
    } else {
        format!(
            "        add_header Access-Control-Allow-Headers \"{}\" always;\n",
            joined(&p.allow_headers)
        )
    };
    format!(
        r#"location {path} {{
    # Preflight: answered here, so it never reaches the application or its authentication.
    if ($request_method = OPTIONS) {{
        add_header Access-Control-Allow-Origin $cors_origin always;
{credentials}        add_header Access-Control-Allow-Methods "{methods}" always;
{allow_headers}        add_header Access-Control-Max-Age {max_age} always;
        add_header Vary Origin always;
        return 204;
    }}
    # Every other response, error statuses included (`always`).
    add_header Access-Control-Allow-Origin $cors_origin always;
{credentials_outer}{expose}    add_header Vary Origin always;
    # Drop CORS headers the application may add itself, or browsers would see two values.
    proxy_hide_header Access-Control-Allow-Origin;
    proxy_hide_header Access-Control-Allow-Credentials;
    proxy_hide_header Access-Control-Expose-Headers;
    proxy_pass {upstream};
}}
"#,
        path = p.path,
        methods = joined(&p.methods),
        max_age = max_age(p),
        credentials_outer = credentials.replacen("        ", "    ", 1),
        upstream = options.upstream,
    )
}

pub(super) fn render(p: &Policy, options: &RenderOptions) -> Parts {
    let code = format!(
        "# In the http {{ }} context (files in /etc/nginx/conf.d/ are included there):\n{}\n# In the server {{ }} block of the API:\n{}",
        http_part(p),
        location_part(p, options)
    );
    let mut notes = common_notes(p);
    notes.push("nginx does not inherit add_header from outer blocks once a location has its own: keep all CORS headers in this location.".to_owned());
    notes.push("An empty value makes nginx skip the header, which is how disallowed origins get no Access-Control-Allow-Origin.".to_owned());
    ("/etc/nginx/conf.d/api.conf: the map in the http context, the location in the API's server block", "nginx", code, notes)
}

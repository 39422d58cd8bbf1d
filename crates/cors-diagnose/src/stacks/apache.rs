//! Apache httpd in front of the application (mod_headers, mod_setenvif, mod_rewrite, mod_proxy_http).

use super::{common_notes, joined, max_age, Parts, RenderOptions};
use crate::policy::Policy;

/// An anchored regular expression matching exactly one origin (dots and other metacharacters escaped).
fn exact_regex(origin: &str) -> String {
    let mut out = String::from("^");
    for c in origin.chars() {
        if ".+*?()[]{}|^$\\".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('$');
    out
}

/// The directives for the `<VirtualHost>` of the API.
#[must_use]
pub(crate) fn vhost_part(p: &Policy, options: &RenderOptions) -> String {
    let setenv: String = p
        .origins
        .iter()
        .map(|o| format!("SetEnvIf Origin \"{}\" CORS_ORIGIN=$0\n", exact_regex(o)))
        .collect();
    let credentials = if p.allows_credentials() {
        "    Header always set Access-Control-Allow-Credentials \"true\" env=CORS_ORIGIN\n"
    } else {
        ""
    };
    let expose = if p.expose_headers.is_empty() {
        String::new()
    } else {
        format!(
            "    Header always set Access-Control-Expose-Headers \"{}\" env=CORS_ORIGIN\n",
            joined(&p.expose_headers)
        )
    };
    let preflight = "\"expr=%{REQUEST_METHOD} == 'OPTIONS' && -n reqenv('CORS_ORIGIN')\"";
    let allow_headers = if p.allow_headers.is_empty() {
        String::new()
    } else {
        format!(
            "    Header always set Access-Control-Allow-Headers \"{}\" {preflight}\n",
            joined(&p.allow_headers)
        )
    };
    let path = &p.path;
    let upstream = options.upstream.trim_end_matches('/');
    format!(
        r#"# Exact origins only: anchored, dots escaped. CORS_ORIGIN is set only for these.
{setenv}
<Location "{path}">
    Header always set Access-Control-Allow-Origin "%{{CORS_ORIGIN}}e" env=CORS_ORIGIN
{credentials}{expose}    Header always set Access-Control-Allow-Methods "{methods}" {preflight}
{allow_headers}    Header always set Access-Control-Max-Age "{max_age}" {preflight}
    Header always merge Vary "Origin"
    # Drop CORS headers the application may add itself, or browsers would see two values.
    Header unset Access-Control-Allow-Origin
    Header unset Access-Control-Allow-Credentials
    Header unset Access-Control-Expose-Headers
</Location>

# Preflight: answered by Apache with 204, so it never reaches the application or its authentication.
RewriteEngine On
RewriteCond %{{REQUEST_METHOD}} =OPTIONS
RewriteRule "^{path}" - [R=204,L]

ProxyPass "{path}" "{upstream}{path}"
ProxyPassReverse "{path}" "{upstream}{path}"
"#,
        methods = joined(&p.methods),
        max_age = max_age(p),
    )
}

pub(super) fn render(p: &Policy, options: &RenderOptions) -> Parts {
    let code = format!(
        "# a2enmod headers setenvif rewrite proxy_http\n# Inside the <VirtualHost> of the API:\n{}",
        vhost_part(p, options)
    );
    let mut notes = common_notes(p);
    notes.push("`Header always` also covers error responses (4xx/5xx) from Apache and from the application.".to_owned());
    (
        "the <VirtualHost> of the API (e.g. /etc/apache2/sites-available/api.conf)",
        "apache",
        code,
        notes,
    )
}

//! Caddy in front of the application (Caddyfile).

use super::{common_notes, joined, max_age, Parts, RenderOptions};
use crate::policy::Policy;

/// The site block's body.
#[must_use]
pub(crate) fn site_part(p: &Policy, options: &RenderOptions) -> String {
    let list = p
        .origins
        .iter()
        .map(|o| format!("'{o}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let credentials = if p.allows_credentials() {
        "\theader @cors_allowed Access-Control-Allow-Credentials true\n"
    } else {
        ""
    };
    let expose = if p.expose_headers.is_empty() {
        String::new()
    } else {
        format!(
            "\theader @cors_allowed Access-Control-Expose-Headers \"{}\"\n",
            joined(&p.expose_headers)
        )
    };
    let allow_headers = if p.allow_headers.is_empty() {
        String::new()
    } else {
        format!(
            "\t\theader @cors_allowed Access-Control-Allow-Headers \"{}\"\n",
            joined(&p.allow_headers)
        )
    };
    let upstream = options.upstream.trim_start_matches("http://");
    let headers = format!(
        "\theader @cors_allowed Access-Control-Allow-Origin {{header.Origin}}\n{credentials}{expose}\theader +Vary Origin\n"
    );
    format!(
        r#"# Exact origins only: the request's Origin is echoed only when it is one of these.
@cors_allowed expression `{{header.Origin}} in [{list}]`
@preflight method OPTIONS

route {path}* {{
{headers}	# Preflight: answered by Caddy, so it never reaches the application or its authentication.
	handle @preflight {{
		header @cors_allowed Access-Control-Allow-Methods "{methods}"
{allow_headers}		header @cors_allowed Access-Control-Max-Age {max_age}
		respond 204
	}}
	# The application's own CORS headers would be duplicates.
	reverse_proxy {upstream} {{
		header_down -Access-Control-Allow-Origin
		header_down -Access-Control-Allow-Credentials
		header_down -Access-Control-Expose-Headers
	}}
}}

# Errors Caddy makes itself (e.g. 502 when the application is down) get the headers too.
handle_errors {{
{headers}	respond "{{err.status_code}} {{err.status_text}}"
}}
"#,
        path = p.path,
        methods = joined(&p.methods),
        max_age = max_age(p),
    )
}

pub(super) fn render(p: &Policy, options: &RenderOptions) -> Parts {
    let body = site_part(p, options)
        .lines()
        .map(|l| format!("\t{l}"))
        .collect::<Vec<_>>()
        .join("\n");
    let code = format!("api.example.com {{\n{}\n}}\n", body.replace("\t\n", "\n"));
    let notes = common_notes(p);
    (
        "the Caddyfile, in the site block of the API",
        "caddy",
        code,
        notes,
    )
}

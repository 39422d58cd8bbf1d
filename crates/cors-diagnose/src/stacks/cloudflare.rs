//! Cloudflare Workers: a wrapper around the Worker's handler.

use super::{common_notes, joined, max_age, quoted, Parts};
use crate::policy::Policy;

pub(super) fn render(p: &Policy) -> Parts {
    let credentials = if p.allows_credentials() {
        "\n    headers.set(\"Access-Control-Allow-Credentials\", \"true\");"
    } else {
        ""
    };
    let expose = if p.expose_headers.is_empty() {
        String::new()
    } else {
        format!(
            "\n    headers.set(\"Access-Control-Expose-Headers\", \"{}\");",
            joined(&p.expose_headers)
        )
    };
    let allow_headers = if p.allow_headers.is_empty() {
        String::new()
    } else {
        format!(
            "\n      headers.set(\"Access-Control-Allow-Headers\", \"{}\");",
            joined(&p.allow_headers)
        )
    };
    let code = format!(
        r#"// src/index.js
// Exact origins only: the request's Origin is echoed only when it is one of these.
const ALLOWED_ORIGINS = new Set([{origins}]);

function corsHeaders(origin) {{
  const headers = new Headers({{ Vary: "Origin" }});
  if (ALLOWED_ORIGINS.has(origin)) {{
    headers.set("Access-Control-Allow-Origin", origin);{credentials}{expose}
  }}
  return headers;
}}

export default {{
  async fetch(request, env, ctx) {{
    const origin = request.headers.get("Origin");
    const headers = corsHeaders(origin);
    // Preflight: answered here, before your handler and its authentication.
    if (request.method === "OPTIONS" && request.headers.has("Access-Control-Request-Method")) {{
      if (ALLOWED_ORIGINS.has(origin)) {{
        headers.set("Access-Control-Allow-Methods", "{methods}");{allow_headers}
        headers.set("Access-Control-Max-Age", "{max_age}");
      }}
      return new Response(null, {{ status: 204, headers }});
    }}
    let response;
    try {{
      response = await handle(request, env, ctx);
    }} catch (err) {{
      response = new Response("Internal Server Error", {{ status: 500 }});
    }}
    // Every response, errors included, gets the headers (copied, because fetched responses are immutable).
    response = new Response(response.body, response);
    for (const [name, value] of headers) {{
      if (name === "vary") response.headers.append(name, value);
      else response.headers.set(name, value);
    }}
    return response;
  }},
}};

// Your existing handler:
async function handle(request, env, ctx) {{
  return new Response("ok");
}}
"#,
        origins = quoted(&p.origins, '"'),
        methods = joined(&p.methods),
        max_age = max_age(p),
    );
    let notes = common_notes(p);
    (
        "src/index.js of the Worker (wrap your existing fetch handler as `handle`)",
        "js",
        code,
        notes,
    )
}

//! axum with `tower-http`'s `CorsLayer` (`cargo add axum tower-http --features tower-http/cors`).

use super::{common_notes, max_age, Parts};
use crate::policy::Policy;

fn method(m: &str) -> String {
    match m {
        "GET" | "POST" | "PUT" | "DELETE" | "HEAD" | "OPTIONS" | "PATCH" | "CONNECT" | "TRACE" => {
            format!("Method::{m}")
        }
        other => format!("Method::from_bytes(b\"{other}\").expect(\"a valid method\")"),
    }
}

/// `        .name([items])\n`, or nothing for an empty list (an empty array has no type to infer).
fn optional(name: &str, items: &str) -> String {
    if items.is_empty() {
        String::new()
    } else {
        format!("        .{name}([{items}])\n")
    }
}

fn nest(p: &Policy) -> &str {
    let trimmed = p.path.trim_end_matches('/');
    if trimmed.is_empty() {
        "/api"
    } else {
        trimmed
    }
}

pub(super) fn render(p: &Policy) -> Parts {
    let list = |items: Vec<String>| items.join(",\n            ");
    let origins = list(
        p.origins
            .iter()
            .map(|o| format!("HeaderValue::from_static(\"{o}\")"))
            .collect(),
    );
    let methods = p
        .methods
        .iter()
        .map(|m| method(m))
        .collect::<Vec<_>>()
        .join(", ");
    let names = |items: &[String]| {
        items
            .iter()
            .map(|h| format!("HeaderName::from_static(\"{h}\")"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let code = format!(
        r#"use std::time::Duration;

use axum::http::{{HeaderName, HeaderValue, Method}};
use axum::Router;
use tower_http::cors::{{AllowOrigin, CorsLayer}};

fn cors() -> CorsLayer {{
    CorsLayer::new()
        // Exact origins; never Any, mirror_request() or a predicate that accepts everything.
        .allow_origin(AllowOrigin::list([
            {origins},
        ]))
        .allow_methods([{methods}])
{headers}{expose}        .allow_credentials({credentials})
        .max_age(Duration::from_secs({max_age}))
}}

pub fn app(api: Router) -> Router {{
    Router::new()
        .nest("{nest}", api)
        // .layer(auth_layer)   // inner layers run after CORS
        // Added last, so outermost: preflights are answered before auth, and every response
        // (errors included) gets the headers and `Vary: origin`.
        .layer(cors())
}}
"#,
        headers = optional("allow_headers", &names(&p.allow_headers)),
        expose = optional("expose_headers", &names(&p.expose_headers)),
        credentials = p.allows_credentials(),
        max_age = max_age(p),
        nest = nest(p),
    );
    let notes = common_notes(p);
    (
        "where the Router is built (src/main.rs or src/app.rs)",
        "rust",
        code,
        notes,
    )
}

//! actix-web with `actix-cors` (`cargo add actix-web actix-cors`).

use super::{common_notes, max_age, Parts};
use crate::policy::Policy;

pub(super) fn render(p: &Policy) -> Parts {
    let origins: String = p
        .origins
        .iter()
        .map(|o| format!("\n        .allowed_origin(\"{o}\")"))
        .collect();
    let methods = p
        .methods
        .iter()
        .map(|m| format!("\"{m}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let headers: String = p
        .allow_headers
        .iter()
        .map(|h| format!("\n        .allowed_header(\"{h}\")"))
        .collect();
    let expose = if p.expose_headers.is_empty() {
        String::new()
    } else {
        let list = p
            .expose_headers
            .iter()
            .map(|h| format!("\"{h}\""))
            .collect::<Vec<_>>()
            .join(", ");
        format!("\n        .expose_headers(vec![{list}])")
    };
    let credentials = if p.allows_credentials() {
        "\n        .supports_credentials()"
    } else {
        ""
    };
    let code = format!(
        r#"use actix_cors::Cors;
use actix_web::{{App, HttpServer}};

pub fn cors() -> Cors {{
    // Cors::default() allows nothing; list exact origins. Never allow_any_origin() or send_wildcard().
    Cors::default(){origins}
        .allowed_methods(vec![{methods}]){headers}{expose}{credentials}
        .max_age({max_age})
}}

#[actix_web::main]
async fn main() -> std::io::Result<()> {{
    HttpServer::new(|| {{
        App::new()
            // .wrap(auth)   // wrapped first = inner: runs after CORS
            // Wrapped last = outermost: preflights are answered before auth, and every response
            // (errors included) gets the headers and `Vary: Origin`.
            .wrap(cors())
            // .service(web::scope("{scope}").configure(api))
    }})
    .bind(("127.0.0.1", 8080))?
    .run()
    .await
}}
"#,
        max_age = max_age(p),
        scope = p.path.trim_end_matches('/'),
    );
    let notes = common_notes(p);
    ("src/main.rs, where the App is built", "rust", code, notes)
}

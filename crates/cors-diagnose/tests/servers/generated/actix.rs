use actix_cors::Cors;
use actix_web::{App, HttpServer};

pub fn cors() -> Cors {
    // Cors::default() allows nothing; list exact origins. Never allow_any_origin() or send_wildcard().
    Cors::default()
        .allowed_origin("https://app.example.com")
        .allowed_origin("http://localhost:5173")
        .allowed_methods(vec!["GET", "PUT"])
        .allowed_header("content-type")
        .allowed_header("x-request-id")
        .expose_headers(vec!["x-total-count"])
        .supports_credentials()
        .max_age(600)
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    HttpServer::new(|| {
        App::new()
            // .wrap(auth)   // wrapped first = inner: runs after CORS
            // Wrapped last = outermost: preflights are answered before auth, and every response
            // (errors included) gets the headers and `Vary: Origin`.
            .wrap(cors())
            // .service(web::scope("/api").configure(api))
    })
    .bind(("127.0.0.1", 8080))?
    .run()
    .await
}

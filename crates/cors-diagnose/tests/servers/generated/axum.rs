use std::time::Duration;

use axum::http::{HeaderName, HeaderValue, Method};
use axum::Router;
use tower_http::cors::{AllowOrigin, CorsLayer};

fn cors() -> CorsLayer {
    CorsLayer::new()
        // Exact origins; never Any, mirror_request() or a predicate that accepts everything.
        .allow_origin(AllowOrigin::list([
            HeaderValue::from_static("https://app.example.com"),
            HeaderValue::from_static("http://localhost:5173"),
        ]))
        .allow_methods([Method::GET, Method::PUT])
        .allow_headers([HeaderName::from_static("content-type"), HeaderName::from_static("x-request-id")])
        .expose_headers([HeaderName::from_static("x-total-count")])
        .allow_credentials(true)
        .max_age(Duration::from_secs(600))
}

pub fn app(api: Router) -> Router {
    Router::new()
        .nest("/api", api)
        // .layer(auth_layer)   // inner layers run after CORS
        // Added last, so outermost: preflights are answered before auth, and every response
        // (errors included) gets the headers and `Vary: origin`.
        .layer(cors())
}

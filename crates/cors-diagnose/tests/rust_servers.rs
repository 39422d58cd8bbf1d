//! The axum and actix-web code the generator writes, compiled into this test and run on loopback: the
//! engine must let the browser through (preflight and request), read error responses, and refuse other
//! origins, as for the other stacks (`tests/real_servers.rs`).
//!
//! The compiled code lives in `tests/servers/generated/`; a test checks that it is exactly what the
//! generator writes for the test policy (`UPDATE_GENERATED=1 cargo test -p cors-diagnose --test
//! rust_servers` rewrites it after a change to the generator).

#[allow(dead_code)]
mod servers;

// Byte for byte what the generator writes: rustfmt leaves them alone.
#[rustfmt::skip]
#[allow(dead_code, unused_imports)]
#[path = "servers/generated/axum.rs"]
mod axum_generated;

#[rustfmt::skip]
#[allow(dead_code, unused_imports)]
#[path = "servers/generated/actix.rs"]
mod actix_generated;

use std::net::TcpListener;
use std::path::Path;

use cors_diagnose::stacks::{RenderOptions, Stack};
use servers::{policy, verify};

/// Compares the committed code with the generator's output, or rewrites it with `UPDATE_GENERATED`.
fn check_generated(stack: Stack, file: &str) {
    let code = stack.render(&policy(), &RenderOptions::default()).code;
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/servers/generated")
        .join(file);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, &code).expect("writing the generated code");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == code,
        "{} is not what the generator writes now; rerun with UPDATE_GENERATED=1.\n--- generator ---\n{code}",
        path.display()
    );
}

/// A loopback listener on a free port.
fn listener() -> (TcpListener, u16) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = listener.local_addr().expect("its address").port();
    (listener, port)
}

#[test]
fn the_compiled_axum_code_is_what_the_generator_writes() {
    check_generated(Stack::Axum, "axum.rs");
}

#[test]
fn the_compiled_actix_code_is_what_the_generator_writes() {
    check_generated(Stack::Actix, "actix.rs");
}

/// The API behind the CORS layer, as the upstream of the proxy tests answers (`servers/upstream.py`):
/// `/items` needs the cookie `session=ok` (401 otherwise) and answers 200 with `X-Total-Count`;
/// `/fail` answers 500.
mod axum_api {
    use axum::http::{header, HeaderMap, StatusCode};
    use axum::routing::get;
    use axum::Router;

    async fn items(
        headers: HeaderMap,
    ) -> (StatusCode, [(&'static str, &'static str); 1], &'static str) {
        let session = headers
            .get(header::COOKIE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|c| c.contains("session=ok"));
        if session {
            (StatusCode::OK, [("x-total-count", "3")], "ok")
        } else {
            (
                StatusCode::UNAUTHORIZED,
                [("x-total-count", "0")],
                "unauthorized",
            )
        }
    }

    async fn fail() -> (StatusCode, &'static str) {
        (StatusCode::INTERNAL_SERVER_ERROR, "boom")
    }

    pub fn router() -> Router {
        Router::new()
            .route("/items", get(items).put(items))
            .route("/fail", get(fail))
    }
}

#[test]
fn axum_configuration_passes_the_browser_checks() {
    let (listener, port) = listener();
    listener.set_nonblocking(true).expect("non-blocking");
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    runtime.spawn(async move {
        let listener = tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
        let app = axum_generated::app(axum_api::router());
        axum::serve(listener, app).await.expect("axum serves");
    });
    if let Err(problem) = verify(port) {
        panic!("axum: {problem}");
    }
}

/// The same API for actix-web.
mod actix_api {
    use actix_web::{web, HttpRequest, HttpResponse};

    async fn items(request: HttpRequest) -> HttpResponse {
        let session = request
            .headers()
            .get("cookie")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|c| c.contains("session=ok"));
        if session {
            HttpResponse::Ok()
                .insert_header(("x-total-count", "3"))
                .body("ok")
        } else {
            HttpResponse::Unauthorized().body("unauthorized")
        }
    }

    async fn fail() -> HttpResponse {
        HttpResponse::InternalServerError().body("boom")
    }

    pub fn api(config: &mut web::ServiceConfig) {
        config
            .route("/items", web::get().to(items))
            .route("/items", web::put().to(items))
            .route("/fail", web::get().to(fail));
    }
}

#[test]
fn actix_configuration_passes_the_browser_checks() {
    use actix_web::{web, App, HttpServer};

    let (listener, port) = listener();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            // As the generated main builds it: CORS wrapped last (outermost), the API in its scope.
            HttpServer::new(|| {
                App::new()
                    .wrap(actix_generated::cors())
                    .service(web::scope("/api").configure(actix_api::api))
            })
            .workers(1)
            .listen(listener)
            .expect("actix listens")
            .run()
            .await
            .expect("actix serves");
        });
    });
    if let Err(problem) = verify(port) {
        panic!("actix: {problem}");
    }
}

//! The API (`/api/...`) and the app's files, as an axum `Router`.
//!
//! Unlike scenario answers, the API's own CORS headers come from `tower-http`'s `CorsLayer`: a hosted copy of
//! the app (or a conformance page) on another origin must be able to call it, and nothing about it is an
//! experiment.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path as UrlPath, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use bytes::Bytes;
use tower_http::cors::{AllowOrigin, Any, CorsLayer};
use tower_http::services::{ServeDir, ServeFile};

use super::registration::{self, Context};
use super::store::Store;
use crate::api::{ApiError, Health, LabOrigins};
use crate::limits::Limits;

/// What the API handlers share.
pub(crate) struct ApiState {
    pub(crate) store: Arc<Store>,
    pub(crate) origins: LabOrigins,
    pub(crate) limits: Limits,
}

/// Which listener a router serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// The app origin: the API, scenario URLs and the built app.
    App,
    /// A scenario origin: the API and scenario URLs.
    Scenario,
}

/// The router for one listener.
pub(crate) fn router(state: Arc<ApiState>, role: Role, dist: Option<&Path>) -> Router {
    let api_cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST, Method::DELETE])
        .allow_headers([header::CONTENT_TYPE])
        .allow_private_network(true)
        .max_age(Duration::from_secs(600));
    let cookie_cors = CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(|origin, _| {
            is_serialized_origin(origin)
        }))
        .allow_credentials(true)
        .allow_methods([Method::GET])
        .allow_private_network(true);
    let api = Router::new()
        .route("/api/health", get(health))
        .route("/api/scenarios", axum::routing::post(register))
        .route("/api/scenarios/{id}", get(registered).delete(remove))
        .route("/api/scenarios/{id}/log", get(log))
        .route(
            "/api/{*rest}",
            get(no_route).post(no_route).delete(no_route),
        )
        .layer(api_cors)
        .merge(
            Router::new()
                .route("/api/cookie", get(cookie))
                .layer(cookie_cors),
        )
        .layer(axum::middleware::map_response(no_sniff))
        .with_state(state);
    match (role, dist) {
        (Role::App, Some(dist)) => api.fallback_service(
            ServeDir::new(dist).fallback(ServeFile::new(dist.join("index.html"))),
        ),
        (Role::App, None) => api.fallback(no_dist),
        (Role::Scenario, _) => api.fallback(nothing_here),
    }
}

async fn no_sniff(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn api_error(status: StatusCode, error: &str, field: Option<&str>) -> Response {
    let body = ApiError {
        error: error.to_owned(),
        field: field.map(str::to_owned),
    };
    (status, Json(body)).into_response()
}

async fn health(State(state): State<Arc<ApiState>>) -> Response {
    let health = Health {
        ok: true,
        version: env!("CARGO_PKG_VERSION").to_owned(),
        origins: state.origins.clone(),
    };
    Json(health).into_response()
}

async fn register(State(state): State<Arc<ApiState>>, headers: HeaderMap, body: Bytes) -> Response {
    let origin_header = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let context = Context {
        id: state.store.new_id(),
        origin_header,
        origins: &state.origins,
        limits: &state.limits,
    };
    match registration::register(&body, context) {
        Ok(registered) => {
            let registered = state.store.register(registered);
            let location = format!("/api/scenarios/{}", registered.id);
            (
                StatusCode::CREATED,
                [(header::LOCATION, location)],
                Json(&*registered),
            )
                .into_response()
        }
        Err(error) => (StatusCode::BAD_REQUEST, Json(error)).into_response(),
    }
}

async fn registered(State(state): State<Arc<ApiState>>, UrlPath(id): UrlPath<String>) -> Response {
    match state.store.get(&id) {
        Some(registered) => Json(&*registered).into_response(),
        None => unknown_scenario(),
    }
}

async fn remove(State(state): State<Arc<ApiState>>, UrlPath(id): UrlPath<String>) -> Response {
    if state.store.remove(&id) {
        StatusCode::NO_CONTENT.into_response()
    } else {
        unknown_scenario()
    }
}

async fn log(State(state): State<Arc<ApiState>>, UrlPath(id): UrlPath<String>) -> Response {
    match state.store.log(&id) {
        Some(entries) => Json(entries).into_response(),
        None => unknown_scenario(),
    }
}

fn unknown_scenario() -> Response {
    api_error(
        StatusCode::NOT_FOUND,
        "no such scenario (never registered, or evicted as the oldest)",
        Some("id"),
    )
}

async fn no_route() -> Response {
    api_error(
        StatusCode::NOT_FOUND,
        "no such API route; see GET /api/health",
        None,
    )
}

/// `GET /api/cookie[?samesite=lax|strict|none]`: sets the test cookie `cors_lab=1` for this host.
async fn cookie(RawQuery(query): RawQuery) -> Response {
    let same_site = query
        .as_deref()
        .unwrap_or("")
        .split('&')
        .find_map(|pair| pair.strip_prefix("samesite="));
    let attributes = match same_site.map(str::to_ascii_lowercase).as_deref() {
        None | Some("lax") => "SameSite=Lax",
        Some("strict") => "SameSite=Strict",
        Some("none") => "SameSite=None; Secure",
        Some(_) => {
            return api_error(
                StatusCode::BAD_REQUEST,
                "samesite is lax, strict or none",
                Some("samesite"),
            )
        }
    };
    let cookie = format!("cors_lab=1; Path=/; {attributes}");
    (StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response()
}

/// Whether an `Origin` value is a serialised origin (`http://host:port` or `null`), the only values the cookie
/// helper echoes into `Access-Control-Allow-Origin`: anything else would be reflecting request text.
fn is_serialized_origin(origin: &HeaderValue) -> bool {
    let Ok(text) = origin.to_str() else {
        return false;
    };
    text == "null"
        || url::Url::parse(text).is_ok_and(|url| url.origin().ascii_serialization() == text)
}

async fn no_dist() -> Response {
    let text = "cors-lab is running. Start it with --dist <dir> to serve the app here; the API is under /api/.\n";
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

async fn nothing_here() -> Response {
    let text =
        "cors-lab: nothing here; scenario URLs live under /s/<id>/ and the API under /api/.\n";
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text,
    )
        .into_response()
}

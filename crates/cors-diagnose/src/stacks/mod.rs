//! Copy-ready CORS configuration for fifteen server stacks, one small file each.
//!
//! Every snippet: answers the preflight before authentication runs; puts the CORS headers on error
//! responses too; sends `Vary: Origin` because the answer depends on the `Origin`; allows an explicit list
//! of origins (never `*`, never whatever the request sends); and says where it goes.

mod actix;
mod apache;
mod aspnet;
mod aws;
mod axum;
mod caddy;
mod cloudflare;
mod django;
mod express;
mod fastapi;
mod fastify;
mod flask;
mod go;
mod nginx;
mod spring;

use serde::Serialize;

use crate::parse::exchange::is_token;
use crate::policy::{is_serialized_origin, Policy};

/// A server stack a snippet is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Stack {
    /// Express with the `cors` package.
    Express,
    /// Fastify with `@fastify/cors`.
    Fastify,
    /// Django with `django-cors-headers`.
    Django,
    /// FastAPI / Starlette `CORSMiddleware`.
    FastApi,
    /// Flask with Flask-CORS.
    Flask,
    /// Spring Boot (`CorsConfigurationSource`).
    Spring,
    /// ASP.NET Core (`AddCors` / `UseCors`).
    AspNet,
    /// Go with `github.com/rs/cors`.
    Go,
    /// axum with `tower-http`'s `CorsLayer`.
    Axum,
    /// actix-web with `actix-cors`.
    Actix,
    /// nginx in front of the application.
    Nginx,
    /// Apache httpd in front of the application.
    Apache,
    /// Caddy in front of the application.
    Caddy,
    /// AWS API Gateway (HTTP API).
    AwsApiGateway,
    /// Cloudflare Workers.
    CloudflareWorkers,
}

/// Where the generated configuration sends requests on (for the proxies) and similar placement details.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RenderOptions {
    /// The application behind a proxy (`http://127.0.0.1:8080`).
    pub upstream: String,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            upstream: "http://127.0.0.1:8080".to_owned(),
        }
    }
}

/// A generated snippet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The stack.
    pub stack: Stack,
    /// Where the code goes, in one sentence.
    pub place: String,
    /// The language, for highlighting (`js`, `python`, `nginx`…).
    pub language: &'static str,
    /// The code, ready to copy.
    pub code: String,
    /// What the snippet takes care of and what to watch for.
    pub notes: Vec<String>,
}

impl Stack {
    /// Every stack, in display order.
    pub const ALL: [Stack; 15] = [
        Stack::Express,
        Stack::Fastify,
        Stack::Django,
        Stack::FastApi,
        Stack::Flask,
        Stack::Spring,
        Stack::AspNet,
        Stack::Go,
        Stack::Axum,
        Stack::Actix,
        Stack::Nginx,
        Stack::Apache,
        Stack::Caddy,
        Stack::AwsApiGateway,
        Stack::CloudflareWorkers,
    ];

    /// A stable id (`express`, `aws-api-gateway`…).
    #[must_use]
    pub fn id(self) -> &'static str {
        self.info().0
    }

    /// The name shown in the picker.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.info().1
    }

    fn info(self) -> (&'static str, &'static str) {
        match self {
            Stack::Express => ("express", "Express (cors)"),
            Stack::Fastify => ("fastify", "Fastify (@fastify/cors)"),
            Stack::Django => ("django", "Django (django-cors-headers)"),
            Stack::FastApi => ("fastapi", "FastAPI / Starlette"),
            Stack::Flask => ("flask", "Flask (Flask-CORS)"),
            Stack::Spring => ("spring", "Spring Boot"),
            Stack::AspNet => ("aspnet", "ASP.NET Core"),
            Stack::Go => ("go", "Go (rs/cors)"),
            Stack::Axum => ("axum", "axum (tower-http)"),
            Stack::Actix => ("actix", "actix-web (actix-cors)"),
            Stack::Nginx => ("nginx", "nginx"),
            Stack::Apache => ("apache", "Apache httpd"),
            Stack::Caddy => ("caddy", "Caddy"),
            Stack::AwsApiGateway => ("aws-api-gateway", "AWS API Gateway (HTTP API)"),
            Stack::CloudflareWorkers => ("cloudflare-workers", "Cloudflare Workers"),
        }
    }

    /// Looks a stack up by id.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Stack> {
        Stack::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Generates the configuration for a policy. Entries that are not valid origins, methods or header
    /// names are left out (they could not be configured safely).
    #[must_use]
    pub fn render(self, policy: &Policy, options: &RenderOptions) -> Snippet {
        let p = sanitized(policy);
        let (place, language, code, notes) = match self {
            Stack::Express => express::render(&p),
            Stack::Fastify => fastify::render(&p),
            Stack::Django => django::render(&p),
            Stack::FastApi => fastapi::render(&p),
            Stack::Flask => flask::render(&p),
            Stack::Spring => spring::render(&p),
            Stack::AspNet => aspnet::render(&p),
            Stack::Go => go::render(&p),
            Stack::Axum => axum::render(&p),
            Stack::Actix => actix::render(&p),
            Stack::Nginx => nginx::render(&p, options),
            Stack::Apache => apache::render(&p, options),
            Stack::Caddy => caddy::render(&p, options),
            Stack::AwsApiGateway => aws::render(&p),
            Stack::CloudflareWorkers => cloudflare::render(&p),
        };
        Snippet {
            stack: self,
            place: place.to_owned(),
            language,
            code,
            notes,
        }
    }
}

/// The tuple every stack file returns: place, language, code, notes.
type Parts = (&'static str, &'static str, String, Vec<String>);

fn sanitized(policy: &Policy) -> Policy {
    let tokens = |list: &[String]| {
        list.iter()
            .filter(|m| is_token(m))
            .cloned()
            .collect::<Vec<_>>()
    };
    let mut path: String = policy
        .path
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "/-_.~".contains(*c))
        .collect();
    if !path.starts_with('/') {
        path.insert(0, '/');
    }
    if !path.ends_with('/') {
        path.push('/');
    }
    Policy {
        origins: policy
            .origins
            .iter()
            .filter(|o| is_serialized_origin(o))
            .cloned()
            .collect(),
        methods: tokens(&policy.methods),
        allow_headers: tokens(&policy.allow_headers)
            .into_iter()
            .map(|h| h.to_ascii_lowercase())
            .collect(),
        credentials: policy.credentials,
        expose_headers: tokens(&policy.expose_headers)
            .into_iter()
            .map(|h| h.to_ascii_lowercase())
            .collect(),
        max_age: policy.max_age,
        path,
    }
}

/// `'a', 'b'` (or with double quotes).
fn quoted(items: &[String], quote: char) -> String {
    items
        .iter()
        .map(|i| format!("{quote}{i}{quote}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `a, b` for header values.
fn joined(items: &[String]) -> String {
    items.join(", ")
}

/// The max-age in seconds (0 when unset).
fn max_age(policy: &Policy) -> u32 {
    policy.max_age.unwrap_or(0)
}

/// Notes every snippet shares.
fn common_notes(policy: &Policy) -> Vec<String> {
    let mut notes = vec![
        "Origins are an explicit allow-list compared exactly; a request from any other origin gets no Access-Control-Allow-Origin.".to_owned(),
        "Vary: Origin is sent so caches never serve one origin's answer to another.".to_owned(),
    ];
    if policy.allows_credentials() {
        notes.push("Credentials are allowed, so Access-Control-Allow-Origin is the exact origin, never '*'.".to_owned());
    }
    notes
}

#[cfg(test)]
mod tests;

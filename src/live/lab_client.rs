//! The page's calls to the lab's API (`crates/cors-lab`, crates/cors-lab/README.md):
//! `GET /api/health`, `POST /api/scenarios`, `GET /api/scenarios/{id}/log`, `GET /api/cookie`.

use cors_lab::api::{ApiError, Health, LogEntry, RegisterRequest, Registered};
use cors_rules::Scenario;
use gloo_net::http::Request;

use super::timing::within;

/// How long the health check waits for an answer.
const HEALTH_WAIT_MS: i32 = 3_000;
/// How long the other API calls wait.
const API_WAIT_MS: i32 = 10_000;

/// A lab that answered its health check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundLab {
    /// The origin the health check went to (API calls go there too).
    pub origin: String,
    /// What it said about itself.
    pub health: Health,
}

/// Why a call to the lab failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabFailure {
    /// No answer (not running, blocked by the browser, or too slow).
    Unreachable {
        /// The lab origin.
        origin: String,
    },
    /// The lab refused the scenario, naming the field.
    Refused(ApiError),
    /// The lab answered something the page cannot read.
    Unexpected {
        /// The HTTP status.
        status: u16,
    },
}

/// The first candidate origin whose `GET /api/health` answers as a lab.
pub async fn find_lab(candidates: &[String]) -> Option<FoundLab> {
    for origin in candidates {
        let url = format!("{origin}/api/health");
        let answer = within(HEALTH_WAIT_MS, call(Request::get(&url).build()))
            .await
            .and_then(Result::ok)
            .filter(|(status, _)| *status == 200)
            .and_then(|(_, body)| serde_json::from_str::<Health>(&body).ok())
            .filter(|health| health.ok);
        if let Some(health) = answer {
            return Some(FoundLab {
                origin: origin.clone(),
                health,
            });
        }
    }
    None
}

/// Registers `scenario` for a page at `page_origin`; the lab answers with it translated to lab URLs.
///
/// # Errors
/// A [`LabFailure`].
pub async fn register(
    lab: &str,
    scenario: &Scenario,
    page_origin: &str,
) -> Result<Registered, LabFailure> {
    let body = RegisterRequest {
        scenario: scenario.clone(),
        page_origin: Some(page_origin.to_owned()),
    };
    let request = Request::post(&format!("{lab}/api/scenarios")).json(&body);
    let (status, text) = answer(lab, call(request)).await?;
    if (200..300).contains(&status) {
        return serde_json::from_str(&text).map_err(|_| LabFailure::Unexpected { status });
    }
    match serde_json::from_str::<ApiError>(&text) {
        Ok(refusal) => Err(LabFailure::Refused(refusal)),
        Err(_) => Err(LabFailure::Unexpected { status }),
    }
}

/// What the lab received for scenario `id`, in order.
///
/// # Errors
/// A [`LabFailure`].
pub async fn read_log(lab: &str, id: &str) -> Result<Vec<LogEntry>, LabFailure> {
    let url = format!("{lab}/api/scenarios/{id}/log");
    let (status, text) = answer(lab, call(Request::get(&url).build())).await?;
    if status != 200 {
        return Err(LabFailure::Unexpected { status });
    }
    serde_json::from_str(&text).map_err(|_| LabFailure::Unexpected { status })
}

/// Asks the lab at the page's own origin to set its test cookie (`cors_lab=1`, `SameSite=Lax`) for the
/// page's host, so that "cookies attached" can be seen in the lab's log. Returns whether it answered.
pub async fn plant_cookie(lab: &str) -> bool {
    let url = format!("{lab}/api/cookie");
    matches!(
        within(API_WAIT_MS, call(Request::get(&url).build())).await,
        Some(Ok((200..=299, _)))
    )
}

/// Waits for an API call, turning silence and network errors into [`LabFailure::Unreachable`].
async fn answer(
    lab: &str,
    call: impl std::future::Future<Output = Result<(u16, String), gloo_net::Error>>,
) -> Result<(u16, String), LabFailure> {
    match within(API_WAIT_MS, call).await {
        Some(Ok(answer)) => Ok(answer),
        _ => Err(LabFailure::Unreachable {
            origin: lab.to_owned(),
        }),
    }
}

/// One call to the lab's API (`gloo-net`): the status and the body's text. The live run's own request
/// goes out through `fetch_run`/`xhr_run` instead, which set every `fetch()` option the scenario names.
async fn call(request: Result<Request, gloo_net::Error>) -> Result<(u16, String), gloo_net::Error> {
    let response = request?.send().await?;
    let text = response.text().await?;
    Ok((response.status(), text))
}

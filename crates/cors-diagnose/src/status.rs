//! HTTP status versus CORS: what the Network tab shows, what the console says, and what it means for
//! this case.

use cors_rules::scenario::Answer;
use cors_rules::{CheckId, Outcome, Scenario, Stage, Verdict};
use serde::Serialize;

/// Which of the confusing situations a case is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StatusCase {
    /// The script reads the response (whatever its status).
    Readable,
    /// A 2xx answer the browser still withholds.
    OkButBlocked,
    /// A 4xx/5xx answer without CORS headers: an ordinary server error shown as a "CORS error".
    ErrorWithoutCors,
    /// The preflight failed, so the request itself was never sent.
    PreflightFailed,
    /// No HTTP answer at all: not CORS.
    NetworkFailure,
    /// Blocked before anything was sent.
    NotSent,
    /// Blocked for another reason.
    OtherBlock,
}

/// The explanation for one case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusExplanation {
    /// Which situation it is.
    pub case: StatusCase,
    /// The Network tab's rows, as `METHOD URL — status (type)`.
    pub network: Vec<String>,
    /// The console lines.
    pub console: Vec<String>,
    /// What the script sees.
    pub script: String,
    /// What it means, in a few sentences.
    pub points: Vec<String>,
}

fn status_of(scenario: &Scenario, url: &str, stage: Stage) -> Option<u16> {
    let entry = scenario
        .server
        .iter()
        .find(|e| e.url == url)
        .or(scenario.server.first())?;
    let answer = match stage {
        Stage::Preflight => entry.preflight.as_ref().unwrap_or(&entry.response),
        _ => &entry.response,
    };
    match answer {
        Answer::Http(http) => Some(http.status),
        Answer::Error(_) => None,
    }
}

/// Explains the Network tab versus the console for a scenario and its verdict.
#[must_use]
pub fn explain_status(scenario: &Scenario, verdict: &Verdict) -> StatusExplanation {
    let network = verdict
        .network
        .iter()
        .map(|r| format!("{} {} — {} ({})", r.method, r.url, r.status, r.kind))
        .collect();
    let script = verdict
        .js_error
        .clone()
        .unwrap_or_else(|| match &verdict.readable {
            Some(readable) => format!("response.status is {}", readable.status),
            None => "no error".to_owned(),
        });
    let (case, points) = case_and_points(scenario, verdict);
    StatusExplanation {
        case,
        network,
        console: verdict.console.clone(),
        script,
        points,
    }
}

fn case_and_points(scenario: &Scenario, verdict: &Verdict) -> (StatusCase, Vec<String>) {
    if !matches!(
        verdict.outcome,
        Outcome::Blocked | Outcome::RequestError | Outcome::NoEvent
    ) {
        let status = verdict.readable.as_ref().map(|r| r.status);
        let mut points = vec!["CORS let this response through: the script can read it.".to_owned()];
        if let Some(status) = status.filter(|s| *s >= 400) {
            points.push(format!("The {status} is the server's own answer, not a CORS problem: look at the server's logs for why it answered {status}."));
        }
        return (StatusCase::Readable, points);
    }
    let Some(failure) = &verdict.failure else {
        return (StatusCase::OtherBlock, Vec::new());
    };
    let generic = "Whatever the reason, the script only sees a generic network error (fetch rejects with a TypeError, XHR has status 0): the reason is only in the console.".to_owned();
    if matches!(
        failure.check,
        CheckId::NetworkError | CheckId::PreflightNetworkError
    ) {
        return (StatusCase::NetworkFailure, vec![
            "The server never answered (connection refused, DNS, TLS or timeout). The Network tab shows (failed) with a net::ERR_… code other than ERR_FAILED, and no status.".to_owned(),
            "This is not CORS: no header can fix it. Check that the server runs at that host and port, and that its certificate is valid.".to_owned(),
            generic,
        ]);
    }
    if failure.stage == Stage::Request {
        return (StatusCase::NotSent, vec!["The browser refused before sending anything: nothing reached the server, so its logs show nothing.".to_owned(), generic]);
    }
    if failure.stage == Stage::Preflight {
        let status = status_of(scenario, &failure.url, Stage::Preflight);
        let shown = status.map_or("(failed)".to_owned(), |s| s.to_string());
        return (StatusCase::PreflightFailed, vec![
            format!("The OPTIONS preflight (a row of type 'preflight' in Chrome's Network tab) got {shown}; the browser then never sent the request itself, whose row shows 'CORS error' or (failed) net::ERR_FAILED with no response."),
            "Your server's logs show only the OPTIONS request. Frequent causes: authentication that rejects OPTIONS (preflights never carry credentials), a router without an OPTIONS route (404/405), or a redirect.".to_owned(),
            generic,
        ]);
    }
    let status = status_of(scenario, &failure.url, Stage::Response).unwrap_or(0);
    if status >= 400 && matches!(failure.check, CheckId::AllowOriginMissing) {
        return (StatusCase::ErrorWithoutCors, vec![
            format!("The server answered {status}, but without Access-Control-Allow-Origin, so the browser reports a CORS error and hides the {status} from the script (status 0)."),
            "Error responses often come from a different code path (an error handler, the framework's default error page, a proxy or gateway) that skips the CORS middleware.".to_owned(),
            format!("Two fixes: put the CORS headers on error responses too (then the script sees the real {status}), and fix whatever makes the server answer {status}."),
        ]);
    }
    if (200..300).contains(&status) {
        return (StatusCase::OkButBlocked, vec![
            format!("The Network tab shows {status}: the request reached the server and ran (anything it changes has changed). The browser received the answer but withholds it from the script because the CORS check failed."),
            "Chrome marks the row 'CORS error' (net::ERR_FAILED); DevTools may still show the response headers, but the script gets nothing.".to_owned(),
            generic,
        ]);
    }
    (
        StatusCase::OtherBlock,
        vec![
            format!("The server answered {status} and the CORS check failed on that answer."),
            generic,
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use cors_rules::evaluate;

    fn explain(json: &str) -> StatusExplanation {
        let scenario = Scenario::from_json(json).expect("valid");
        let verdict = evaluate(&scenario).expect("evaluates");
        explain_status(&scenario, &verdict)
    }

    #[test]
    fn a_500_without_cors_headers_is_an_ordinary_error_shown_as_cors() {
        let e = explain(
            r#"{"page":"https://app.example","request":{"url":"https://api.example/x"},"server":[{"url":"https://api.example/x","response":{"status":500}}]}"#,
        );
        assert_eq!(e.case, StatusCase::ErrorWithoutCors);
        assert!(e.points[0].contains("500"));
    }

    #[test]
    fn a_200_without_cors_headers_is_blocked_after_running() {
        let e = explain(
            r#"{"page":"https://app.example","request":{"url":"https://api.example/x"},"server":[{"url":"https://api.example/x","response":{"status":200}}]}"#,
        );
        assert_eq!(e.case, StatusCase::OkButBlocked);
    }

    #[test]
    fn a_refused_connection_is_not_cors() {
        let e = explain(
            r#"{"page":"https://app.example","request":{"url":"https://api.example/x"},"server":[{"url":"https://api.example/x","response":{"error":"connection-refused"}}]}"#,
        );
        assert_eq!(e.case, StatusCase::NetworkFailure);
    }

    #[test]
    fn a_readable_404_is_the_servers_answer() {
        let e = explain(
            r#"{"page":"https://app.example","request":{"url":"https://api.example/x"},"server":[{"url":"https://api.example/x","response":{"status":404,"headers":[["Access-Control-Allow-Origin","*"]]}}]}"#,
        );
        assert_eq!(e.case, StatusCase::Readable);
        assert!(e.points.iter().any(|p| p.contains("404")));
    }

    #[test]
    fn a_failed_preflight_means_the_request_was_never_sent() {
        let e = explain(
            r#"{"page":"https://app.example","request":{"url":"https://api.example/x","method":"PUT"},"server":[{"url":"https://api.example/x","preflight":{"status":401}}]}"#,
        );
        assert_eq!(e.case, StatusCase::PreflightFailed);
        assert!(e.points[0].contains("401"));
    }
}

//! Answering `/s/{id}/...`: the registered scenario's answer for this lab URL, logged.

use super::head::{latin1, RequestHead};
use super::prepared::{not_found, Prepared};
use super::store::{url_key, Lookup, Store};
use crate::api::{LogEntry, LoggedAnswer};

/// The start of every scenario path.
pub(crate) const PREFIX: &str = "/s/";

/// Header values the log never shows: they may carry the user's own credentials for other local servers.
const REDACTED: [&str; 3] = ["cookie", "authorization", "proxy-authorization"];

/// Finds (and logs) the answer to a scenario request arriving with `Host: host`.
pub(crate) fn answer(store: &Store, head: &RequestHead, host: &str) -> Prepared {
    let id = head.target[PREFIX.len()..]
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    let Some(url) = url_key(&format!("http://{host}{}", head.target)) else {
        return Prepared::Http(not_found("this is not a valid URL"));
    };
    let preflight =
        head.method == "OPTIONS" && head.header("access-control-request-method").is_some();
    match store.answer(id, &url, log_entry(head, url.clone(), preflight)) {
        Lookup::UnknownScenario => {
            Prepared::Http(not_found("no such scenario (never registered, or evicted)"))
        }
        Lookup::NoEntry => {
            Prepared::Http(not_found("the scenario has no server entry for this URL"))
        }
        Lookup::Answer(prepared) => prepared,
    }
}

fn log_entry(head: &RequestHead, url: String, preflight: bool) -> LogEntry {
    let headers = head
        .headers
        .iter()
        .map(|(name, value)| {
            let redact = REDACTED.iter().any(|r| name.eq_ignore_ascii_case(r));
            let value = if redact {
                format!("(redacted, {} bytes)", value.len())
            } else {
                latin1(value)
            };
            (name.clone(), value)
        })
        .collect();
    LogEntry {
        seq: 0,
        method: head.method.clone(),
        url,
        origin: head.header_text("origin"),
        access_control_request_method: head.header_text("access-control-request-method"),
        access_control_request_headers: head.header_text("access-control-request-headers"),
        cookies: head.header("cookie").is_some(),
        headers,
        preflight,
        answer: LoggedAnswer::NoEntry,
    }
}

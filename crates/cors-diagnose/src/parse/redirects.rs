//! Redirect chains in a capture: the request the script made, and the entries its redirects lead to.

use cors_rules::scenario::ServerEntry;

use super::exchange::{answer_of, header, Capture, Exchange};

/// The request whose redirects led to `exchange` (the script made that one).
pub(super) fn chain_start<'a>(
    candidates: &[&'a Exchange],
    mut exchange: &'a Exchange,
) -> &'a Exchange {
    for _ in 0..20 {
        let url = exchange.request.as_ref().and_then(|r| r.url.as_deref());
        let previous = candidates.iter().find(|e| {
            let Some(answer) = e.answer.as_ref().filter(|a| (300..400).contains(&a.status)) else {
                return false;
            };
            let from = e
                .request
                .as_ref()
                .and_then(|r| r.url.as_deref())
                .and_then(|u| url::Url::parse(u).ok());
            let target = header(&answer.headers, "location").and_then(|l| from?.join(l).ok());
            target.is_some_and(|t| Some(t.as_str()) == url)
        });
        match previous {
            Some(previous) => exchange = previous,
            None => break,
        }
    }
    exchange
}

/// Server entries for the redirect targets the request's answer leads to, as far as the capture shows them.
pub(super) fn redirect_targets(capture: &Capture, url: &str) -> Vec<ServerEntry> {
    let mut out: Vec<ServerEntry> = Vec::new();
    let mut current = url.to_owned();
    for _ in 0..20 {
        let answer = capture
            .exchanges
            .iter()
            .filter(|e| !e.is_preflight())
            .find(|e| e.request.as_ref().and_then(|r| r.url.as_deref()) == Some(current.as_str()))
            .and_then(|e| e.answer.as_ref());
        let Some(location) = answer
            .filter(|a| (300..400).contains(&a.status))
            .and_then(|a| header(&a.headers, "location"))
        else {
            break;
        };
        let Some(next) = url::Url::parse(&current)
            .ok()
            .and_then(|u| u.join(location).ok())
            .map(|u| u.to_string())
        else {
            break;
        };
        let exchange = capture
            .exchanges
            .iter()
            .find(|e| e.request.as_ref().and_then(|r| r.url.as_deref()) == Some(next.as_str()));
        let Some(answer) = exchange.and_then(answer_of) else {
            break;
        };
        if out.iter().any(|e| e.url == next) || next == url {
            break;
        }
        out.push(ServerEntry {
            url: next.clone(),
            preflight: None,
            response: answer,
        });
        current = next;
    }
    out
}

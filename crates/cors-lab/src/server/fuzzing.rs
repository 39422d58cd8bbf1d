//! Entry points for the fuzz targets in `fuzz/` (feature `fuzzing`): the request-head parser and the
//! registration path, driven with arbitrary bytes exactly as the connection loop and the API drive them.
//! Not part of the lab's API.

use std::net::{IpAddr, Ipv4Addr};

use super::config::origins_for;
use super::head::{parse, RequestHead};
use super::registration::{register, Context};
use super::scenario_route::{self, PREFIX};
use super::store::Store;
use crate::api::LabOrigins;
use crate::limits::Limits;

/// Parses `bytes` as a request head, asks it everything the connection loop asks, and answers it as a
/// scenario request against a lab holding one registered scenario.
pub fn request_head(bytes: &[u8]) {
    let Ok(Some((head, len))) = parse(bytes) else {
        return;
    };
    assert!(len <= bytes.len(), "a head cannot be longer than its bytes");
    let _ = (head.framing(), head.keep_alive(), head.expects_continue());
    let host = head.header_text("host").unwrap_or_default();
    if head.target.starts_with(PREFIX) {
        let store = store_with_one_scenario();
        let _ = scenario_route::answer(&store, &head, &host);
        let _ = scenario_route::answer(&store, &retarget(&head), &host);
    }
}

/// Registers `body` as `POST /api/scenarios` does: read, check, translate, render and store.
pub fn registration(body: &[u8]) {
    let store = Store::new(Limits::default());
    let origins = lab_origins();
    let context = Context {
        id: store.new_id(),
        origin_header: Some("http://127.0.0.1:8080"),
        origins: &origins,
        limits: &Limits::default(),
    };
    if let Ok(registered) = register(body, context) {
        let registered = store.register(registered);
        let _ = serde_json::to_vec(&*registered);
    }
}

/// A store with the registration every head is answered against.
fn store_with_one_scenario() -> Store {
    let store = Store::new(Limits::default());
    let origins = lab_origins();
    let context = Context {
        id: "k1".to_owned(),
        origin_header: None,
        origins: &origins,
        limits: &Limits::default(),
    };
    let body = br#"{"page": "https://a.test", "request": {"url": "https://b.test/x", "method": "PUT"},
        "server": [{"url": "https://b.test/x", "preflight": {"status": 204, "headers": [["Access-Control-Allow-Origin", "*"]]},
                    "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "*"]]}}]}"#;
    if let Ok(registered) = register(body, context) {
        store.register(registered);
    }
    store
}

/// The default lab's origins.
fn lab_origins() -> LabOrigins {
    origins_for(IpAddr::V4(Ipv4Addr::LOCALHOST), 8080, &[8081, 8082])
}

/// The same head aimed at the registered scenario (`k1`), so the lookup gets past the id.
fn retarget(head: &RequestHead) -> RequestHead {
    let rest = head.target[PREFIX.len()..]
        .split_once('/')
        .map_or("", |(_, rest)| rest);
    RequestHead {
        method: head.method.clone(),
        target: format!("{PREFIX}k1/{rest}"),
        minor_version: head.minor_version,
        headers: head.headers.clone(),
    }
}

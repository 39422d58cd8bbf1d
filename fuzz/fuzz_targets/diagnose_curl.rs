//! Pasted `curl -v` output, with the curl command line it may start with (`parse::curl`).
#![no_main]

use cors_diagnose::parse::{curl::parse_curl_verbose, scenario_from_capture};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(capture) = parse_curl_verbose(text) {
        let built = scenario_from_capture(&capture, None, None);
        cors_explainer_fuzz::exercise(&built.scenario);
    }
});

//! Pasted response headers (`parse::headers`), and the scenario built from them.
#![no_main]

use cors_diagnose::parse::{headers::parse_headers, scenario_from_capture, Slot};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(capture) = parse_headers(text) {
        for slot in [None, Some(Slot::Preflight), Some(Slot::Response)] {
            let built = scenario_from_capture(&capture, None, slot);
            cors_explainer_fuzz::exercise(&built.scenario);
        }
    }
});

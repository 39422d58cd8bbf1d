//! Pasted browser console text (`cors_diagnose::console::recognise`), and the scenario it reproduces.
#![no_main]

use cors_diagnose::console::{closest, network_line, recognise};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let diagnosis = recognise(text);
    let _ = serde_json::to_string(&diagnosis);
    if let Some(scenario) = diagnosis.recognised.and_then(|r| r.scenario) {
        cors_explainer_fuzz::exercise(&scenario);
    }
    let _ = closest::closest(text);
    for line in text.lines() {
        let _ = network_line::read_chrome(line);
        let _ = network_line::read_http_status(line);
        let _ = network_line::read_safari(line);
    }
});

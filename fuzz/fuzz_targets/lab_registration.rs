//! A body sent to `POST /api/scenarios`: read, checked, translated, rendered to bytes and stored.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    cors_lab::server::fuzzing::registration(data);
});

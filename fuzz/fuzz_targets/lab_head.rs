//! The lab's request-head parser, and a parsed head answered as a scenario request.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    cors_lab::server::fuzzing::request_head(data);
});

//! The app's share links (`src/share.rs`): a whole query string, or a JSON payload sent as `?s=` in
//! base64url, as a person pasting a link would have it read.
#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use cors_explainer::share::{read_link, write_link};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let query = if mode % 2 == 0 {
        // The payload as bytes (invalid UTF-8 included) behind `s=`.
        format!("?s={}&step={}", URL_SAFE_NO_PAD.encode(rest), mode / 2 % 9)
    } else {
        String::from_utf8_lossy(rest).into_owned()
    };
    let (link, problem) = read_link(&query);
    if let Some(problem) = problem {
        let _ = problem.message();
    }
    cors_explainer_fuzz::exercise(&link.scenario);
    // A link the app writes reads back to the same link.
    let written = write_link(&link);
    let (again, again_problem) = read_link(&written);
    assert_eq!(
        again_problem, None,
        "a written link has a problem: {written}"
    );
    assert_eq!(
        again, link,
        "a written link reads back differently: {written}"
    );
});

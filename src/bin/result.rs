//! The result's details in their own Wasm module (console text, fixes, wire, checks, live run): the app
//! loads it once a result is on the page.

fn main() {
    cors_explainer::mount_result();
}

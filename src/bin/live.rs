//! The live panel's own Wasm module: the app loads it once the result view is on the page.

fn main() {
    cors_explainer::mount_live();
}

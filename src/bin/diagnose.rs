//! The diagnose panels' own Wasm module: the app loads it when their section comes into view.

fn main() {
    cors_explainer::mount_diagnose();
}

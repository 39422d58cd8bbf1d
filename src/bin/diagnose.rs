//! The diagnose panels' own Wasm module: the app loads it when their section comes near the viewport.

fn main() {
    cors_explainer::mount_diagnose();
}

//! The diagnose panel's own Wasm module: the app loads it after its first render.

fn main() {
    cors_explainer::mount_diagnose();
}

//! The result module (`src/result/island.rs`): the server step's answer editors, the result's details
//! (console text, fixes, wire, checks, live run) and the gallery's cards, in their own Wasm module.

fn main() {
    cors_explainer::mount_result();
}

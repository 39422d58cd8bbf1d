//! The app's entry point: everything lives in the library.

fn main() {
    cors_explainer::mount();
}

//! The Unicode back end of the [`idna`](https://docs.rs/idna) crate, which `url` uses to turn host
//! names into their ASCII form, chosen per target instead of once per `Cargo.lock`.
//!
//! - Native builds (the engine's tests, the CLI, the lab, the diagnose checks) get ICU4X, exactly as
//!   the registry's `idna_adapter` 1.2.2 ships it ([`icu4x`]): full UTS 46 processing.
//! - The browser build (`wasm32`) gets no Unicode back end, as `idna_adapter` 1.0.0 ships it
//!   ([`ascii_only`]): a non-ASCII host name is an error and `xn--` labels are not validated. This
//!   keeps 45 KiB gzip of Unicode tables out of the page. The app hands the engine host names
//!   already in ASCII form: the browser's own URL parser converts them first
//!   (`src/host_names.rs` in the app).
//!
//! The upstream files are kept as published (license headers included); only this file is ours.

#![no_std]

#[cfg(target_arch = "wasm32")]
mod ascii_only;
// ICU4X 2.4 deprecates `to_icu4c_value`, which the published file still uses.
#[cfg(not(target_arch = "wasm32"))]
#[allow(deprecated)]
mod icu4x;

#[cfg(target_arch = "wasm32")]
pub use ascii_only::*;
#[cfg(not(target_arch = "wasm32"))]
pub use icu4x::*;

//! "Run it live": the page fires the scenario's request for real, from this browser, and shows the actual
//! result beside the engine's prediction for the real page and URLs, field by field.
//!
//! The request goes to the lab (`crates/cors-lab`) when one answers `GET /api/health` at the page's own
//! origin or at `http://127.0.0.1:8080`: the scenario is registered for the page's real origin, the engine
//! predicts the lab-translated scenario with the profile of the browser running the page, and the lab's
//! log shows what reached the server. Or it goes to a URL the person types; then only what the page's
//! script can see is compared.
//!
//! Plain data and functions ([`plan`], [`compare`], [`observe`], [`profile`], [`words`]) are
//! unit-tested natively; the browser calls live in [`fetch_run`], [`xhr_run`] and [`lab_client`], the
//! components in [`panel`], [`report_view`] and [`log_view`].

pub mod compare;
pub mod fetch_run;
pub mod lab_client;
pub mod log_view;
pub mod observe;
pub mod panel;
pub mod plan;
pub mod profile;
pub mod report_view;
pub mod run;
pub mod timing;
pub mod words;
pub mod xhr_run;

pub use panel::LiveSection;

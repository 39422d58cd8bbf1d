//! The command line: subcommands and flags, parsed by clap. A value that cannot be used is refused here,
//! with a message naming the flag, and the process exits with status 2.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use cors_rules::scenario::{Api, RequestMode};
use cors_rules::Browser;

use crate::inputs::{parse_header, parse_origin, parse_url, HeaderLine, PageOrigin};

const EXIT_STATUS: &str = "\
EXAMPLES:
    cors-explain eval < scenario.json
    cors-explain check https://api.example.com/v1/items --origin https://app.example.com -X PUT \\
        -H 'Content-Type: application/json' --credentials
    cors-explain check --config cors-checks.toml
    pbpaste | cors-explain explain

EXIT STATUS:
    0  eval, explain: the answer was written; check: allowed in every browser asked
    1  check: blocked in at least one browser asked (or a check of --config failed)
    2  malformed input or bad usage (the message names the field or the flag)
    3  check: the server could not be reached (DNS, TLS, connection or timeout)";

/// cors-explain: explains exactly why a browser allows or blocks a cross-origin request.
#[derive(Debug, Parser)]
#[command(name = "cors-explain", version, after_help = EXIT_STATUS, arg_required_else_help = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Evaluate one scenario object, or an array of them, read as JSON on standard input (docs/reference/scenario-format.md);
    /// writes the verdict(s) as JSON. In an array, a malformed scenario yields {"error": "..."} in its slot.
    Eval,
    /// Ask a real server exactly as a browser would, and explain what each browser does with its answers.
    Check(Box<CheckArgs>),
    /// Explain a pasted console message, response headers, `curl -v` output or HAR file (standard input).
    Explain(ExplainArgs),
}

/// `cors-explain check`.
#[derive(Debug, Args)]
#[command(after_help = EXIT_STATUS)]
pub struct CheckArgs {
    /// The URL the page's script fetches.
    #[arg(value_parser = parse_url, required_unless_present = "config")]
    pub url: Option<url::Url>,
    /// The page's origin (`https://app.example.com`), or `null` for an opaque origin.
    #[arg(long, value_parser = parse_origin, required_unless_present = "config")]
    pub origin: Option<PageOrigin>,
    /// The method as the script writes it (case is kept, as `fetch()` keeps it).
    #[arg(long, short = 'X', default_value = "GET")]
    pub method: String,
    /// A header the script sets, `Name: value`; repeat for more.
    #[arg(long = "header", short = 'H', value_name = "NAME: VALUE", value_parser = parse_header)]
    pub headers: Vec<HeaderLine>,
    /// The script includes credentials (`credentials: "include"`, XHR `withCredentials = true`).
    #[arg(long)]
    pub credentials: bool,
    /// The request mode.
    #[arg(long, value_enum, default_value_t = ModeArg::Cors)]
    pub mode: ModeArg,
    /// The script API making the request.
    #[arg(long, value_enum, default_value_t = ApiArg::Fetch)]
    pub api: ApiArg,
    /// Which browser(s) to judge for.
    #[arg(long, value_enum, default_value_t = BrowserArg::All)]
    pub browser: BrowserArg,
    /// Seconds to wait for each answer.
    #[arg(long, default_value_t = 10.0, value_parser = parse_timeout)]
    pub timeout: f64,
    /// Print `{"scenario": …, "verdicts": {browser: verdict}}` instead of the explanation.
    #[arg(long)]
    pub json: bool,
    /// Also print the app link that opens the recorded scenario.
    #[arg(long)]
    pub link: bool,
    /// The app the link opens (also `CORS_EXPLAIN_APP`).
    #[arg(
        long,
        env = "CORS_EXPLAIN_APP",
        default_value = "http://127.0.0.1:8080/"
    )]
    pub app: String,
    /// Do not verify TLS certificates (said on standard error).
    #[arg(long)]
    pub insecure: bool,
    /// Run every check of a TOML file instead (see crates/cors-cli/README.md).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["url", "origin", "json", "link"])]
    pub config: Option<PathBuf>,
}

/// `cors-explain explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Print the scenario and verdict as JSON instead of the explanation.
    #[arg(long)]
    pub json: bool,
}

/// `--mode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    /// CORS checks apply.
    Cors,
    /// An opaque response, no CORS checks.
    NoCors,
}

impl From<ModeArg> for RequestMode {
    fn from(mode: ModeArg) -> RequestMode {
        match mode {
            ModeArg::Cors => RequestMode::Cors,
            ModeArg::NoCors => RequestMode::NoCors,
        }
    }
}

/// `--api`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ApiArg {
    /// `fetch()`.
    Fetch,
    /// `XMLHttpRequest`.
    Xhr,
}

impl From<ApiArg> for Api {
    fn from(api: ApiArg) -> Api {
        match api {
            ApiArg::Fetch => Api::Fetch,
            ApiArg::Xhr => Api::Xhr,
        }
    }
}

/// `--browser`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BrowserArg {
    /// Chrome, Edge and other Chromium browsers.
    Chrome,
    /// Firefox.
    Firefox,
    /// Safari and WebKit browsers.
    Safari,
    /// The Fetch standard to the letter.
    Spec,
    /// Chrome, Firefox and Safari.
    All,
}

impl BrowserArg {
    /// The engine profiles this choice stands for.
    #[must_use]
    pub fn profiles(self) -> Vec<Browser> {
        match self {
            BrowserArg::Chrome => vec![Browser::Chrome],
            BrowserArg::Firefox => vec![Browser::Firefox],
            BrowserArg::Safari => vec![Browser::Safari],
            BrowserArg::Spec => vec![Browser::Spec],
            BrowserArg::All => vec![Browser::Chrome, Browser::Firefox, Browser::Safari],
        }
    }
}

/// `--timeout`: a positive number of seconds, at most a day.
fn parse_timeout(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(seconds) if seconds > 0.0 && seconds <= 86_400.0 => Ok(seconds),
        _ => Err(format!(
            "'{text}' is not a number of seconds between 0 and 86400"
        )),
    }
}

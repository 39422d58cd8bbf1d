//! Why the harness could not do what a test asked.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// A failure of the test harness itself, named for what went wrong.
///
/// `Debug` prints the same text as `Display`, because a test returning `Err` shows `Debug`.
pub enum HarnessError {
    /// The site to serve has not been built.
    BuildMissing { index_html: PathBuf },
    /// A process or file operation failed.
    Io {
        doing: String,
        source: std::io::Error,
    },
    /// chromedriver did not accept a session in time.
    DriverNotReady { port: u16, last_error: String },
    /// A WebDriver command failed.
    WebDriver {
        doing: String,
        source: fantoccini::error::CmdError,
    },
    /// A condition did not hold within the wait timeout.
    Timeout {
        waiting_for: String,
        after: Duration,
        /// The page as it was when the wait gave up, when it could be saved.
        screenshot: Option<PathBuf>,
    },
    /// The page answered a script with a value of an unexpected shape.
    UnexpectedScriptResult {
        script: String,
        value: serde_json::Value,
    },
    /// The app did not replace the prerendered landing page in time.
    AppDidNotMount {
        after: Duration,
        failed_requests: Vec<String>,
    },
    /// The page logged errors to its console.
    ConsoleErrors { entries: Vec<String> },
}

impl HarnessError {
    pub(crate) fn io(doing: impl Into<String>) -> impl FnOnce(std::io::Error) -> Self {
        let doing = doing.into();
        move |source| HarnessError::Io { doing, source }
    }

    pub(crate) fn webdriver(
        doing: impl Into<String>,
    ) -> impl FnOnce(fantoccini::error::CmdError) -> Self {
        let doing = doing.into();
        move |source| HarnessError::WebDriver { doing, source }
    }
}

impl fmt::Display for HarnessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HarnessError::BuildMissing { index_html } => write!(
                f,
                "{} does not exist: build the site first (./scripts/test.sh does, with trunk)",
                index_html.display()
            ),
            HarnessError::Io { doing, source } => write!(f, "{doing}: {source}"),
            HarnessError::DriverNotReady { port, last_error } => write!(
                f,
                "chromedriver on port {port} gave no session: {last_error} \
                 (is `chromium-driver` installed? ./scripts/setup.sh installs it)"
            ),
            HarnessError::WebDriver { doing, source } => write!(f, "{doing}: {source}"),
            HarnessError::Timeout {
                waiting_for,
                after,
                screenshot,
            } => {
                write!(f, "gave up after {after:?} waiting for {waiting_for}")?;
                match screenshot {
                    Some(path) => write!(f, " (screenshot: {})", path.display()),
                    None => Ok(()),
                }
            }
            HarnessError::UnexpectedScriptResult { script, value } => {
                write!(f, "script {script:?} returned unexpected {value}")
            }
            HarnessError::AppDidNotMount {
                after,
                failed_requests,
            } => {
                write!(f, "the app did not mount within {after:?}")?;
                match failed_requests.as_slice() {
                    [] => Ok(()),
                    failed => write!(f, "; failed requests: {}", failed.join(", ")),
                }
            }
            HarnessError::ConsoleErrors { entries } => {
                write!(f, "the page logged {} console error(s):", entries.len())?;
                entries.iter().try_for_each(|e| write!(f, "\n  {e}"))
            }
        }
    }
}

impl fmt::Debug for HarnessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for HarnessError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            HarnessError::Io { source, .. } => Some(source),
            HarnessError::WebDriver { source, .. } => Some(source),
            _ => None,
        }
    }
}

//! Why a conformance run could not be carried out (as opposed to a disagreement, which is a result).

use std::path::PathBuf;

/// A failure of the harness itself.
#[derive(Debug)]
#[non_exhaustive]
pub enum HarnessError {
    /// The lab server did not start.
    LabStart(String),
    /// The lab's API answered with an error or could not be reached.
    LabApi {
        /// What was asked.
        call: String,
        /// What went wrong.
        reason: String,
    },
    /// A WebDriver server or browser did not start.
    DriverStart {
        /// The browser.
        browser: &'static str,
        /// What went wrong.
        reason: String,
    },
    /// A WebDriver command failed.
    WebDriver(String),
    /// The harness page's script did not return what the harness expects.
    Script(String),
    /// A file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// A file's content is not what the harness expects.
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        problem: String,
    },
}

impl std::fmt::Display for HarnessError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HarnessError::LabStart(reason) => write!(f, "the lab did not start: {reason}"),
            HarnessError::LabApi { call, reason } => write!(f, "lab API {call}: {reason}"),
            HarnessError::DriverStart { browser, reason } => {
                write!(f, "{browser} did not start: {reason}")
            }
            HarnessError::WebDriver(reason) => write!(f, "WebDriver: {reason}"),
            HarnessError::Script(reason) => write!(f, "harness page script: {reason}"),
            HarnessError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            HarnessError::Format { path, problem } => write!(f, "{}: {problem}", path.display()),
        }
    }
}

impl std::error::Error for HarnessError {}

impl From<fantoccini::error::CmdError> for HarnessError {
    fn from(error: fantoccini::error::CmdError) -> Self {
        HarnessError::WebDriver(error.to_string())
    }
}

/// Shorthand for results of harness operations.
pub type Result<T> = std::result::Result<T, HarnessError>;

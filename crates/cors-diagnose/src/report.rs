//! What a parser understood and what it ignored, line by line, and where malformed input went wrong.

use serde::Serialize;

/// How one input line was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "note", rename_all = "kebab-case")]
pub enum Reading {
    /// The line was used; the text says what it gave.
    Understood(String),
    /// The line was skipped; the text says why.
    Ignored(String),
}

/// One input line and how it was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LineNote {
    /// The line number, from 1.
    pub line: usize,
    /// The line as pasted (trimmed).
    pub text: String,
    /// Whether it was used, and what for.
    pub reading: Reading,
}

impl LineNote {
    /// A line that was used.
    #[must_use]
    pub fn understood(line: usize, text: &str, note: impl Into<String>) -> LineNote {
        LineNote {
            line,
            text: text.to_owned(),
            reading: Reading::Understood(note.into()),
        }
    }

    /// A line that was skipped.
    #[must_use]
    pub fn ignored(line: usize, text: &str, why: impl Into<String>) -> LineNote {
        LineNote {
            line,
            text: text.to_owned(),
            reading: Reading::Ignored(why.into()),
        }
    }

    /// Whether the line was used.
    #[must_use]
    pub fn is_understood(&self) -> bool {
        matches!(self.reading, Reading::Understood(_))
    }
}

/// Input that cannot be read at all, with the line (and column, when known) at fault.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParseError {
    /// The offending line, from 1 (0 when the input as a whole is at fault, e.g. empty).
    pub line: usize,
    /// The column, from 1, when known.
    pub column: Option<usize>,
    /// What is wrong, in plain words.
    pub message: String,
}

impl ParseError {
    /// An error at one line.
    #[must_use]
    pub fn at(line: usize, message: impl Into<String>) -> ParseError {
        ParseError {
            line,
            column: None,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}", self.message),
            (line, Some(column)) => write!(f, "line {line}, column {column}: {}", self.message),
            (line, None) => write!(f, "line {line}: {}", self.message),
        }
    }
}

impl std::error::Error for ParseError {}

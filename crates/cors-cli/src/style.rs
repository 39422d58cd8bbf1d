//! Colour on a terminal, none when piped (or when `NO_COLOR` is set): ANSI escapes around a few kinds of
//! text, nothing else.

use std::io::IsTerminal;

/// What a piece of text is, for its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// An allowed verdict, a passed check.
    Good,
    /// A blocked verdict, a failed check.
    Bad,
    /// A CORS header on the wire, a warning.
    Notice,
    /// Headings.
    Strong,
    /// Secondary text.
    Faint,
}

/// Whether to colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    colour: bool,
}

impl Style {
    /// Colour when standard output is a terminal and `NO_COLOR` is not set.
    #[must_use]
    pub fn for_stdout() -> Style {
        Style {
            colour: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }

    /// `text` in the colour of `tone`.
    #[must_use]
    pub fn paint(self, tone: Tone, text: &str) -> String {
        if !self.colour {
            return text.to_owned();
        }
        let code = match tone {
            Tone::Good => "1;32",
            Tone::Bad => "1;31",
            Tone::Notice => "33",
            Tone::Strong => "1",
            Tone::Faint => "2",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_has_no_escapes() {
        assert_eq!(
            Style { colour: false }.paint(Tone::Bad, "blocked"),
            "blocked"
        );
    }

    #[test]
    fn coloured_text_is_wrapped_and_reset() {
        let painted = Style { colour: true }.paint(Tone::Good, "allowed");
        assert_eq!(painted, "\x1b[1;32mallowed\x1b[0m");
    }
}

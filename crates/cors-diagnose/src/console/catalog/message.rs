//! One known console message: which browser prints it, its text with `{name}` holes, and what it means.

use cors_rules::{Browser, CheckId};

/// What a known message means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meaning {
    /// A CORS failure. The checks the text can stand for, most likely first (several when the browser uses
    /// one sentence for several checks, or for both the preflight and the response).
    Failure(&'static [CheckId]),
    /// A warning: the request still goes through today.
    Warning(&'static [CheckId]),
    /// Not a CORS failure at all; the text says what it is.
    NotCors(&'static str),
    /// A line that accompanies a failure (the JavaScript error, the generic "cannot load" line).
    Companion,
}

/// How a message's template is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A Chromium network-service message: the template is the tail after
    /// `Access to {kind} at '{url}' from origin '{origin}' has been blocked by CORS policy: `.
    ChromeTail,
    /// The template is the whole message.
    Whole,
    /// The template is the whole line, nothing after it, and no hole holds a space: for a short message
    /// whose words begin longer ones (`Fetch API cannot load {url}.`).
    WholeLine,
}

/// One known console message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnownMessage {
    /// Which browser prints it.
    pub browser: Browser,
    /// The browser's own name for it (`kMissingAllowOriginHeader`, `CORSMissingAllowOrigin2`…).
    pub code: &'static str,
    /// The text with `{name}` holes.
    pub template: &'static str,
    /// How the template is laid out.
    pub layout: Layout,
    /// What it means.
    pub meaning: Meaning,
}

/// The Chromium prefix of network-service CORS messages.
pub const CHROME_PREFIX: &str =
    "Access to {kind} at '{url}' from origin '{origin}' has been blocked by CORS policy: ";
/// The Chromium prefix when the request was redirected.
pub const CHROME_PREFIX_REDIRECTED: &str =
    "Access to {kind} at '{url}' (redirected from '{initial_url}') from origin '{origin}' has been blocked by CORS policy: ";

impl KnownMessage {
    /// The full message text with its holes, as a user would see it (fetch wording for Chromium).
    #[must_use]
    pub fn text(&self) -> String {
        match self.layout {
            Layout::ChromeTail => format!(
                "{}{}",
                CHROME_PREFIX.replace("{kind}", "fetch"),
                self.template
            ),
            Layout::Whole | Layout::WholeLine => self.template.to_owned(),
        }
    }

    /// The page of the error reference for this message, relative to the site root
    /// (`errors/chrome-missing-allow-origin-header.html`).
    #[must_use]
    pub fn reference_path(&self) -> String {
        format!("errors/{}.html", self.slug())
    }

    /// A readable, stable file name for the message: the browser and its own name in kebab case
    /// (`chrome-missing-allow-origin-header`, `firefox-cors-missing-allow-origin-2`).
    #[must_use]
    pub fn slug(&self) -> String {
        let name = self.code;
        let name = name
            .strip_prefix("CHROMIUM_")
            .or_else(|| name.strip_prefix("FIREFOX_"))
            .or_else(|| name.strip_prefix("WEBKIT_"))
            .unwrap_or(name);
        let name = match name.strip_prefix('k') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_uppercase()) => rest,
            _ => name,
        };
        format!("{}-{}", self.browser.id(), kebab(name))
    }

    /// Whether `line` is this message (any values in its holes; for Chromium's CORS lines, either API
    /// and with or without a redirect, and the endings Chromium appends).
    #[must_use]
    pub fn matches_line(&self, line: &str) -> bool {
        let line = &*crate::console::template::normalize(line.trim());
        match self.layout {
            Layout::Whole => crate::console::template::match_line(self.template, line).is_some(),
            Layout::WholeLine => {
                crate::console::template::match_whole_line(self.template, line).is_some()
            }
            Layout::ChromeTail => [CHROME_PREFIX, CHROME_PREFIX_REDIRECTED]
                .iter()
                .any(|prefix| {
                    let template = format!("{prefix}{}", self.template);
                    crate::console::template::match_line(&template, line)
                        .is_some_and(|(start, _)| start == 0)
                }),
        }
    }

    /// The checks the message can stand for (empty for companions and non-CORS messages).
    #[must_use]
    pub fn checks(&self) -> &'static [CheckId] {
        match self.meaning {
            Meaning::Failure(checks) | Meaning::Warning(checks) => checks,
            Meaning::NotCors(_) | Meaning::Companion => &[],
        }
    }
}

/// `CORSMissingAllowOrigin2` → `cors-missing-allow-origin-2`; `SAME_ORIGIN_MODE` → `same-origin-mode`.
fn kebab(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' || c == '-' {
            if !out.ends_with('-') {
                out.push('-');
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let boundary = match prev {
            Some(p) if p.is_ascii_alphanumeric() => {
                (c.is_ascii_uppercase()
                    && (p.is_ascii_lowercase()
                        || p.is_ascii_digit()
                        || (p.is_ascii_uppercase()
                            && next.is_some_and(|n| n.is_ascii_lowercase()))))
                    || (c.is_ascii_digit() && !p.is_ascii_digit())
            }
            _ => false,
        };
        if boundary && !out.ends_with('-') {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

//! WebKitGTK's MiniBrowser through WebKitWebDriver, on a private Xvfb display. WebKitWebDriver exposes no
//! console, so MiniBrowser runs with `--enable-write-console-messages-to-stdout=true` behind a small
//! wrapper script that sends its (line-buffered) output to a file, and console lines are read from there.

use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value};

use super::process::Child;
use super::{capabilities, ConsoleLine};
use crate::error::{HarnessError, Result};

pub(super) const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/// Words WebKit prints between `CONSOLE` and the message: the message source, then the level.
const SOURCES: [&str; 12] = [
    "JS",
    "HTML",
    "XML",
    "CSS",
    "NETWORK",
    "SECURITY",
    "CONTENTBLOCKER",
    "MEDIA",
    "WEBRTC",
    "OTHER",
    "RENDERING",
    "STORAGE",
];
const LEVELS: [&str; 5] = ["LOG", "INFO", "WARN", "ERROR", "DEBUG"];

pub(super) fn start_error(reason: String) -> HarnessError {
    HarnessError::DriverStart {
        browser: "webkit",
        reason,
    }
}

/// A display number whose X socket does not exist yet.
fn free_display() -> u32 {
    (90..190)
        .find(|n| !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists())
        .unwrap_or(99)
}

/// Writes the wrapper that runs MiniBrowser with its output line-buffered into `console`.
fn write_wrapper(workdir: &Path, console: &Path) -> std::io::Result<PathBuf> {
    let wrapper = workdir.join("minibrowser.sh");
    let script = format!(
        "#!/bin/sh\nexec stdbuf -oL -eL {MINIBROWSER} \"$@\" >>'{}' 2>&1\n",
        console.display()
    );
    std::fs::write(&wrapper, script)?;
    let mut permissions = std::fs::metadata(&wrapper)?.permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(&wrapper, permissions)?;
    Ok(wrapper)
}

/// Starts Xvfb on a free display; returns it and the display name (`:N`).
pub(super) async fn start_xvfb(workdir: &Path) -> Result<(Child, String)> {
    let display = format!(":{}", free_display());
    let xvfb_args: Vec<String> = [
        display.as_str(),
        "-screen",
        "0",
        "1280x1024x24",
        "-nolisten",
        "tcp",
    ]
    .iter()
    .map(|a| (*a).to_owned())
    .collect();
    let xvfb = Child::spawn("Xvfb", &xvfb_args, &[], &workdir.join("xvfb.log"))
        .map_err(|error| start_error(format!("Xvfb: {error}")))?;
    let socket = format!("/tmp/.X11-unix/X{}", display.trim_start_matches(':'));
    for _ in 0..100 {
        if Path::new(&socket).exists() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    Ok((xvfb, display))
}

/// Starts Xvfb and WebKitWebDriver on `port`; returns both processes, the session capabilities and the
/// file MiniBrowser's console lines go to.
pub async fn launch(
    port: u16,
    workdir: &Path,
) -> Result<(Vec<Child>, Map<String, Value>, PathBuf)> {
    let (xvfb, display) = start_xvfb(workdir).await?;
    let console = workdir.join("minibrowser-console.log");
    std::fs::write(&console, "").map_err(|error| start_error(error.to_string()))?;
    let wrapper =
        write_wrapper(workdir, &console).map_err(|error| start_error(error.to_string()))?;
    let env = [("DISPLAY", display)];
    let driver = Child::spawn(
        "WebKitWebDriver",
        &[format!("--port={port}")],
        &env,
        &workdir.join("webkitwebdriver.log"),
    )
    .map_err(|error| start_error(format!("WebKitWebDriver: {error}")))?;
    let caps = capabilities(json!({
        "browserName": "MiniBrowser",
        "webkitgtk:browserOptions": {
            "binary": wrapper.display().to_string(),
            "args": ["--automation", "--enable-write-console-messages-to-stdout=true"]
        }
    }));
    Ok((vec![driver, xvfb], caps, console))
}

/// MiniBrowser's console file, read from where the last read stopped.
#[derive(Debug)]
pub struct ConsoleFile {
    path: PathBuf,
    offset: u64,
}

impl ConsoleFile {
    /// Starts reading `path` from its beginning.
    #[must_use]
    pub fn new(path: PathBuf) -> ConsoleFile {
        ConsoleFile { path, offset: 0 }
    }

    /// Console lines written since the last call (complete lines only).
    pub fn take(&mut self) -> Vec<ConsoleLine> {
        let Ok(mut file) = std::fs::File::open(&self.path) else {
            return Vec::new();
        };
        let mut bytes = Vec::new();
        if file.seek(SeekFrom::Start(self.offset)).is_err() || file.read_to_end(&mut bytes).is_err()
        {
            return Vec::new();
        }
        let complete = bytes
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |last| last + 1);
        self.offset += complete as u64;
        String::from_utf8_lossy(&bytes[..complete])
            .lines()
            .filter_map(parse_line)
            .collect()
    }
}

/// `<url>:<line>:<column>: CONSOLE <SOURCE> <LEVEL> <message>` → a console line (other output → `None`).
/// Messages logged by the engine rather than a script (the CORS reason lines) have no position:
/// `CONSOLE SECURITY ERROR <message>`.
fn parse_line(line: &str) -> Option<ConsoleLine> {
    let (source, rest) = match line.strip_prefix("CONSOLE ") {
        Some(rest) => ("", rest),
        None => line.split_once(": CONSOLE ")?,
    };
    let mut words = rest.splitn(3, ' ').peekable();
    let mut level = String::new();
    let mut skipped = 0;
    while let Some(&word) = words.peek() {
        if SOURCES.contains(&word) && skipped == 0 {
            skipped += 1;
            words.next();
        } else if LEVELS.contains(&word) && level.is_empty() {
            level = word.to_owned();
            words.next();
            break;
        } else {
            break;
        }
    }
    let text: Vec<&str> = words.collect();
    Some(ConsoleLine {
        level,
        text: text.join(" "),
        source: source.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::parse_line;

    #[test]
    fn a_console_line_loses_its_position_source_and_level() {
        let line = parse_line("http://a/:1:44: CONSOLE SECURITY ERROR Not allowed to use restricted network port 9: http://b/x").unwrap();
        assert_eq!(line.level, "ERROR");
        assert_eq!(
            line.text,
            "Not allowed to use restricted network port 9: http://b/x"
        );
        assert_eq!(line.source, "http://a/:1:44");
    }

    #[test]
    fn a_console_api_line_without_source_keeps_its_text() {
        assert_eq!(
            parse_line("file:///p.html:1:20: CONSOLE LOG hello world")
                .unwrap()
                .text,
            "hello world"
        );
    }

    #[test]
    fn a_line_logged_by_the_engine_has_no_source() {
        let line = parse_line(
            "CONSOLE SECURITY ERROR Preflight response is not successful. Status code: 304",
        )
        .unwrap();
        assert_eq!(
            line.text,
            "Preflight response is not successful. Status code: 304"
        );
        assert_eq!(line.level, "ERROR");
        assert_eq!(line.source, "");
    }

    #[test]
    fn other_output_is_not_a_console_line() {
        assert!(parse_line("Gtk-WARNING: something").is_none());
    }
}

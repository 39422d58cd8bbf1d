//! WebKitGTK's MiniBrowser through WebKitWebDriver, on a private Xvfb display. Its console is not exposed
//! through WebDriver, so console lines are not captured.

use std::path::Path;

use serde_json::{json, Map, Value};

use super::capabilities;
use super::process::Child;
use crate::error::{HarnessError, Result};

const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

fn start_error(reason: String) -> HarnessError {
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

/// Starts Xvfb and WebKitWebDriver on `port`; returns both processes and the session capabilities.
pub async fn launch(port: u16, workdir: &Path) -> Result<(Vec<Child>, Map<String, Value>)> {
    let display = format!(":{}", free_display());
    let xvfb_args = vec![
        display.clone(),
        "-screen".into(),
        "0".into(),
        "1280x1024x24".into(),
        "-nolisten".into(),
        "tcp".into(),
    ];
    let xvfb = Child::spawn("Xvfb", &xvfb_args, &[], &workdir.join("xvfb.log"))
        .map_err(|error| start_error(format!("Xvfb: {error}")))?;
    let socket = format!("/tmp/.X11-unix/X{}", display.trim_start_matches(':'));
    for _ in 0..100 {
        if Path::new(&socket).exists() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
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
        "webkitgtk:browserOptions": { "binary": MINIBROWSER, "args": ["--automation"] }
    }));
    Ok((vec![driver, xvfb], caps))
}

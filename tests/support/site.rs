//! A built site: a directory of files and the URL path it is served under.

use std::path::{Path, PathBuf};

use super::error::HarnessError;
use super::paths::repo_root;

/// A directory produced by `trunk build`, and where to mount it.
#[derive(Clone, Debug)]
pub struct Site {
    dir: PathBuf,
    mount: String,
}

impl Site {
    /// The release build in `dist/`, served at `/`.
    pub fn dist() -> Self {
        Site::new(repo_root().join("dist"))
    }

    /// The release build in `dist-subpath/` (built with `--public-url /cors-explainer/`),
    /// served at `/cors-explainer/` as GitHub Pages serves a project site.
    pub fn subpath() -> Self {
        Site::new(repo_root().join("dist-subpath")).mounted_at("/cors-explainer/")
    }

    /// `dir` served at `/`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Site {
            dir: dir.into(),
            mount: "/".to_owned(),
        }
    }

    /// The same files served under `mount` (leading and trailing `/` added when missing).
    pub fn mounted_at(mut self, mount: &str) -> Self {
        let trimmed = mount.trim_matches('/');
        self.mount = if trimmed.is_empty() {
            "/".to_owned()
        } else {
            format!("/{trimmed}/")
        };
        self
    }

    /// The directory served.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The URL path the directory is served under, with leading and trailing `/`.
    pub fn mount(&self) -> &str {
        &self.mount
    }

    /// Fails unless the directory holds a built `index.html`.
    pub fn check_built(&self) -> Result<(), HarnessError> {
        let index_html = self.dir.join("index.html");
        if index_html.is_file() {
            Ok(())
        } else {
            Err(HarnessError::BuildMissing { index_html })
        }
    }
}

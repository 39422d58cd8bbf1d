//! Where the repository, its builds and the test artifacts live.

use std::path::PathBuf;

/// The repository root (the root package's manifest directory).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `artifacts/` at the repository root (gitignored), created on first use.
pub fn artifacts_dir() -> PathBuf {
    let dir = repo_root().join("artifacts");
    // A failure here surfaces when a file is written into it.
    let _ = std::fs::create_dir_all(&dir);
    dir
}

//! `cors-reference DIST [--site-url URL]`: writes the CORS error reference into a built site
//! (`DIST/errors/…`, and `DIST/sitemap.xml` when the site's absolute URL is given).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cors_reference::{site, Options};

const USAGE: &str = "usage: cors-reference DIST [--site-url https://host/path/]";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(count) => {
            println!("cors-reference: wrote {count} files");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("cors-reference: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<usize, String> {
    let mut dist: Option<PathBuf> = None;
    let mut options = Options::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--site-url" => {
                let url = args.next().ok_or(USAGE)?;
                let url = if url.ends_with('/') {
                    url
                } else {
                    format!("{url}/")
                };
                options.site_url = Some(url);
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other if dist.is_none() && !other.starts_with('-') => dist = Some(PathBuf::from(other)),
            other => return Err(format!("unexpected argument {other:?}\n{USAGE}")),
        }
    }
    let dist = dist.ok_or(USAGE)?;
    let files = site(&options);
    for file in &files {
        write(&dist.join(&file.path), &file.contents)?;
    }
    Ok(files.len())
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}

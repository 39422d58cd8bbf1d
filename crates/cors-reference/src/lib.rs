//! # cors-reference
//!
//! The CORS error reference: `errors/index.html` and one static page per console message of Chrome,
//! Firefox and Safari, readable without JavaScript, plus `sitemap.xml`. Everything comes from the
//! project's tables: the message texts and titles from `cors-diagnose`'s catalogue (the recogniser's),
//! the example lines, explanations and fixes from the rules engine evaluating a scenario that reproduces
//! each message, for its browser and for the other two.
//!
//! [`site`] is pure (no I/O): it returns the files to write. The `cors-reference` binary writes them
//! into a built site (`scripts/build-site.sh` runs it after trunk).
//!
//! ```
//! let site = cors_reference::site(&cors_reference::Options::default());
//! assert!(site.iter().any(|f| f.path == "errors/index.html"));
//! let page = site
//!     .iter()
//!     .find(|f| f.path == "errors/chrome-missing-allow-origin-header.html")
//!     .expect("a page per message");
//! assert!(page.contents.contains("No &#39;Access-Control-Allow-Origin&#39; header is present"));
//! ```

#![deny(unsafe_code)]
#![warn(missing_docs)]

pub mod entry;
pub mod html;
mod index;
mod page;
pub mod share_link;
mod sitemap;
#[cfg(test)]
mod tests;

pub use entry::{entries, Entry};

/// How the site is built.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The absolute URL the site is served at, ending in `/` (`https://example.github.io/cors-explainer/`),
    /// for `sitemap.xml` and canonical links; `None` leaves both out.
    pub site_url: Option<String>,
}

/// One file of the reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// Its path relative to the site root (`errors/index.html`).
    pub path: String,
    /// Its contents.
    pub contents: String,
}

/// The stylesheet of the reference pages (`errors/reference.css`): the site's colours, light and dark.
pub const STYLESHEET: &str = include_str!("reference.css");

/// The site's icon (the one `index.html` inlines), as a file: the pages' policy allows no `data:` image.
pub const FAVICON: &str = include_str!("favicon.svg");

/// Every file of the reference: the pages, their stylesheet and (with a site URL) the sitemap.
#[must_use]
pub fn site(options: &Options) -> Vec<OutputFile> {
    let entries = entries();
    let mut files: Vec<OutputFile> = entries
        .iter()
        .map(|entry| OutputFile {
            path: entry.message.reference_path(),
            contents: page::render(entry, &entries, options),
        })
        .collect();
    files.push(OutputFile {
        path: "errors/index.html".to_owned(),
        contents: index::render(&entries, options),
    });
    files.push(OutputFile {
        path: "errors/reference.css".to_owned(),
        contents: STYLESHEET.to_owned(),
    });
    files.push(OutputFile {
        path: "errors/favicon.svg".to_owned(),
        contents: FAVICON.to_owned(),
    });
    if let Some(site_url) = &options.site_url {
        let paths: Vec<String> = files
            .iter()
            .filter(|f| f.path.ends_with(".html"))
            .map(|f| f.path.clone())
            .collect();
        files.push(OutputFile {
            path: "sitemap.xml".to_owned(),
            contents: sitemap::render(site_url, &paths),
        });
    }
    files
}

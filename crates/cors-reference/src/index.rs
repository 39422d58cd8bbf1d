//! `errors/index.html`: every message, by browser.

use std::fmt::Write as _;

use crate::entry::{Entry, BROWSERS};
use crate::html::{escape, shorten};
use crate::page::{distinctive, foot, head};
use crate::Options;

/// The index page.
pub(crate) fn render(entries: &[Entry], options: &Options) -> String {
    let canonical = options
        .site_url
        .as_ref()
        .map(|site| format!("{site}errors/"));
    let mut out = head(
        "CORS error reference – every Chrome, Firefox and Safari CORS console message explained",
        "Every CORS error message of Chrome, Firefox and Safari: the exact text, what it means, the usual causes, \
         the fix, and the same failure's message in the other browsers.",
        canonical,
    );
    out.push_str(
        "<h1>CORS error reference</h1>\n<p class=\"ref-lead\">Every console message Chrome, Firefox and Safari \
         print when they block a cross-origin request, with what it means, why it usually happens and how to fix \
         it. Find your browser, then the words of your error.</p>\n<nav class=\"ref-toc\" aria-label=\"Browsers\"><ul>",
    );
    for browser in BROWSERS {
        let name = browser.display_name();
        let count = entries
            .iter()
            .filter(|e| e.message.browser == browser)
            .count();
        let _ = write!(
            out,
            "<li><a href=\"#{}\">{} ({count})</a></li>",
            browser.id(),
            escape(name)
        );
    }
    out.push_str("</ul></nav>\n");
    for browser in BROWSERS {
        let _ = writeln!(
            out,
            "<section class=\"ref-card\" id=\"{}\">\n<h2>{}</h2>\n<ul class=\"ref-list\">",
            browser.id(),
            escape(browser.display_name())
        );
        for entry in entries.iter().filter(|e| e.message.browser == browser) {
            let path = entry.message.reference_path();
            let file = path.strip_prefix("errors/").unwrap_or(&path);
            let _ = writeln!(
                out,
                "<li><a href=\"{}\">{}</a><span class=\"ref-snippet\">{}</span></li>",
                escape(file),
                escape(entry.title),
                escape(&shorten(&distinctive(entry), 140))
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str(&foot());
    out
}

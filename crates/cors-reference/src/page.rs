//! One message's page.

use std::fmt::Write as _;

use cors_diagnose::console::catalog::{Layout, CHROME_PREFIX};
use cors_rules::verdict::FixTarget;

use crate::entry::{Entry, OtherBrowser};
use crate::html::{escape, prose, shorten, template, template_plain};
use crate::share_link::app_link;
use crate::Options;

/// The message's full text with its holes (Chromium's prefix included).
pub(crate) fn full_template(entry: &Entry) -> String {
    match entry.message.layout {
        Layout::ChromeTail => format!("{CHROME_PREFIX}{}", entry.message.template),
        Layout::Whole | Layout::WholeLine => entry.message.template.to_owned(),
    }
}

/// Chromium's words before the reason of a failed preflight.
const PREFLIGHT_INFIX: &str = "Response to preflight request doesn't pass access control check: ";

/// The distinctive words of the message (Chromium's tail without its common prefix), holes as `…`.
pub(crate) fn distinctive(entry: &Entry) -> String {
    let template = entry.message.template;
    // Firefox's messages differ only after their common opening.
    if let Some((_, reason)) = template.split_once("(Reason: ") {
        return template_plain(&format!("Reason: {reason}"));
    }
    match template.strip_prefix(PREFLIGHT_INFIX) {
        Some(reason) => format!("Preflight: {}", template_plain(reason)),
        None => template_plain(template),
    }
}

/// The page's `<title>`: the words people search for, then the browser.
fn title(entry: &Entry) -> String {
    format!(
        "{} – {} CORS error explained",
        shorten(&distinctive(entry), 90),
        entry.message.browser.display_name()
    )
}

/// The page's meta description.
fn description(entry: &Entry) -> String {
    format!(
        "What the {} console error “{}” means, why it happens and how to fix it. {}.",
        entry.message.browser.display_name(),
        shorten(&distinctive(entry), 110),
        entry.title
    )
}

/// The Content-Security-Policy of every reference page.
pub(crate) const POLICY: &str =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// The page's head and header, shared with the index.
pub(crate) fn head(title: &str, description: &str, canonical: Option<String>) -> String {
    let mut out = String::with_capacity(2048);
    out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // The site's policy (scripts/csp.mjs) without what only the app needs: no inline script, no Wasm, no
    // fetches; a meta tag cannot carry frame-ancestors.
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    out.push_str(POLICY);
    out.push_str("\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let _ = writeln!(
        out,
        "<meta name=\"description\" content=\"{}\">",
        escape(description)
    );
    if let Some(url) = canonical {
        let _ = writeln!(out, "<link rel=\"canonical\" href=\"{}\">", escape(&url));
    }
    out.push_str("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">\n");
    out.push_str("<link rel=\"stylesheet\" href=\"reference.css\">\n</head>\n<body>\n");
    out.push_str(
        "<header class=\"ref-top\"><a class=\"ref-brand\" href=\"../\">CORS Explainer</a>\
         <a href=\"index.html\">CORS error reference</a></header>\n<main class=\"ref-main\">\n",
    );
    out
}

/// The end of every page.
pub(crate) fn foot() -> String {
    "</main>\n<footer class=\"ref-foot\"><p>Generated from the rules engine of <a href=\"../\">CORS Explainer</a>: \
     the texts are the browsers' own, the explanations and fixes are what the explainer concludes for the \
     scenario behind the link. <a href=\"index.html\">All messages</a>.</p></footer>\n</body>\n</html>\n"
        .to_owned()
}

/// The page of one entry. `_all` is there for links between pages.
pub(crate) fn render(entry: &Entry, _all: &[Entry], options: &Options) -> String {
    let canonical = options
        .site_url
        .as_ref()
        .map(|site| format!("{site}{}", entry.message.reference_path()));
    let mut out = head(&title(entry), &description(entry), canonical);
    let browser = entry.message.browser.display_name();
    let _ = writeln!(
        out,
        "<p class=\"ref-kicker\">{} {}</p>\n<h1>{}</h1>",
        escape(browser),
        cors_diagnose::console::catalog::surface_words(entry.message.code),
        escape(entry.title)
    );
    exact_text(&mut out, entry);
    section(&mut out, "meaning", "What it means");
    for paragraph in entry.meaning.iter().filter(|p| !p.is_empty()) {
        let _ = writeln!(out, "<p>{}</p>", prose(paragraph));
    }
    if !entry.also_means.is_empty() {
        out.push_str("<p>The same words can also mean:</p>\n<ul>\n");
        for other in &entry.also_means {
            let _ = writeln!(out, "<li>{}</li>", escape(other));
        }
        out.push_str("</ul>\n");
    }
    if let Some(spec) = &entry.spec {
        let _ = writeln!(
            out,
            "<p><a href=\"{}\">The rule in the Fetch standard</a></p>",
            escape(spec)
        );
    }
    out.push_str("</section>\n");
    causes(&mut out, entry);
    fixes(&mut out, entry);
    others(&mut out, &entry.others);
    reproduce(&mut out, entry);
    out.push_str(&foot());
    out
}

fn section(out: &mut String, id: &str, heading: &str) {
    let _ = writeln!(
        out,
        "<section class=\"ref-card\" id=\"{id}\">\n<h2>{}</h2>",
        escape(heading)
    );
}

fn exact_text(out: &mut String, entry: &Entry) {
    section(out, "text", "The exact text");
    let _ = writeln!(
        out,
        "<pre class=\"ref-message\"><code>{}</code></pre>",
        template(&full_template(entry))
    );
    out.push_str("<p class=\"ref-hint\">Placeholders in <var>italics</var> are the values of your own request.</p>\n");
    match &entry.reproduction {
        Some(reproduction) if reproduction.exact => {
            let _ = writeln!(
                out,
                "<p>For example, everything {} prints for the scenario behind the link below:</p>",
                escape(entry.message.browser.display_name())
            );
            lines(out, &reproduction.printed);
        }
        _ => {
            out.push_str("<p>For example:</p>\n");
            lines(out, std::slice::from_ref(&entry.example));
        }
    }
    out.push_str("</section>\n");
}

fn lines(out: &mut String, lines: &[String]) {
    if lines.is_empty() {
        out.push_str("<p class=\"ref-hint\">Nothing is printed in the console.</p>\n");
        return;
    }
    out.push_str("<pre class=\"ref-console\"><code>");
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&escape(line));
    }
    out.push_str("</code></pre>\n");
}

fn causes(out: &mut String, entry: &Entry) {
    if entry.causes.is_empty() {
        return;
    }
    section(out, "causes", "Usual causes");
    out.push_str("<ul>\n");
    for cause in entry.causes {
        let _ = writeln!(out, "<li>{}</li>", prose(cause));
    }
    out.push_str("</ul>\n</section>\n");
}

fn fixes(out: &mut String, entry: &Entry) {
    section(out, "fix", "The fix");
    if entry.fixes.is_empty() {
        out.push_str(
            "<p>No change to the server's CORS headers fixes this one: the explanation above says where the \
             cause lies.</p>\n",
        );
    } else {
        out.push_str("<ul>\n");
        for fix in &entry.fixes {
            let target = match fix.target {
                FixTarget::Preflight => "The preflight (OPTIONS) answer",
                FixTarget::Response => "The response",
                FixTarget::Redirect => "The redirect",
                FixTarget::Request => "The request",
            };
            let _ = write!(
                out,
                "<li><strong>{target}:</strong> {}",
                prose(&fix.summary)
            );
            if let Some(header) = fix
                .header
                .as_ref()
                .filter(|h| !fix.summary.contains(h.as_str()))
            {
                match &fix.value {
                    Some(value) => {
                        let _ = write!(
                            out,
                            " <code class=\"ref-header\">{}: {}</code>",
                            escape(header),
                            escape(value)
                        );
                    }
                    None => {
                        let _ = write!(out, " (remove <code>{}</code>)", escape(header));
                    }
                }
            }
            if let Some(warning) = &fix.warning {
                let _ = write!(
                    out,
                    "<br><span class=\"ref-warning\">{}</span>",
                    prose(warning)
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
        out.push_str(
            "<p class=\"ref-hint\">The values are those of the example. The explainer writes the configuration \
             for your own origin and stack (Express, nginx, Django, Spring and eleven more).</p>\n",
        );
    }
    out.push_str("</section>\n");
}

fn others(out: &mut String, others: &[OtherBrowser]) {
    if others.is_empty() {
        return;
    }
    section(out, "other-browsers", "The same failure in other browsers");
    for other in others {
        let name = other.browser.display_name();
        let _ = writeln!(out, "<h3>{}</h3>", escape(name));
        lines(out, &other.printed);
        if let Some(path) = &other.reference {
            let file = path.strip_prefix("errors/").unwrap_or(path);
            let _ = writeln!(
                out,
                "<p><a href=\"{}\">About this {} message</a></p>",
                escape(file),
                escape(name)
            );
        }
    }
    out.push_str("</section>\n");
}

fn reproduce(out: &mut String, entry: &Entry) {
    section(out, "reproduce", "See it happen");
    match &entry.reproduction {
        Some(reproduction) => {
            let words = if reproduction.exact {
                "Open this error in the explainer"
            } else {
                "Open the closest reproduction in the explainer"
            };
            let _ = writeln!(
                out,
                "<p>The explainer shows every step the browser takes for this request, the exact console \
                 output, and the fix for your server. Change the origin, URL or headers to match yours.</p>\n\
                 <p><a class=\"ref-button\" href=\"{}\">{words}</a></p>",
                escape(&app_link(&reproduction.scenario))
            );
        }
        None => out.push_str(
            "<p>No scenario of the explainer reproduces this message: it does not come from the server's \
             CORS headers. <a href=\"../\">Open the explainer</a> to check the request itself.</p>\n",
        ),
    }
    out.push_str("</section>\n");
}

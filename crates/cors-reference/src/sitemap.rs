//! `sitemap.xml`: the site root and every reference page.

use std::fmt::Write as _;

use crate::html::escape;

/// The sitemap for `site_url` (absolute, ending in `/`) listing the root and `paths`.
pub(crate) fn render(site_url: &str, paths: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let _ = writeln!(out, "<url><loc>{}</loc></url>", escape(site_url));
    for path in paths {
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let _ = writeln!(
            out,
            "<url><loc>{}{}</loc></url>",
            escape(site_url),
            escape(path)
        );
    }
    out.push_str("</urlset>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_is_listed_under_the_site_url() {
        let xml = render(
            "https://example.org/app/",
            &["errors/index.html".to_owned(), "errors/a.html".to_owned()],
        );
        assert!(xml.contains("<loc>https://example.org/app/</loc>"));
        assert!(xml.contains("<loc>https://example.org/app/errors/</loc>"));
        assert!(xml.contains("<loc>https://example.org/app/errors/a.html</loc>"));
    }
}

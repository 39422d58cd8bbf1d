//! The generated site as a whole: every page has its title, description and exact text, nothing
//! interpolated is left unescaped, and the sitemap lists every page.

use cors_diagnose::console::catalog;

use crate::html::{escape, template};
use crate::page::full_template;
use crate::{entries, site, Options, OutputFile};

fn options() -> Options {
    Options {
        site_url: Some("https://example.org/cors-explainer/".to_owned()),
    }
}

fn pages(files: &[OutputFile]) -> Vec<&OutputFile> {
    files
        .iter()
        .filter(|f| {
            f.path.starts_with("errors/")
                && f.path.ends_with(".html")
                && f.path != "errors/index.html"
        })
        .collect()
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

#[test]
fn there_are_at_least_seventy_pages_one_per_message() {
    let files = site(&options());
    let pages = pages(&files);
    assert!(pages.len() >= 70, "{} pages", pages.len());
    assert_eq!(pages.len(), catalog::all().count());
}

#[test]
fn every_page_has_its_own_title_and_description() {
    let files = site(&options());
    let mut titles = Vec::new();
    for page in pages(&files) {
        let title = between(&page.contents, "<title>", "</title>").expect("a title");
        let description = between(
            &page.contents,
            "<meta name=\"description\" content=\"",
            "\">",
        )
        .expect("a description");
        assert!(title.len() > 20, "{}: {title}", page.path);
        assert!(description.len() > 60, "{}: {description}", page.path);
        titles.push(title.to_owned());
    }
    let count = titles.len();
    titles.sort();
    titles.dedup();
    assert!(
        titles.len() + 2 >= count,
        "titles repeat: {} distinct of {count}",
        titles.len()
    );
}

#[test]
fn every_page_shows_its_exact_text() {
    let entries = entries();
    let files = site(&options());
    for entry in &entries {
        let page = files
            .iter()
            .find(|f| f.path == entry.message.reference_path())
            .expect("a page per entry");
        assert!(
            page.contents.contains(&template(&full_template(entry))),
            "{} lacks its text",
            page.path
        );
    }
}

#[test]
fn every_page_has_the_policy_the_stylesheet_and_no_inline_code() {
    for page in pages(&site(&options())) {
        let html = &page.contents;
        assert!(html.contains(&format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
            crate::page::POLICY
        )));
        assert!(html.contains("<link rel=\"stylesheet\" href=\"reference.css\">"));
        assert!(!html.contains("<script"), "{}", page.path);
        assert!(!html.contains("<style"), "{}", page.path);
        assert!(!html.contains(" style="), "{}", page.path);
        let handler = html.match_indices(" on").find(|(at, _)| {
            let rest = &html[at + 3..];
            let name_len = rest.bytes().take_while(u8::is_ascii_lowercase).count();
            name_len > 0 && rest.as_bytes().get(name_len) == Some(&b'=')
        });
        assert!(
            handler.is_none(),
            "{}: an event handler attribute",
            page.path
        );
    }
}

#[test]
fn pages_carry_no_internal_names_in_their_text() {
    for page in pages(&site(&options())) {
        let body = between(&page.contents, "<main", "</main>").expect("a main");
        let visible: String = body
            .split("href=\"")
            .map(|part| part.split_once('"').map_or(part, |(_, rest)| rest))
            .collect();
        for message in catalog::all() {
            if message.code.starts_with('k') {
                assert!(
                    !visible.contains(message.code),
                    "{}: {}",
                    page.path,
                    message.code
                );
            }
        }
        assert!(
            !visible.contains("preflight-allow-origin-missing"),
            "{}",
            page.path
        );
    }
}

#[test]
fn links_are_relative_so_the_site_works_under_a_sub_path() {
    for page in pages(&site(&Options::default())) {
        for link in page.contents.split("href=\"").skip(1) {
            let link = link.split('"').next().unwrap_or_default();
            assert!(
                !link.starts_with('/'),
                "{}: {link} is absolute to the host",
                page.path
            );
        }
    }
}

#[test]
fn the_sitemap_lists_every_page() {
    let files = site(&options());
    let sitemap = files
        .iter()
        .find(|f| f.path == "sitemap.xml")
        .expect("a sitemap");
    for file in files.iter().filter(|f| f.path.ends_with(".html")) {
        let url = format!(
            "https://example.org/cors-explainer/{}",
            file.path.strip_suffix("index.html").unwrap_or(&file.path)
        );
        assert!(
            sitemap.contents.contains(&format!("<loc>{url}</loc>")),
            "{url}"
        );
    }
}

#[test]
fn without_a_site_url_there_is_no_sitemap() {
    assert!(site(&Options::default())
        .iter()
        .all(|f| f.path != "sitemap.xml"));
}

#[test]
fn interpolated_text_is_escaped() {
    let hostile = "<script>alert('x')</script> & \"quoted\"";
    let escaped = escape(hostile);
    assert!(!escaped.contains('<') && !escaped.contains('"') && !escaped.contains('\''));
    // The example values quote `'…'` throughout: no raw quote may reach an attribute or the text.
    for page in pages(&site(&options())) {
        let body = between(&page.contents, "<main", "</main>").expect("a main");
        let text_only: String = body
            .split('<')
            .map(|tag| tag.split_once('>').map_or("", |(_, text)| text))
            .collect();
        // Quoted values of the messages (`'https://…'`, `"same-origin"`) reach the page escaped only.
        assert!(
            !text_only.contains("'https://"),
            "{}: a raw quote",
            page.path
        );
        assert!(
            !text_only.contains("\"same-origin\""),
            "{}: a raw quote",
            page.path
        );
    }
}

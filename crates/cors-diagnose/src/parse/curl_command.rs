//! A pasted `curl …` command line: its method (`-X`, `-d`), headers (`-H`) and URL.

use super::exchange::{split_header, SeenRequest};

/// The request of a pasted `curl …` command line: `-X` method, `-H` headers, the URL.
pub(super) fn command_request(line: &str) -> Option<SeenRequest> {
    let line = line.trim_start_matches(['$', '%', '#', ' ']);
    if !line.starts_with("curl ") {
        return None;
    }
    let words = shell_words(line);
    let mut request = SeenRequest {
        method: "GET".to_owned(),
        url: None,
        headers: Vec::new(),
    };
    let mut words = words.iter().skip(1);
    while let Some(word) = words.next() {
        match word.as_str() {
            "-X" | "--request" => request.method = words.next().cloned().unwrap_or(request.method),
            "-H" | "--header" => {
                if let Some(pair) = words.next().and_then(|h| split_header(h)) {
                    request.headers.push(pair);
                }
            }
            "-d" | "--data" | "--data-raw" | "--json" => {
                if request.method == "GET" {
                    request.method = "POST".to_owned();
                }
                let _ = words.next();
            }
            w if w.starts_with("http://") || w.starts_with("https://") => {
                request.url = Some(w.to_owned())
            }
            _ => {}
        }
    }
    Some(request)
}

/// Splits a shell command line into words, honouring single and double quotes.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let mut in_word = false;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, '\\') => {}
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

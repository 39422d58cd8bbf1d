//! Response headers as copied from DevTools ("Copy response headers"), or `curl -i` output: an optional
//! status line, `Name: value` lines, a blank line, a body; `curl -i -L` repeats the block per response.

use cors_rules::scenario::HttpAnswer;

use super::exchange::{split_header, status_line, Capture, Exchange};
use crate::report::{LineNote, ParseError};

/// Parses one or more response header blocks.
///
/// # Errors
/// A [`ParseError`] at the offending line when a status line has no valid code, or when no line is a header.
pub fn parse_headers(text: &str) -> Result<Capture, ParseError> {
    let mut capture = Capture::default();
    let mut current: Option<HttpAnswer> = None;
    let mut in_body = false;
    let mut pending_name: Option<(usize, String)> = None;
    let mut first_line = None;
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim();
        if line.is_empty() {
            in_body = current.is_some();
            continue;
        }
        first_line.get_or_insert(number);
        if let Some(status) = status_line(line) {
            let status = status.map_err(|message| ParseError::at(number, message))?;
            if let Some(answer) = current.take() {
                capture.exchanges.push(Exchange {
                    answer: Some(answer),
                    ..Exchange::default()
                });
            }
            current = Some(HttpAnswer {
                status,
                headers: Vec::new(),
            });
            in_body = false;
            capture.lines.push(LineNote::understood(
                number,
                line,
                format!("status {status}"),
            ));
            continue;
        }
        if in_body {
            capture
                .lines
                .push(LineNote::ignored(number, line, "response body"));
            continue;
        }
        let answer = current.get_or_insert_with(|| HttpAnswer {
            status: 200,
            headers: Vec::new(),
        });
        if let Some((at, name)) = pending_name.take() {
            answer.headers.push((name.clone(), line.to_owned()));
            capture.lines.push(LineNote::understood(
                number,
                line,
                format!("value of {name} (line {at})"),
            ));
            continue;
        }
        let note = read_header_line(line, raw, answer, &mut pending_name, number);
        capture.lines.push(note);
    }
    if let Some(answer) = current {
        capture.exchanges.push(Exchange {
            answer: Some(answer),
            ..Exchange::default()
        });
    }
    let has_headers = capture
        .exchanges
        .iter()
        .any(|e| e.answer.as_ref().is_some_and(|a| !a.headers.is_empty()));
    let has_status = capture.lines.iter().any(|l| l.is_understood());
    if !has_headers && !has_status {
        return Err(ParseError::at(
            first_line.unwrap_or(0),
            "no header line found: expected lines like 'Access-Control-Allow-Origin: https://app.example'",
        ));
    }
    Ok(capture)
}

fn read_header_line(
    line: &str,
    raw: &str,
    answer: &mut HttpAnswer,
    pending_name: &mut Option<(usize, String)>,
    number: usize,
) -> LineNote {
    if raw.starts_with([' ', '\t']) {
        if let Some(last) = answer.headers.last_mut() {
            last.1.push(' ');
            last.1.push_str(line);
            return LineNote::understood(number, line, format!("continues {}", last.0));
        }
    }
    if let Some(status) = line
        .strip_prefix(":status:")
        .or_else(|| line.strip_prefix("status:"))
    {
        if let Ok(code) = status.trim().parse::<u16>() {
            answer.status = code;
            return LineNote::understood(
                number,
                line,
                format!("status {code} (HTTP/2 pseudo-header)"),
            );
        }
    }
    match split_header(line) {
        Some((name, value)) if value.is_empty() && line.ends_with(':') => {
            *pending_name = Some((number, name.clone()));
            LineNote::understood(
                number,
                line,
                format!("header {name}, value on the next line"),
            )
        }
        Some((name, value)) => {
            let note = format!("header {name}");
            answer.headers.push((name, value));
            LineNote::understood(number, line, note)
        }
        None => LineNote::ignored(number, line, "not a 'Name: value' header line"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devtools_copy_with_status_line() {
        let capture = parse_headers(
            "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: https://app.example\r\nVary: Origin\r\n",
        )
        .expect("parsed");
        let answer = capture.exchanges[0].answer.as_ref().expect("answer");
        assert_eq!(answer.status, 204);
        assert_eq!(answer.headers.len(), 2);
    }

    #[test]
    fn headers_without_status_line_default_to_200() {
        let capture =
            parse_headers("access-control-allow-origin: *\ncontent-type: application/json")
                .expect("parsed");
        assert_eq!(
            capture.exchanges[0].answer.as_ref().map(|a| a.status),
            Some(200)
        );
    }

    #[test]
    fn curl_i_with_redirect_gives_two_answers_and_ignores_bodies() {
        let text = "HTTP/1.1 301 Moved Permanently\nLocation: https://api.example/x/\n\n<html>moved</html>\nHTTP/2 200\naccess-control-allow-origin: https://app.example\n\n{\"ok\":true}";
        let capture = parse_headers(text).expect("parsed");
        assert_eq!(capture.exchanges.len(), 2);
        assert_eq!(
            capture.lines.iter().filter(|l| !l.is_understood()).count(),
            2
        );
    }

    #[test]
    fn name_and_value_on_separate_lines_are_joined() {
        let capture =
            parse_headers("access-control-allow-origin:\nhttps://app.example").expect("parsed");
        let answer = capture.exchanges[0].answer.as_ref().expect("answer");
        assert_eq!(
            answer.headers,
            vec![(
                "access-control-allow-origin".into(),
                "https://app.example".into()
            )]
        );
    }

    #[test]
    fn a_bad_status_line_points_at_its_line() {
        let err = parse_headers("Vary: Origin\nHTTP/1.1 abc").expect_err("rejected");
        assert_eq!(err.line, 2);
    }

    #[test]
    fn text_without_headers_is_an_error_at_the_first_line() {
        let err = parse_headers("\n\nhello there").expect_err("rejected");
        assert_eq!(err.line, 3);
    }
}

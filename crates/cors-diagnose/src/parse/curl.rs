//! `curl -v` output: `*` connection notes, `>` request lines, `<` response lines; several runs may be pasted
//! one after the other (the preflight, then the request). The curl command line itself, when pasted, gives
//! the full URL.

use cors_rules::scenario::{HttpAnswer, NetworkErrorKind};

use super::curl_command::command_request;
use super::exchange::{split_header, status_line, Capture, Exchange, SeenRequest};
use crate::report::{LineNote, ParseError};

/// Connection notes that mean there was no HTTP answer.
const FAILURES: &[(&str, NetworkErrorKind)] = &[
    ("Could not resolve host", NetworkErrorKind::Dns),
    ("Connection refused", NetworkErrorKind::ConnectionRefused),
    ("Failed to connect", NetworkErrorKind::ConnectionRefused),
    ("timed out", NetworkErrorKind::Timeout),
    ("SSL certificate problem", NetworkErrorKind::Tls),
    ("SSL_ERROR", NetworkErrorKind::Tls),
    ("TLS connect error", NetworkErrorKind::Tls),
];

#[derive(Default)]
struct State {
    capture: Capture,
    current: Option<Exchange>,
    host_scheme: Option<&'static str>,
    command: Option<SeenRequest>,
}

/// Parses `curl -v` output.
///
/// # Errors
/// A [`ParseError`] at the offending line when a response status line is malformed, or when no `>`/`<` line
/// is present.
pub fn parse_curl_verbose(text: &str) -> Result<Capture, ParseError> {
    let mut state = State::default();
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let note = if let Some(rest) = line.strip_prefix('>') {
            request_line(&mut state, rest.trim(), number, line)
        } else if let Some(rest) = line.strip_prefix('<') {
            response_line(&mut state, rest.trim(), number, line)?
        } else if let Some(rest) = line.strip_prefix('*') {
            info_line(&mut state, rest.trim(), number, line)
        } else if let Some(command) = command_request(line) {
            let note = format!(
                "curl command: {} {}",
                command.method,
                command.url.as_deref().unwrap_or("(no URL)")
            );
            state.command = Some(command);
            LineNote::understood(number, line, note)
        } else {
            LineNote::ignored(number, line.trim(), "body or other output")
        };
        state.capture.lines.push(note);
    }
    finish(&mut state);
    if state.capture.exchanges.is_empty() {
        return Err(ParseError::at(
            0,
            "no '>' request or '<' response line: paste the output of curl -v",
        ));
    }
    let scheme = state.host_scheme;
    let command = state.command.clone();
    let command_url = command.as_ref().and_then(|c| c.url.clone());
    for exchange in &mut state.capture.exchanges {
        if exchange.request.is_none() && exchange.answer.is_none() {
            exchange.request.clone_from(&command);
        }
        if let Some(request) = &mut exchange.request {
            complete_url(request, scheme, command_url.as_deref());
        }
    }
    Ok(state.capture)
}

fn finish(state: &mut State) {
    if let Some(exchange) = state.current.take() {
        state.capture.exchanges.push(exchange);
    }
}

fn request_line(state: &mut State, rest: &str, number: usize, line: &str) -> LineNote {
    if rest.is_empty() {
        return LineNote::ignored(number, line, "end of request headers");
    }
    let mut words = rest.split_whitespace();
    if let (Some(method), Some(target), Some(version)) = (words.next(), words.next(), words.next())
    {
        if version.starts_with("HTTP/") {
            let unanswered = state
                .current
                .as_ref()
                .is_some_and(|e| e.request.is_none() && e.answer.is_none());
            if unanswered {
                let request = SeenRequest {
                    method: method.to_owned(),
                    url: Some(target.to_owned()),
                    headers: Vec::new(),
                };
                if let Some(exchange) = state.current.as_mut() {
                    exchange.request = Some(request);
                }
                return LineNote::understood(number, line, format!("request {method} {target}"));
            }
            finish(state);
            let request = SeenRequest {
                method: method.to_owned(),
                url: Some(target.to_owned()),
                headers: Vec::new(),
            };
            state.current = Some(Exchange {
                request: Some(request),
                ..Exchange::default()
            });
            return LineNote::understood(number, line, format!("request {method} {target}"));
        }
    }
    let Some(request) = state.current.as_mut().and_then(|e| e.request.as_mut()) else {
        return LineNote::ignored(number, line, "request header before any request line");
    };
    match split_header(rest) {
        Some((name, value)) => {
            let note = format!("request header {name}");
            request.headers.push((name, value));
            LineNote::understood(number, line, note)
        }
        None => LineNote::ignored(number, line, "not a request header"),
    }
}

fn response_line(
    state: &mut State,
    rest: &str,
    number: usize,
    line: &str,
) -> Result<LineNote, ParseError> {
    if rest.is_empty() {
        return Ok(LineNote::ignored(number, line, "end of response headers"));
    }
    let exchange = state.current.get_or_insert_with(Exchange::default);
    if let Some(status) = status_line(rest) {
        let status = status.map_err(|message| ParseError::at(number, message))?;
        if exchange.answer.is_some() && status >= 200 {
            // A second final response in one run (curl -L): it answers a new request we did not see.
            let next = Exchange {
                answer: Some(HttpAnswer {
                    status,
                    headers: Vec::new(),
                }),
                ..Exchange::default()
            };
            finish(state);
            state.current = Some(next);
        } else if status >= 200 || exchange.answer.is_none() {
            exchange.answer = Some(HttpAnswer {
                status,
                headers: Vec::new(),
            });
        }
        return Ok(LineNote::understood(
            number,
            line,
            format!("response status {status}"),
        ));
    }
    let Some(answer) = exchange.answer.as_mut() else {
        return Ok(LineNote::ignored(
            number,
            line,
            "response header before the status line",
        ));
    };
    Ok(match split_header(rest) {
        Some((name, value)) => {
            let note = format!("response header {name}");
            answer.headers.push((name, value));
            LineNote::understood(number, line, note)
        }
        None => LineNote::ignored(number, line, "not a response header"),
    })
}

fn info_line(state: &mut State, rest: &str, number: usize, line: &str) -> LineNote {
    if let Some((_, kind)) = FAILURES.iter().find(|(text, _)| rest.contains(text)) {
        let exchange = state.current.get_or_insert_with(Exchange::default);
        exchange.network_error = Some(*kind);
        return LineNote::understood(number, line, format!("no HTTP answer: {}", kind.id()));
    }
    if rest.contains("SSL connection using") || rest.contains("TLS") || rest.contains("port 443") {
        state.host_scheme = Some("https");
        return LineNote::understood(number, line, "TLS: the URL is https");
    }
    if rest.starts_with("Connected to") && state.host_scheme.is_none() {
        state.host_scheme = Some("http");
        return LineNote::understood(number, line, "connection (http unless TLS follows)");
    }
    LineNote::ignored(number, line, "curl connection detail")
}

/// Turns the request target (`/path`) into an absolute URL from `Host` and the connection's scheme.
fn complete_url(request: &mut SeenRequest, scheme: Option<&str>, command_url: Option<&str>) {
    let Some(target) = request.url.clone() else {
        return;
    };
    if target.contains("://") {
        return;
    }
    if let Some(url) = command_url.and_then(|u| url::Url::parse(u).ok()) {
        if let Ok(joined) = url.join(&target) {
            request.url = Some(joined.to_string());
            return;
        }
    }
    let host = super::exchange::header(&request.headers, "host").map(str::to_owned);
    request.url = host.map(|host| format!("{}://{host}{target}", scheme.unwrap_or("https")));
}

#[cfg(test)]
mod tests {
    use super::*;

    const PREFLIGHT: &str = "$ curl -v -X OPTIONS https://api.example.com/v1/items -H 'Origin: https://app.example.com'\n*   Trying 93.184.216.34:443...\n* Connected to api.example.com (93.184.216.34) port 443\n* SSL connection using TLSv1.3\n> OPTIONS /v1/items HTTP/2\n> Host: api.example.com\n> user-agent: curl/8.5.0\n> accept: */*\n> origin: https://app.example.com\n> access-control-request-method: PUT\n>\n< HTTP/2 204\n< access-control-allow-origin: https://app.example.com\n< access-control-allow-methods: GET, PUT\n<\n* Connection #0 to host api.example.com left intact";

    #[test]
    fn verbose_preflight_gives_request_and_answer() {
        let capture = parse_curl_verbose(PREFLIGHT).expect("parsed");
        assert_eq!(capture.exchanges.len(), 1);
        let exchange = &capture.exchanges[0];
        assert!(exchange.is_preflight());
        let request = exchange.request.as_ref().expect("request");
        assert_eq!(
            request.url.as_deref(),
            Some("https://api.example.com/v1/items")
        );
        assert_eq!(exchange.answer.as_ref().map(|a| a.status), Some(204));
        assert_eq!(exchange.answer.as_ref().map(|a| a.headers.len()), Some(2));
    }

    #[test]
    fn refused_connection_is_a_network_error() {
        let capture = parse_curl_verbose(
            "*   Trying 127.0.0.1:8080...\n* connect to 127.0.0.1 port 8080 failed: Connection refused\n> GET / HTTP/1.1",
        )
        .expect("parsed");
        assert_eq!(
            capture.exchanges[0].network_error,
            Some(NetworkErrorKind::ConnectionRefused)
        );
    }

    #[test]
    fn host_header_and_plain_connection_make_an_http_url() {
        let capture =
            parse_curl_verbose("* Connected to localhost (127.0.0.1) port 8000\n> GET /items HTTP/1.1\n> Host: localhost:8000\n>\n< HTTP/1.1 200 OK\n< Content-Type: text/plain")
                .expect("parsed");
        let url = capture.exchanges[0]
            .request
            .as_ref()
            .and_then(|r| r.url.clone());
        assert_eq!(url.as_deref(), Some("http://localhost:8000/items"));
    }

    #[test]
    fn a_bad_response_status_points_at_its_line() {
        let err = parse_curl_verbose("> GET / HTTP/1.1\n> Host: a\n>\n< HTTP/1.1 twohundred")
            .expect_err("rejected");
        assert_eq!(err.line, 4);
    }

    #[test]
    fn the_command_line_gives_method_headers_and_url_when_curl_never_connected() {
        let capture = parse_curl_verbose(
            "$ curl -v -X OPTIONS 'https://api.example/x' -H \"Origin: https://app.example\" -H 'Access-Control-Request-Method: PUT'\n* Could not resolve host: api.example",
        )
        .expect("parsed");
        let exchange = &capture.exchanges[0];
        assert!(exchange.is_preflight());
        assert_eq!(exchange.network_error, Some(NetworkErrorKind::Dns));
    }

    #[test]
    fn text_without_curl_markers_is_rejected() {
        assert!(parse_curl_verbose("just some text").is_err());
    }
}

//! Origins: tuple or opaque, serialization, same origin, same site
//! (<https://html.spec.whatwg.org/multipage/browsers.html#origin>, rules O-1…O-9).
//!
//! URLs are parsed by the `url` crate (the WHATWG URL standard): IDN hosts become punycode, IPv6 is
//! compressed and bracketed, hosts are lower-cased, default ports are dropped.

use url::Url;

/// <https://html.spec.whatwg.org/multipage/browsers.html#concept-origin> (O-1, O-2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// An opaque origin: same origin only with itself (O-2). Every opaque origin the engine meets is a
    /// fresh one, so it is never same origin with anything else.
    Opaque,
    /// A tuple origin (scheme, host, port); `port` is the effective port (the default when none is written).
    Tuple {
        /// Lower-case scheme, without `:`.
        scheme: String,
        /// The host as the URL parser serializes it.
        host: String,
        /// The port, default included.
        port: u16,
    },
}

/// Which part of two tuple origins differs (for explanations).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OriginPart {
    /// The schemes differ (`http` vs `https`).
    Scheme,
    /// The hosts differ.
    Host,
    /// The ports differ.
    Port,
}

impl OriginPart {
    /// The id recorded in the trace.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            OriginPart::Scheme => "scheme",
            OriginPart::Host => "host",
            OriginPart::Port => "port",
        }
    }
}

/// O-4: the default port of a special scheme.
#[must_use]
pub fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        "ftp" => Some(21),
        _ => None,
    }
}

impl Origin {
    /// <https://url.spec.whatwg.org/#concept-url-origin> (O-3): http(s)/ws(s)/ftp give a tuple, `blob:` the
    /// origin of its inner URL, everything else (including `file:` and `data:`) an opaque origin.
    #[must_use]
    pub fn of_url(url: &Url) -> Origin {
        // The schemes whose URLs have a tuple origin, read straight from the parsed URL; `url::Url::origin`
        // gives the same tuple but copies the host twice.
        if let (true, Some(host), Some(port)) = (
            has_tuple_origin(url.scheme()),
            url.host_str(),
            url.port_or_known_default(),
        ) {
            return Origin::Tuple {
                scheme: url.scheme().to_owned(),
                host: host.to_owned(),
                port,
            };
        }
        match url.origin() {
            url::Origin::Tuple(scheme, host, port) => Origin::Tuple {
                scheme,
                host: host.to_string(),
                port,
            },
            url::Origin::Opaque(_) => Origin::Opaque,
        }
    }

    /// <https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin> (O-5):
    /// `null` for opaque, else `scheme://host[:port]` with the port only when not the default.
    #[must_use]
    pub fn ascii_serialization(&self) -> String {
        let Origin::Tuple { scheme, host, port } = self else {
            return "null".to_owned();
        };
        let mut text = String::with_capacity(scheme.len() + host.len() + 9);
        text.push_str(scheme);
        text.push_str("://");
        text.push_str(host);
        if default_port(scheme) != Some(*port) {
            text.push(':');
            text.push_str(&port.to_string());
        }
        text
    }

    /// Whether `url`'s origin is same origin with this one (O-3, O-7), without building it.
    #[must_use]
    pub fn is_same_origin_with_url(&self, url: &Url) -> bool {
        match self {
            Origin::Opaque => false,
            Origin::Tuple { scheme, host, port } if has_tuple_origin(url.scheme()) => {
                url.scheme() == scheme
                    && url.host_str() == Some(host.as_str())
                    && url.port_or_known_default() == Some(*port)
            }
            Origin::Tuple { .. } => self.is_same_origin(&Origin::of_url(url)),
        }
    }

    /// <https://html.spec.whatwg.org/multipage/browsers.html#same-origin> (O-7): both tuples with identical
    /// scheme, host and port. Opaque origins here are always distinct ones.
    #[must_use]
    pub fn is_same_origin(&self, other: &Origin) -> bool {
        matches!((self, other), (Origin::Tuple { .. }, Origin::Tuple { .. }) if self == other)
    }

    /// O-9: which parts differ between two tuple origins (empty when same origin or when either is opaque).
    #[must_use]
    pub fn differences(&self, other: &Origin) -> Vec<OriginPart> {
        let (
            Origin::Tuple {
                scheme: s1,
                host: h1,
                port: p1,
            },
            Origin::Tuple {
                scheme: s2,
                host: h2,
                port: p2,
            },
        ) = (self, other)
        else {
            return Vec::new();
        };
        let mut parts = Vec::new();
        if s1 != s2 {
            parts.push(OriginPart::Scheme);
        }
        if h1 != h2 {
            parts.push(OriginPart::Host);
        }
        if p1 != p2 {
            parts.push(OriginPart::Port);
        }
        parts
    }

    /// The scheme of a tuple origin.
    #[must_use]
    pub fn scheme(&self) -> Option<&str> {
        match self {
            Origin::Tuple { scheme, .. } => Some(scheme),
            Origin::Opaque => None,
        }
    }

    /// <https://html.spec.whatwg.org/multipage/browsers.html#schemelessly-same-site> (O-8).
    ///
    /// Approximation, documented: without the Public Suffix List the registrable domain is taken to be
    /// the last two labels of a domain (IP addresses compare whole). This is exact for the usual
    /// `app.example.com` / `api.example.com` cases and wrong for multi-label suffixes such as `co.uk`.
    #[must_use]
    pub fn is_schemelessly_same_site(&self, other: &Origin) -> bool {
        match (self, other) {
            (Origin::Tuple { host: h1, .. }, Origin::Tuple { host: h2, .. }) => {
                site_of(h1) == site_of(h2)
            }
            _ => false,
        }
    }
}

/// The schemes whose URLs have a tuple origin of their own (`blob:` takes its inner URL's).
fn has_tuple_origin(scheme: &str) -> bool {
    matches!(scheme, "http" | "https" | "ws" | "wss" | "ftp")
}

/// The approximate registrable domain of a serialized host (see [`Origin::is_schemelessly_same_site`]).
fn site_of(host: &str) -> &str {
    if host.starts_with('[') || host.parse::<std::net::Ipv4Addr>().is_ok() {
        return host;
    }
    let trimmed = host.trim_end_matches('.');
    let mut dots = trimmed.rmatch_indices('.');
    let _last = dots.next();
    match dots.next() {
        Some((index, _)) => &trimmed[index + 1..],
        None => trimmed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(text: &str) -> Origin {
        Origin::of_url(&Url::parse(text).unwrap())
    }

    #[test]
    fn serialization_drops_default_port_and_path() {
        assert_eq!(
            origin("https://a.example:443/x?y").ascii_serialization(),
            "https://a.example"
        );
        assert_eq!(
            origin("http://a.example:8080/").ascii_serialization(),
            "http://a.example:8080"
        );
        assert_eq!(
            origin("HTTPS://A.EXAMPLE./").ascii_serialization(),
            "https://a.example."
        );
        assert_eq!(
            origin("https://bücher.example/").ascii_serialization(),
            "https://xn--bcher-kva.example"
        );
        assert_eq!(
            origin("http://[0:0::1]:81/").ascii_serialization(),
            "http://[::1]:81"
        );
        assert_eq!(origin("file:///etc/passwd").ascii_serialization(), "null");
    }

    #[test]
    fn opaque_origins_are_never_same_origin() {
        assert!(!Origin::Opaque.is_same_origin(&Origin::Opaque));
        assert!(origin("https://a.example").is_same_origin(&origin("https://a.example:443/p")));
    }

    #[test]
    fn differences_name_each_part() {
        let parts = origin("http://a.example:81").differences(&origin("https://b.example"));
        assert_eq!(
            parts,
            vec![OriginPart::Scheme, OriginPart::Host, OriginPart::Port]
        );
    }

    #[test]
    fn site_is_the_last_two_labels() {
        assert!(origin("https://app.example.com")
            .is_schemelessly_same_site(&origin("http://api.example.com")));
        assert!(!origin("https://example.com")
            .is_schemelessly_same_site(&origin("https://example.org")));
        assert!(!origin("http://127.0.0.1").is_schemelessly_same_site(&origin("http://127.0.0.2")));
    }
}

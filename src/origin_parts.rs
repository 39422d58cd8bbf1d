//! Splitting a serialized origin into scheme, host and port, for the side-by-side view only.
//!
//! Whether two origins differ is the engine's judgement (`same-origin` step, `Differs` value); this module
//! only lays the parts out and names the default port the browser fills in.

/// One part of a tuple origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// `https`
    Scheme,
    /// `api.example.com`
    Host,
    /// `443`
    Port,
}

impl Part {
    /// Every part, in display order.
    pub const ALL: [Part; 3] = [Part::Scheme, Part::Host, Part::Port];

    /// The label shown in the table.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Part::Scheme => "scheme",
            Part::Host => "host",
            Part::Port => "port",
        }
    }
}

/// The parts of an origin, as displayed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OriginParts {
    /// The scheme, without `:`.
    pub scheme: String,
    /// The host as serialized.
    pub host: String,
    /// The port, explicit or the scheme's default.
    pub port: String,
    /// Whether the port is the scheme's default (not written in the origin).
    pub default_port: bool,
}

impl OriginParts {
    /// The text of one part.
    #[must_use]
    pub fn get(&self, part: Part) -> &str {
        match part {
            Part::Scheme => &self.scheme,
            Part::Host => &self.host,
            Part::Port => &self.port,
        }
    }
}

/// Splits an origin or URL; `None` for an opaque origin (`null`) or text that is not a URL.
#[must_use]
pub fn split_origin(text: &str) -> Option<OriginParts> {
    let url = crate::host_names::parse_url(text.trim())?;
    let host = url.host_str()?.to_owned();
    let port = url
        .port_or_known_default()
        .map(|p| p.to_string())
        .unwrap_or_default();
    Some(OriginParts {
        scheme: url.scheme().to_owned(),
        host,
        port,
        default_port: url.port().is_none(),
    })
}

/// The parts named by the engine's `Differs` value (`scheme,port`).
#[must_use]
pub fn differing_parts(differs: &str) -> Vec<Part> {
    differs
        .split(',')
        .filter_map(|code| match code.trim() {
            "scheme" => Some(Part::Scheme),
            "host" => Some(Part::Host),
            "port" => Some(Part::Port),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_https_origin_without_a_port_shows_443_as_the_default() {
        let parts = split_origin("https://api.example.com");
        assert_eq!(
            parts,
            Some(OriginParts {
                scheme: "https".to_owned(),
                host: "api.example.com".to_owned(),
                port: "443".to_owned(),
                default_port: true
            })
        );
    }

    #[test]
    fn an_explicit_port_is_not_a_default() {
        let parts = split_origin("http://localhost:5173/path").unwrap_or_else(|| panic!("parses"));
        assert_eq!((parts.port.as_str(), parts.default_port), ("5173", false));
    }

    #[test]
    fn the_null_origin_and_garbage_have_no_parts() {
        assert_eq!(split_origin("null"), None);
        assert_eq!(split_origin("<script>"), None);
    }

    #[test]
    fn differs_codes_become_parts_and_unknown_codes_are_ignored() {
        assert_eq!(
            differing_parts("scheme, port"),
            vec![Part::Scheme, Part::Port]
        );
        assert_eq!(differing_parts("opaque-page"), Vec::new());
        assert_eq!(differing_parts(""), Vec::new());
    }
}

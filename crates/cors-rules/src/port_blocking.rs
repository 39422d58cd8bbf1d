//! Bad ports (<https://fetch.spec.whatwg.org/#port-blocking>, rule T-13).

use url::Url;

/// <https://fetch.spec.whatwg.org/#bad-port>.
const BAD_PORTS: &[u16] = &[
    0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101,
    102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427,
    465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990,
    993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667,
    6668, 6669, 6679, 6697, 10080,
];

/// <https://fetch.spec.whatwg.org/#block-bad-port>: "If url's scheme is an HTTP(S) scheme and url's port is
/// a bad port, then return blocked." The returned port is the bad one.
#[must_use]
pub fn bad_port(url: &Url) -> Option<u16> {
    let port = url.port()?;
    (matches!(url.scheme(), "http" | "https") && BAD_PORTS.contains(&port)).then_some(port)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_ports_are_blocked_for_http_only() {
        assert_eq!(
            bad_port(&Url::parse("http://a.example:6667/").unwrap()),
            Some(6667)
        );
        assert_eq!(
            bad_port(&Url::parse("https://a.example:10080/").unwrap()),
            Some(10080)
        );
        assert_eq!(
            bad_port(&Url::parse("http://a.example:8080/").unwrap()),
            None
        );
        assert_eq!(bad_port(&Url::parse("http://a.example/").unwrap()), None);
        assert_eq!(bad_port(&Url::parse("ftp://a.example:25/").unwrap()), None);
    }
}

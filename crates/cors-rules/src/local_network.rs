//! Chrome's Local Network Access (formerly Private Network Access): a Chrome-only layer
//! (<https://wicg.github.io/local-network-access/>, rules PN-1…PN-5).
//!
//! Model, kept deliberately simple:
//! * address spaces come from the URL's host alone: IP literals by range, `localhost`/`*.localhost` are
//!   loopback, `*.local` is local, every other name is public (the engine does no DNS);
//! * a page in the **public** space whose request targets the **local** or **loopback** space is blocked:
//!   from a secure context because the `local-network-access` permission has not been granted (the engine
//!   does not model the prompt), from a non-secure context because the permission cannot even be asked;
//! * pages on loopback or local hosts, and opaque pages, are not affected;
//! * Firefox, Safari and the standard do not implement it (`quirks.rs`).

use std::net::{Ipv4Addr, Ipv6Addr};

use url::{Host, Url};

use crate::mixed_content::is_loopback_host;

/// PN-1: an IP address space, in LNA's vocabulary (public < local < loopback).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum AddressSpace {
    /// The public internet.
    Public,
    /// A private network (RFC 1918, link-local, unique-local IPv6, `.local`).
    Local,
    /// The machine itself.
    Loopback,
}

impl AddressSpace {
    /// The word Chrome's console uses.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            AddressSpace::Public => "public",
            AddressSpace::Local => "local",
            AddressSpace::Loopback => "loopback",
        }
    }
}

/// Why Local Network Access blocks the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LocalNetworkBlock {
    /// The page is a secure context: the permission was not granted.
    PermissionDenied,
    /// The page is not a secure context, so the permission cannot be requested.
    InsecureContext,
}

impl LocalNetworkBlock {
    /// The reason code recorded in the trace.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            LocalNetworkBlock::PermissionDenied => "permission-denied",
            LocalNetworkBlock::InsecureContext => "insecure-context",
        }
    }
}

/// PN-1: the address space of a URL's host.
#[must_use]
pub fn address_space(url: &Url) -> AddressSpace {
    match url.host() {
        None => AddressSpace::Public,
        Some(host) if is_loopback_host(&host) => AddressSpace::Loopback,
        Some(Host::Ipv4(ip)) => ipv4_space(ip),
        Some(Host::Ipv6(ip)) => match ip.to_ipv4_mapped() {
            Some(v4) => ipv4_space(v4),
            None => ipv6_space(ip),
        },
        Some(Host::Domain(name)) if name.trim_end_matches('.').ends_with(".local") => {
            AddressSpace::Local
        }
        Some(Host::Domain(_)) => AddressSpace::Public,
    }
}

fn ipv4_space(ip: Ipv4Addr) -> AddressSpace {
    if ip.is_loopback() {
        AddressSpace::Loopback
    } else if ip.is_private() || ip.is_link_local() || ip.is_unspecified() {
        AddressSpace::Local
    } else {
        AddressSpace::Public
    }
}

fn ipv6_space(ip: Ipv6Addr) -> AddressSpace {
    let first = ip.segments()[0];
    if ip.is_loopback() {
        AddressSpace::Loopback
    } else if (first & 0xfe00) == 0xfc00 || (first & 0xffc0) == 0xfe80 || ip.is_unspecified() {
        AddressSpace::Local
    } else {
        AddressSpace::Public
    }
}

/// PN-2/PN-3: does Local Network Access block a request from `page_url` (the page's URL or origin) to
/// `url`? `page_secure` says whether the page is a secure context.
#[must_use]
pub fn local_network_access_check(
    page_url: &Url,
    page_secure: bool,
    url: &Url,
) -> Option<(AddressSpace, AddressSpace, LocalNetworkBlock)> {
    let client = address_space(page_url);
    let target = address_space(url);
    if client != AddressSpace::Public || target == AddressSpace::Public {
        return None;
    }
    let reason = if page_secure {
        LocalNetworkBlock::PermissionDenied
    } else {
        LocalNetworkBlock::InsecureContext
    };
    Some((client, target, reason))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn space(url: &str) -> AddressSpace {
        address_space(&Url::parse(url).unwrap())
    }

    #[test]
    fn address_spaces_follow_ip_ranges_and_names() {
        assert_eq!(space("http://127.0.0.2/"), AddressSpace::Loopback);
        assert_eq!(space("http://localhost:3000/"), AddressSpace::Loopback);
        assert_eq!(space("http://[::1]/"), AddressSpace::Loopback);
        assert_eq!(space("http://10.0.0.1/"), AddressSpace::Local);
        assert_eq!(space("http://172.20.1.1/"), AddressSpace::Local);
        assert_eq!(space("http://192.168.0.10/"), AddressSpace::Local);
        assert_eq!(space("http://[fd00::1]/"), AddressSpace::Local);
        assert_eq!(space("http://[::ffff:192.168.0.1]/"), AddressSpace::Local);
        assert_eq!(space("http://printer.local/"), AddressSpace::Local);
        assert_eq!(space("https://example.com/"), AddressSpace::Public);
        assert_eq!(space("http://8.8.8.8/"), AddressSpace::Public);
    }

    #[test]
    fn only_public_pages_are_restricted() {
        let target = Url::parse("http://192.168.0.10/").unwrap();
        let public = Url::parse("https://app.example/").unwrap();
        let local = Url::parse("http://192.168.0.2/").unwrap();
        assert!(local_network_access_check(&public, true, &target).is_some());
        assert!(local_network_access_check(&local, false, &target).is_none());
        assert!(local_network_access_check(
            &public,
            true,
            &Url::parse("https://api.example/").unwrap()
        )
        .is_none());
    }
}

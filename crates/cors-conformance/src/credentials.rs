//! Where cookies can be observed. Whether a browser attaches a cookie to a credentialed request depends
//! on cookie policy (`SameSite`, `Secure` on plain http, third-party cookie rules) as much as on CORS, and
//! the engine models only CORS. So before a run the harness sends one credentialed request to every lab
//! origin, from the page and from a sandboxed iframe, and compares the "credentials" column of the wire
//! requests only where the lab's test cookie came back.

use cors_rules::scenario::{Answer, HttpAnswer, Request, ServerEntry};
use cors_rules::Scenario;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::browsers::Session;
use crate::error::Result;
use crate::harness;
use crate::item::Item;
use crate::lab::Lab;

/// Whether the test cookie came back from one lab origin, for one kind of page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Probe {
    /// The lab origin.
    pub origin: String,
    /// Whether the page was an opaque origin (sandboxed iframe).
    pub opaque_page: bool,
    /// Whether a credentialed request carried the cookie.
    pub cookie_seen: bool,
}

/// Every probe of a run.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visibility {
    /// One entry per lab origin and page kind.
    pub probes: Vec<Probe>,
}

impl Visibility {
    /// Where the cookie came back, by host and page kind (ports vary from run to run), e.g.
    /// `127.0.0.1 (4 of 4 ports) from the app page`.
    #[must_use]
    pub fn summary(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for opaque_page in [false, true] {
            let mut hosts: Vec<String> = Vec::new();
            for probe in self
                .probes
                .iter()
                .filter(|probe| probe.opaque_page == opaque_page)
            {
                let host = Url::parse(&probe.origin)
                    .ok()
                    .and_then(|url| url.host_str().map(str::to_owned));
                if let Some(host) = host.filter(|host| !hosts.contains(host)) {
                    hosts.push(host);
                }
            }
            for host in hosts {
                let on_host: Vec<&Probe> = self
                    .probes
                    .iter()
                    .filter(|p| {
                        p.opaque_page == opaque_page && p.origin.contains(&format!("://{host}:"))
                    })
                    .collect();
                let seen = on_host.iter().filter(|probe| probe.cookie_seen).count();
                if seen > 0 {
                    let page = if opaque_page {
                        "an opaque-origin page"
                    } else {
                        "the app page"
                    };
                    lines.push(format!(
                        "{host} ({seen} of {} ports) from {page}",
                        on_host.len()
                    ));
                }
            }
        }
        lines
    }

    /// Whether cookies on a request to `url` from a page of this kind are observable.
    #[must_use]
    pub fn visible(&self, url: &str, opaque_page: bool) -> bool {
        let Ok(url) = Url::parse(url) else {
            return false;
        };
        let origin = url.origin().ascii_serialization();
        self.probes.iter().any(|probe| {
            probe.origin == origin && probe.opaque_page == opaque_page && probe.cookie_seen
        })
    }
}

/// A scenario with one server entry per example origin, enough to cover every lab origin.
fn probe_scenario(origins: usize, opaque_page: bool) -> Scenario {
    let page = crate::generator::APP;
    let entry = |n: usize| ServerEntry {
        url: format!("http://probe{n}.example/conformance/probe"),
        preflight: None,
        response: Answer::Http(HttpAnswer {
            status: 200,
            headers: Vec::new(),
        }),
    };
    let mut server: Vec<ServerEntry> = (0..origins.max(1)).map(entry).collect();
    if let (false, Some(first)) = (opaque_page, server.first_mut()) {
        first.url = format!("{page}/conformance/probe");
    }
    let request = Request {
        url: server
            .first()
            .map(|first| first.url.clone())
            .unwrap_or_default(),
        method: "GET".into(),
        headers: Vec::new(),
        mode: Default::default(),
        credentials: cors_rules::scenario::CredentialsMode::Include,
        redirect: Default::default(),
        api: Default::default(),
        preflight_flag: false,
    };
    Scenario {
        browser: Default::default(),
        page: (!opaque_page).then(|| page.to_owned()),
        request,
        server,
    }
}

/// Sends a credentialed request to every lab origin from both kinds of page and records where the test
/// cookie came back.
///
/// # Errors
/// A lab or WebDriver error.
pub async fn probe(session: &Session, lab: &Lab) -> Result<Visibility> {
    let mut probes = Vec::new();
    for opaque_page in [false, true] {
        let count = lab.origins().all().count();
        let scenario = probe_scenario(count, opaque_page);
        let page_origin = if opaque_page {
            "null".to_owned()
        } else {
            lab.app_origin().to_owned()
        };
        let registered = lab.register(&scenario, &page_origin).await?;
        let items: Vec<Item> = registered
            .scenario
            .server
            .iter()
            .enumerate()
            .map(|(n, entry)| {
                let mut probe = registered.scenario.clone();
                probe.request.url.clone_from(&entry.url);
                Item::from_scenario(&format!("probe-{n}"), &probe)
            })
            .collect();
        harness::run_batch(session, &items).await?;
        let received = lab.received(&registered.id).await?;
        for item in &items {
            let Ok(url) = Url::parse(&item.url) else {
                continue;
            };
            let cookie_seen = received.iter().any(|r| r.url == item.url && r.cookies);
            probes.push(Probe {
                origin: url.origin().ascii_serialization(),
                opaque_page,
                cookie_seen,
            });
        }
    }
    Ok(Visibility { probes })
}

#[cfg(test)]
mod tests {
    use super::{Probe, Visibility};

    fn probe(origin: &str, opaque_page: bool, cookie_seen: bool) -> Probe {
        Probe {
            origin: origin.to_owned(),
            opaque_page,
            cookie_seen,
        }
    }

    fn visibility() -> Visibility {
        Visibility {
            probes: vec![
                probe("http://127.0.0.1:8081", false, true),
                probe("http://127.0.0.1:8082", false, true),
                probe("http://localhost:8081", false, false),
                probe("http://127.0.0.1:8081", true, false),
            ],
        }
    }

    #[test]
    fn cookies_count_only_where_the_probe_saw_them_for_that_kind_of_page() {
        let visibility = visibility();
        assert!(visibility.visible("http://127.0.0.1:8081/s/k/r", false));
        assert!(!visibility.visible("http://127.0.0.1:8081/s/k/r", true));
        assert!(!visibility.visible("http://localhost:8081/s/k/r", false));
        assert!(!visibility.visible("not a url", false));
    }

    #[test]
    fn the_summary_names_hosts_not_ports() {
        assert_eq!(
            visibility().summary(),
            ["127.0.0.1 (2 of 2 ports) from the app page"]
        );
    }
}

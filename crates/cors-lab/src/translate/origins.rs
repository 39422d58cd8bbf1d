//! Which origins a scenario uses, and which lab origin stands in for each.
//!
//! The page's origin becomes the real page origin; every other origin gets a distinct lab origin, so
//! same-origin and cross-origin relations hold. Same-site relations are kept too when the lab has enough
//! origins of the right site (sites are approximated as the last two host labels; the lab's are its hosts).

use cors_rules::scenario::{Answer, HeaderPair};
use cors_rules::Scenario;
use url::{Host, Origin, Url};

use crate::api::LabOrigins;
use crate::error::LabError;

/// An origin the scenario uses, and the first field that makes the lab serve it (if any).
#[derive(Debug)]
pub(crate) struct Found {
    pub(crate) origin: Origin,
    pub(crate) served_by: Option<String>,
}

/// Scenario origin (ASCII serialisation) → lab origin (ASCII serialisation), longest scenario origin first.
#[derive(Debug, Default)]
pub(crate) struct OriginMap {
    pairs: Vec<(String, String)>,
}

impl OriginMap {
    pub(crate) fn lab_for(&self, origin: &Origin) -> Option<&str> {
        let key = origin.ascii_serialization();
        self.pairs
            .iter()
            .find(|(from, _)| *from == key)
            .map(|(_, to)| to.as_str())
    }

    /// The pairs, longest scenario origin first (so `https://a.com.b.org` is replaced before `https://a.com`).
    pub(crate) fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    fn insert(&mut self, from: String, to: String) {
        self.pairs.push((from, to));
        self.pairs
            .sort_by_key(|(from, _)| std::cmp::Reverse(from.len()));
    }
}

/// Whether `url` is `http:` or `https:`, the only URLs the lab stands in for.
pub(crate) fn is_http(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https")
}

/// Every http(s) origin of the scenario, in first-use order: the request URL, server URLs, redirect targets,
/// then origins named in `Access-Control-Allow-Origin` values.
pub(crate) fn discover(scenario: &Scenario) -> Result<Vec<Found>, LabError> {
    let mut found = Vec::new();
    let request_url = parse_absolute(&scenario.request.url, "request.url")?;
    add(&mut found, &request_url, Some("request.url"));
    let mut bases = Vec::with_capacity(scenario.server.len());
    for (index, entry) in scenario.server.iter().enumerate() {
        let field = format!("server[{index}].url");
        let url = parse_absolute(&entry.url, &field)?;
        add(&mut found, &url, Some(&field));
        bases.push(url);
    }
    for_each_header(scenario, |index, field, (name, value)| {
        if name.eq_ignore_ascii_case("location") {
            if let Ok(target) = bases[index].join(value.trim()) {
                add(&mut found, &target, Some(field));
            }
        }
    });
    for_each_header(scenario, |_, _, (name, value)| {
        if name.eq_ignore_ascii_case("access-control-allow-origin") {
            for origin in origins_named_in(value) {
                add_origin(&mut found, origin, None);
            }
        }
    });
    Ok(found)
}

/// Calls `visit(entry index, field path, header)` for every header of every server answer.
pub(crate) fn for_each_header(
    scenario: &Scenario,
    mut visit: impl FnMut(usize, &str, &HeaderPair),
) {
    for (index, entry) in scenario.server.iter().enumerate() {
        let answers = [
            ("preflight", entry.preflight.as_ref()),
            ("response", Some(&entry.response)),
        ];
        for (which, answer) in answers {
            if let Some(Answer::Http(http)) = answer {
                for (line, header) in http.headers.iter().enumerate() {
                    visit(
                        index,
                        &format!("server[{index}].{which}.headers[{line}][1]"),
                        header,
                    );
                }
            }
        }
    }
}

fn parse_absolute(text: &str, field: &str) -> Result<Url, LabError> {
    Url::parse(text).map_err(|_| LabError::UrlInvalid {
        field: field.to_owned(),
    })
}

fn add(found: &mut Vec<Found>, url: &Url, served_by: Option<&str>) {
    if is_http(url) {
        add_origin(found, url.origin(), served_by);
    }
}

fn add_origin(found: &mut Vec<Found>, origin: Origin, served_by: Option<&str>) {
    match found.iter_mut().find(|known| known.origin == origin) {
        Some(known) => {
            if known.served_by.is_none() {
                known.served_by = served_by.map(str::to_owned);
            }
        }
        None => found.push(Found {
            origin,
            served_by: served_by.map(str::to_owned),
        }),
    }
}

/// The http(s) origins written in canonical form inside a header value (`https://a.com`, `https://a.com/`);
/// non-canonical spellings (`HTTPS://A.COM`, `https://a.com:443`) never match any origin and are left alone.
pub(crate) fn origins_named_in(value: &str) -> Vec<Origin> {
    value
        .split(|c: char| c == ',' || c.is_ascii_whitespace())
        .filter_map(|token| {
            let url = Url::parse(token).ok().filter(is_http)?;
            let origin = url.origin();
            let rest = token.strip_prefix(origin.ascii_serialization().as_str())?;
            (rest.is_empty() || rest.starts_with('/')).then_some(origin)
        })
        .collect()
}

/// The site of a host, approximated: an IP address is its own site, a domain's is its last two labels.
fn site_of(host: &Host<String>) -> String {
    match host {
        Host::Domain(domain) => {
            let labels: Vec<&str> = domain.trim_end_matches('.').rsplit('.').take(2).collect();
            labels.into_iter().rev().collect::<Vec<_>>().join(".")
        }
        Host::Ipv4(ip) => ip.to_string(),
        Host::Ipv6(ip) => ip.to_string(),
    }
}

fn site_of_origin(origin: &Origin) -> Option<String> {
    match origin {
        Origin::Tuple(_, host, _) => Some(site_of(host)),
        Origin::Opaque(_) => None,
    }
}

/// The pages of a translation: the scenario's and the real one (`None` is an opaque origin).
pub(crate) struct Pages<'a> {
    pub(crate) scenario: Option<Origin>,
    pub(crate) real: Option<&'a Origin>,
}

/// Assigns a lab origin to every found origin. Returns the map and whether a same-site relation was lost.
pub(crate) fn assign(
    found: &[Found],
    pages: &Pages,
    lab: &LabOrigins,
) -> Result<(OriginMap, bool), LabError> {
    let real_serialized = pages.real.map(Origin::ascii_serialization);
    let real_served = real_serialized
        .as_deref()
        .is_some_and(|real| lab.all().any(|o| o == real));
    let mut pool: Vec<Origin> = lab
        .scenario
        .iter()
        .chain(lab.app.iter())
        .filter_map(|text| Url::parse(text).ok().map(|url| url.origin()))
        .filter(|origin| Some(origin) != pages.real)
        .collect();
    let maps_to_page =
        |origin: &Origin| pages.real.is_some() && pages.scenario.as_ref() == Some(origin);
    let needed = found
        .iter()
        .filter(|entry| !maps_to_page(&entry.origin))
        .count();
    if needed > pool.len() {
        return Err(LabError::TooManyOrigins {
            needed,
            available: pool.len(),
        });
    }
    let page_site = pages.scenario.as_ref().and_then(site_of_origin);
    let real_site = pages.real.and_then(site_of_origin);
    let mut map = OriginMap::default();
    let mut relation_lost = false;
    if let (Some(page), Some(real)) = (&pages.scenario, &real_serialized) {
        map.insert(page.ascii_serialization(), real.clone());
    }
    for entry in found {
        let from = entry.origin.ascii_serialization();
        if maps_to_page(&entry.origin) {
            if let (false, Some(field)) = (real_served, &entry.served_by) {
                return Err(LabError::PageOriginNotServed {
                    field: field.clone(),
                });
            }
            continue;
        }
        let want_same_site = page_site.is_some() && site_of_origin(&entry.origin) == page_site;
        let fits = |lab: &Origin| (site_of_origin(lab) == real_site) == want_same_site;
        let index = pool.iter().position(fits).unwrap_or_else(|| {
            relation_lost = true;
            0
        });
        map.insert(from, pool.remove(index).ascii_serialization());
    }
    Ok((map, relation_lost))
}

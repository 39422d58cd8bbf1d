//! The CORS-preflight cache (<https://fetch.spec.whatwg.org/#cors-preflight-cache>, rules C-1…C-12).
//!
//! Every scenario is evaluated from a **cold** cache and describes one `fetch()`, so the cache never saves
//! the first preflight. It matters only to explain `Access-Control-Max-Age` and to decide whether a
//! request redirected back to an already-preflighted URL (with the same serialized origin) preflights
//! again (C-11).

use url::Url;

use crate::max_age::MaxAge;

/// One cached preflight result (C-1), for one origin, URL and credentials flag.
#[derive(Clone, Debug)]
struct Entry {
    origin: String,
    url: Url,
    credentials: bool,
    methods: Vec<String>,
    header_names: Vec<String>,
}

/// The cache of one evaluation.
#[derive(Clone, Debug, Default)]
pub(crate) struct PreflightCache {
    entries: Vec<Entry>,
}

/// What a cache lookup is for.
pub(crate) struct CacheQuery<'a> {
    pub origin: &'a str,
    pub url: &'a Url,
    pub credentials: bool,
}

impl PreflightCache {
    /// P-12: stores a successful preflight's lists, unless its max-age is 0 (C-10: never reused).
    pub(crate) fn insert(
        &mut self,
        query: &CacheQuery<'_>,
        methods: Vec<String>,
        header_names: Vec<String>,
        max_age: MaxAge,
    ) {
        if max_age.seconds == 0 {
            return;
        }
        self.entries.push(Entry {
            origin: query.origin.to_owned(),
            url: query.url.clone(),
            credentials: query.credentials,
            methods,
            header_names,
        });
    }

    /// C-3: "cache entry match": same origin and URL, and the entry is credentialed or the request is not.
    fn matching<'a>(&'a self, query: &'a CacheQuery<'_>) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |e| {
            e.origin == query.origin && e.url == *query.url && (e.credentials || !query.credentials)
        })
    }

    /// C-4: a method cache entry match. A `*` entry counts only for uncredentialed requests
    /// (Chromium `PreflightResult`, the behaviour C-6 recommends).
    pub(crate) fn method_match(&self, query: &CacheQuery<'_>, method: &str) -> bool {
        self.matching(query).any(|e| {
            e.methods
                .iter()
                .any(|m| m == method || (m == "*" && !query.credentials))
        })
    }

    /// Whether any entry matches (Firefox lets a CORS-safelisted method through on any entry).
    pub(crate) fn has_entry(&self, query: &CacheQuery<'_>) -> bool {
        self.matching(query).next().is_some()
    }

    /// C-5: a header-name cache entry match (`*` never covers `Authorization`, nor credentialed requests).
    pub(crate) fn header_match(&self, query: &CacheQuery<'_>, name: &str) -> bool {
        self.matching(query).any(|e| {
            e.header_names.iter().any(|h| {
                h.eq_ignore_ascii_case(name)
                    || (h == "*"
                        && !query.credentials
                        && !name.eq_ignore_ascii_case("authorization"))
            })
        })
    }
}

//! The state of one fetch across its redirect hops, and how a step stops it. Main fetch, HTTP fetch and
//! the preflight and redirect steps all share it; it sits below them so that each layer imports only the
//! layers it calls (main fetch → HTTP fetch → preflight, redirect).

use url::Url;

use crate::preflight_cache::PreflightCache;
use crate::quirks::{quirks, Quirks, UploadListenerWithoutBody};
use crate::recorder::Recorder;
use crate::request::AuthorHeader;
use crate::scenario::{InputError, Request};
use crate::tainting::ResponseTainting;
use crate::trace::{CheckId, Key, Stage, TraceStep};
use crate::validate::{Server, Validated};
use crate::verdict::WireRequest;

/// How the fetch ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Ending {
    /// The script's call threw.
    RequestError,
    /// A network error (CORS or otherwise).
    NetworkError,
    /// A response the script receives, filtered by its tainting.
    Response {
        tainting: ResponseTainting,
        status: u16,
        readable: Vec<String>,
    },
    /// A `data:` URL: a basic 200 response.
    DataUrl,
    /// Redirect mode `manual`: an opaque-redirect response.
    OpaqueRedirect,
    /// The request never settles (Firefox, `XhrRedirectToBlob::NeverSettles`).
    NoEvent,
}

/// Why a step stops the fetch: it ended, or the scenario lacks something.
pub(crate) enum Halt {
    Ended(Ending),
    Input(InputError),
}

/// A step's result.
pub(crate) type Step<T> = Result<T, Halt>;

/// The state of one fetch across its redirect hops.
pub(crate) struct Fetch<'a> {
    pub input: &'a Validated<'a>,
    pub request: &'a Request,
    pub quirks: &'static Quirks,
    pub rec: Recorder,
    pub requests: Vec<WireRequest>,
    /// The current method (normalized; 301/302/303 may rewrite it).
    pub method: String,
    /// The author headers still sent.
    pub headers: Vec<AuthorHeader>,
    pub current_url: Url,
    pub tainting: ResponseTainting,
    /// OH-1: a cross-origin hop made the serialized request origin `null`.
    pub origin_tainted: bool,
    pub redirect_count: u32,
    pub cache: PreflightCache,
    /// The CORS-unsafe names when a preflight was first needed, if one was.
    pub first_preflight: Option<Vec<String>>,
    /// The headers as they were before a method rewrite left request-body headers off, when the browser
    /// sends them again from the next redirect on (R-10, `BodyHeadersAfterRewrite`).
    pub held_headers: Option<Vec<AuthorHeader>>,
    /// A redirect failure the browser reports only after the next URL's preflight (Safari).
    pub failure_after_preflight: Option<DeferredFailure>,
}

/// A failure of a redirect that Safari reports when the next URL's preflight is done (or, without one,
/// before the next request).
#[derive(Debug)]
pub(crate) enum DeferredFailure {
    /// R-8, `RedirectToCredentials::AfterPreflightFromSameOrigin`: the values of its step.
    RedirectCredentials(Vec<(Key, String)>),
    /// K-7, `RedirectCheckCredentials::WithCredentialsAfterSameOriginStart`: a redirect response that
    /// fails only because it is checked with credentials; the steps of its CORS check, the failure last
    /// (observed in WebKitGTK 2.50: the next URL's preflight goes out first).
    CredentialedRedirectCheck(Vec<TraceStep>),
}

impl<'a> Fetch<'a> {
    /// A fetch of the validated scenario's URL.
    pub(crate) fn new(
        input: &'a Validated<'a>,
        request: &'a Request,
        browser: crate::Browser,
    ) -> Fetch<'a> {
        Fetch {
            input,
            request,
            quirks: quirks(browser),
            rec: Recorder::default(),
            requests: Vec::new(),
            method: String::new(),
            headers: Vec::new(),
            current_url: input.url.clone(),
            tainting: ResponseTainting::Basic,
            origin_tainted: false,
            redirect_count: 0,
            cache: PreflightCache::default(),
            first_preflight: None,
            held_headers: None,
            failure_after_preflight: None,
        }
    }

    /// The stage of checks made before the network on this hop.
    pub(crate) fn hop_stage(&self) -> Stage {
        if self.redirect_count == 0 {
            Stage::Request
        } else {
            Stage::Redirect
        }
    }

    /// <https://fetch.spec.whatwg.org/#serializing-a-request-origin> (OH-2).
    pub(crate) fn serialized_request_origin(&self) -> &'a str {
        if self.origin_tainted {
            "null"
        } else {
            &self.input.page_serialized
        }
    }

    /// The request's use-CORS-preflight flag (U-1…U-3), as the browser sets it.
    pub(crate) fn use_cors_preflight(&self) -> bool {
        // Deviation(Chrome): an upload listener on a request without a body (`GET`, `HEAD`) sets no flag.
        let without_body = ["GET", "HEAD"]
            .iter()
            .any(|m| self.request.method.eq_ignore_ascii_case(m));
        self.request.preflight_flag
            && !(without_body
                && self.quirks.upload_listener_without_body == UploadListenerWithoutBody::Ignored)
    }

    /// Records the failed step and ends the fetch with a network error.
    pub(crate) fn network_error<T>(
        &mut self,
        check: CheckId,
        stage: Stage,
        values: Vec<(Key, String)>,
    ) -> Step<T> {
        self.rec.fail(check, stage, values);
        Err(Halt::Ended(Ending::NetworkError))
    }
}

/// The server entry answering `url`. Userinfo never reaches the wire, so it does not tell entries apart.
pub(crate) fn lookup<'s, 'a>(servers: &'s [Server<'a>], url: &Url) -> Step<&'s Server<'a>> {
    let wire = without_userinfo(url);
    let found = servers.iter().find(|s| s.url == *url).or_else(|| {
        servers
            .iter()
            .find(|s| without_userinfo(&s.url).as_str() == wire.as_str())
    });
    found.ok_or_else(|| {
        Halt::Input(InputError {
            field: "server".to_owned(),
            problem: format!("no entry answers {url}"),
        })
    })
}

/// `url` as sent on the wire: without username and password.
pub(crate) fn without_userinfo(url: &Url) -> Url {
    let mut wire = url.clone();
    // Neither setter fails on an http(s) URL; other URLs are compared as written.
    let _ = wire.set_username("");
    let _ = wire.set_password(None);
    wire
}

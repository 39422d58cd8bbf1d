//! The compact glossary: the few terms CORS explanations cannot avoid, linked from the text.

use leptos::prelude::*;

/// One glossary entry.
pub struct Term {
    /// Anchor id (`#g-<id>`).
    pub id: &'static str,
    /// The term.
    pub term: &'static str,
    /// Its meaning in two sentences at most.
    pub meaning: &'static str,
}

/// Every term, alphabetical.
pub static TERMS: &[Term] = &[
    Term { id: "cors", term: "CORS", meaning: "Cross-Origin Resource Sharing: the rules by which a server tells the browser that a page from another origin may read its responses. The browser enforces them; the server only answers with headers." },
    Term { id: "credentials", term: "credentials mode", meaning: "Whether cookies, HTTP authentication and client certificates go with the request: omit (never), same-origin (the default for fetch) or include (always; XHR's withCredentials = true). With include, the server must name the exact origin and send Access-Control-Allow-Credentials: true." },
    Term { id: "cross-origin", term: "cross-origin", meaning: "A request whose URL has a different origin from the page making it. Only cross-origin requests go through the CORS checks." },
    Term { id: "forbidden", term: "forbidden header", meaning: "A request header only the browser may set (Cookie, Host, Origin, Sec-…, Proxy-…). A script that sets one is silently ignored: the header is dropped." },
    Term { id: "opaque", term: "opaque response", meaning: "What a no-cors request gets back from another origin: status 0, no headers, empty body. The request was made; the script just may not look at the answer." },
    Term { id: "origin", term: "origin", meaning: "Scheme, host and port of a URL, e.g. https://app.example.com:443. Two URLs are same-origin only if all three are equal. Sandboxed iframes and file: pages have an opaque origin, written null." },
    Term { id: "preflight", term: "preflight", meaning: "An OPTIONS request the browser sends before a request a plain HTML form could not have made (another method, a custom header, a JSON body) to ask the server for permission. Scripts never see it; it shows in the Network panel." },
    Term { id: "mode", term: "request mode", meaning: "cors (the default for fetch: cross-origin responses must pass the CORS check), no-cors (the response is opaque) or same-origin (cross-origin URLs fail)." },
    Term { id: "safelisted", term: "safelisted", meaning: "A method (GET, HEAD, POST) or request header (Accept, Accept-Language, Content-Language, Content-Type with a form or text/plain value, Range) that needs no preflight, because HTML forms could always send it." },
    Term { id: "same-origin-policy", term: "same-origin policy", meaning: "The browser's default: a page may send requests anywhere, but may only read responses from its own origin. CORS is the controlled exception." },
];

/// A link from running text to a glossary term.
#[component]
pub fn TermLink(
    /// The term's id in [`TERMS`].
    id: &'static str,
    /// The linked words.
    children: Children,
) -> impl IntoView {
    view! { <a class="term" href=format!("#g-{id}")>{children()}</a> }
}

/// The glossary section.
#[component]
pub fn Glossary() -> impl IntoView {
    view! {
        <section class="glossary" aria-labelledby="glossary-title" data-testid="glossary">
            <h2 id="glossary-title">"Glossary"</h2>
            <dl>
                {TERMS
                    .iter()
                    .map(|t| {
                        view! {
                            <div class="glossary-entry" id=format!("g-{}", t.id)>
                                <dt>{t.term}</dt>
                                <dd>{t.meaning}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}

//! FastAPI / Starlette `CORSMiddleware` (`pip install fastapi uvicorn`).

use super::{common_notes, max_age, quoted, Parts};
use crate::policy::Policy;

pub(super) fn render(p: &Policy) -> Parts {
    let code = format!(
        r#"from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

app = FastAPI()


# Starlette answers unhandled exceptions in its outermost layer, outside CORSMiddleware, so a crash
# would reach the browser without CORS headers (and show up as a "CORS error"). Turn them into a 500
# here, inside CORSMiddleware.
@app.middleware("http")
async def errors_as_responses(request: Request, call_next):
    try:
        return await call_next(request)
    except Exception:
        return JSONResponse({{"detail": "Internal Server Error"}}, status_code=500)


# Added last, so it is the outermost middleware: preflights (OPTIONS) are answered before any auth
# middleware or dependency runs, and every response gets the headers and `Vary: Origin`.
app.add_middleware(
    CORSMiddleware,
    allow_origins=[{origins}],  # exact origins; never ["*"] or allow_origin_regex
    allow_methods=[{methods}],
    allow_headers=[{headers}],
    expose_headers=[{expose}],
    allow_credentials={credentials},
    max_age={max_age},
)
"#,
        origins = quoted(&p.origins, '"'),
        methods = quoted(&p.methods, '"'),
        headers = quoted(&p.allow_headers, '"'),
        expose = quoted(&p.expose_headers, '"'),
        credentials = if p.allows_credentials() {
            "True"
        } else {
            "False"
        },
        max_age = max_age(p),
    );
    let mut notes = common_notes(p);
    notes.push(
        "Add CORSMiddleware after every other add_middleware call: the last one added runs first."
            .to_owned(),
    );
    (
        "main.py, right after `app = FastAPI()`; add other middleware before these lines",
        "python",
        code,
        notes,
    )
}

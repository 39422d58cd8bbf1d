//! Flask with Flask-CORS (`pip install flask flask-cors`).

use super::{common_notes, max_age, quoted, Parts};
use crate::policy::Policy;

pub(super) fn render(p: &Policy) -> Parts {
    let code = format!(
        r#"from flask import Flask, request
from flask_cors import CORS

app = Flask(__name__)

# Flask-CORS answers preflights (OPTIONS) and adds the headers in an after_request hook, which also runs
# for error responses (404, 500). With a list of origins it echoes the matching one and adds
# `Vary: Origin`.
CORS(
    app,
    resources={{r"{path}*": {{"origins": [{origins}]}}}},  # exact origins; no "*" and no regex
    methods=[{methods}],
    allow_headers=[{headers}],
    expose_headers=[{expose}],
    supports_credentials={credentials},
    max_age={max_age},
)


# before_request hooks run before Flask-CORS answers the preflight: let OPTIONS through (browsers
# never send credentials on a preflight).
@app.before_request
def require_auth():
    if request.method == "OPTIONS":
        return None
    # ... your authentication check ...
    return None
"#,
        path = p.path,
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
    notes.push("Flask-CORS treats origins containing regex characters (*, ?, [, ^, $) as patterns: list plain origins only.".to_owned());
    (
        "app.py, right after `app = Flask(__name__)`",
        "python",
        code,
        notes,
    )
}

//! Express with the `cors` package (`npm install express cors`).

use super::{common_notes, max_age, quoted, Parts};
use crate::policy::Policy;

pub(super) fn render(p: &Policy) -> Parts {
    let mount = if p.path == "/" {
        String::new()
    } else {
        format!("'{}', ", p.path.trim_end_matches('/'))
    };
    let code = format!(
        r"const express = require('express');
const cors = require('cors');

const app = express();

const corsOptions = {{
  origin: [{origins}], // explicit allow-list, compared exactly: never `true`, '*' or a RegExp
  methods: [{methods}],
  allowedHeaders: [{headers}],
  exposedHeaders: [{expose}],
  credentials: {credentials},
  maxAge: {max_age},
  optionsSuccessStatus: 204,
}};

// 1. CORS first: it answers preflight (OPTIONS) requests itself, before any auth middleware runs, and
//    sets the headers on every other response, error responses included. With a list of origins it
//    echoes the matching origin and adds `Vary: Origin`.
app.use({mount}cors(corsOptions));

// 2. Then authentication, then the routes:
// app.use(requireAuth);
// app.use('/api', apiRouter);
",
        origins = quoted(&p.origins, '\''),
        methods = quoted(&p.methods, '\''),
        headers = quoted(&p.allow_headers, '\''),
        expose = quoted(&p.expose_headers, '\''),
        credentials = p.allows_credentials(),
        max_age = max_age(p),
    );
    let mut notes = common_notes(p);
    notes.push("Keep app.use(cors(...)) above every auth middleware and router; middleware runs in the order it is registered.".to_owned());
    ("server.js (or app.js), right after `const app = express()`, before auth middleware and routes", "js", code, notes)
}

//! Fastify with `@fastify/cors` (`npm install fastify @fastify/cors`).

use super::{common_notes, max_age, quoted, Parts};
use crate::policy::Policy;

pub(super) fn render(p: &Policy) -> Parts {
    let code = format!(
        r"const fastify = require('fastify')();

// Register CORS before any auth hook: its onRequest hook answers preflights (OPTIONS) and ends them
// there, so auth hooks registered later never see them. It also sets the headers on every other
// reply, error replies included, and adds `Vary: Origin`.
fastify.register(require('@fastify/cors'), {{
  origin: [{origins}], // explicit allow-list, compared exactly: never `true`, '*' or a RegExp
  methods: [{methods}],
  allowedHeaders: [{headers}],
  exposedHeaders: [{expose}],
  credentials: {credentials},
  maxAge: {max_age},
  hook: 'onRequest',
}});

// Then authentication, then the routes:
// fastify.addHook('onRequest', requireAuth);
// fastify.register(apiRoutes, {{ prefix: '{prefix}' }});
",
        origins = quoted(&p.origins, '\''),
        methods = quoted(&p.methods, '\''),
        headers = quoted(&p.allow_headers, '\''),
        expose = quoted(&p.expose_headers, '\''),
        credentials = p.allows_credentials(),
        max_age = max_age(p),
        prefix = p.path.trim_end_matches('/'),
    );
    let notes = common_notes(p);
    (
        "server.js, before registering auth hooks and routes",
        "js",
        code,
        notes,
    )
}

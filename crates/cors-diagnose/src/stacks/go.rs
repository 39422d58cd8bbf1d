//! Go with `github.com/rs/cors` (`go get github.com/rs/cors`).

use super::{common_notes, max_age, quoted, Parts};
use crate::policy::Policy;

pub(super) fn render(p: &Policy) -> Parts {
    let code = format!(
        r#"package main

import (
	"net/http"

	"github.com/rs/cors"
)

func main() {{
	mux := http.NewServeMux()
	// mux.Handle("{path}", apiHandler)

	c := cors.New(cors.Options{{
		AllowedOrigins:   []string{{{origins}}}, // exact origins; never "*" or an AllowOriginFunc returning true
		AllowedMethods:   []string{{{methods}}},
		AllowedHeaders:   []string{{{headers}}},
		ExposedHeaders:   []string{{{expose}}},
		AllowCredentials: {credentials},
		MaxAge:           {max_age},
	}})

	// CORS wraps everything, auth included: preflights are answered before auth runs, and every
	// response (errors included) gets the headers and `Vary: Origin`.
	handler := c.Handler(requireAuth(mux))
	http.ListenAndServe(":8080", handler)
}}

func requireAuth(next http.Handler) http.Handler {{
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {{
		// ... your authentication check ...
		next.ServeHTTP(w, r)
	}})
}}
"#,
        path = p.path,
        origins = quoted(&p.origins, '"'),
        methods = quoted(&p.methods, '"'),
        headers = quoted(&p.allow_headers, '"'),
        expose = quoted(&p.expose_headers, '"'),
        credentials = p.allows_credentials(),
        max_age = max_age(p),
    );
    let notes = common_notes(p);
    (
        "main.go, where the server's handler is built",
        "go",
        code,
        notes,
    )
}

//! Stacks whose generated code is a whole program, run on its own runtime: Go with `rs/cors`, and a
//! Cloudflare Worker served through Node's Fetch API.

use std::process::Command;

use cors_diagnose::stacks::Stack;

use super::configs::{generated, write, Running};
use super::{free_port, scratch, Server};

/// The API behind the generated Go server: `/api/fail` answers 500; `/api/items` needs the cookie
/// `session=ok` (401 otherwise) and answers 200 with `X-Total-Count`, as the proxies' upstream does.
const GO_API: &str = r#"
var apiHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/api/fail" {
		http.Error(w, "boom", http.StatusInternalServerError)
		return
	}
	if c, err := r.Cookie("session"); err != nil || c.Value != "ok" {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	w.Header().Set("X-Total-Count", "3")
	w.Write([]byte("ok"))
})
"#;

/// Go with `github.com/rs/cors` (Debian's `golang-github-rs-cors-dev`, built without modules): the
/// generated `main.go` with its commented `mux.Handle` line enabled for the test API, on a free port.
pub fn go() -> Result<Running, String> {
    let dir = scratch("go");
    let port = free_port();
    let code = generated(Stack::Go, 0);
    let enable = "// mux.Handle(\"/api/\", apiHandler)";
    let listen = "http.ListenAndServe(\":8080\", handler)";
    if !code.contains(enable) || !code.contains(listen) {
        return Err(format!("the generated main.go changed shape:\n{code}"));
    }
    let code = code
        .replace(enable, "mux.Handle(\"/api/\", apiHandler)")
        .replace(
            listen,
            &format!("http.ListenAndServe(\"127.0.0.1:{port}\", handler)"),
        );
    write(&dir, "main.go", &format!("{code}{GO_API}"))?;
    let build = Command::new("go")
        .args(["build", "-o", "server", "main.go"])
        .current_dir(&dir)
        .env("GO111MODULE", "off")
        .env("GOPATH", "/usr/share/gocode")
        .env("GOCACHE", dir.join("gocache"))
        .output()
        .map_err(|e| format!("go build did not start: {e}"))?;
    if !build.status.success() {
        return Err(format!(
            "go build failed:\n{}",
            String::from_utf8_lossy(&build.stderr)
        ));
    }
    let server = Server::start(Command::new(dir.join("server")), &dir, "go", port)?;
    Ok((vec![server], port))
}

/// The Worker's own handler for the test: the same API as the proxies' upstream.
const WORKER_HANDLER: &str = r#"async function handle(request, env, ctx) {
  const url = new URL(request.url);
  if (url.pathname === "/api/fail") throw new Error("boom");
  if (!(request.headers.get("Cookie") || "").includes("session=ok")) {
    return new Response("unauthorized", { status: 401 });
  }
  return new Response("ok", { headers: { "X-Total-Count": "3" } });
}
"#;

/// Serves a Worker module over HTTP with Node's own Fetch API (`Request`, `Response`, `Headers`).
const WORKER_HOST: &str = r#"import http from "node:http";
import worker from "./index.mjs";

http.createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = chunks.length && !["GET", "HEAD"].includes(req.method) ? Buffer.concat(chunks) : undefined;
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  const request = new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body });
  const response = await worker.fetch(request, {}, {});
  res.writeHead(response.status, [...response.headers]);
  res.end(Buffer.from(await response.arrayBuffer()));
}).listen(Number(process.env.PORT), "127.0.0.1");
"#;

/// Cloudflare Workers: the generated `src/index.js` with the test API as its `handle`, served by Node's
/// Fetch API (the same `Request`/`Response`/`Headers` a Worker gets).
pub fn cloudflare() -> Result<Running, String> {
    let dir = scratch("cloudflare");
    let port = free_port();
    let code = generated(Stack::CloudflareWorkers, 0);
    let placeholder = code
        .find("async function handle(")
        .ok_or_else(|| format!("the generated Worker has no handle():\n{code}"))?;
    write(
        &dir,
        "index.mjs",
        &format!("{}{WORKER_HANDLER}", &code[..placeholder]),
    )?;
    let host = write(&dir, "host.mjs", WORKER_HOST)?;
    let mut command = Command::new("node");
    command.arg(host).env("PORT", port.to_string());
    let server = Server::start(command, &dir, "cloudflare", port)?;
    Ok((vec![server], port))
}

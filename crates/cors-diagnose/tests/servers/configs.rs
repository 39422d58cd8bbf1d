//! Starting each stack with the generated configuration; returns the running processes and the port the
//! browser-facing server listens on.

use std::path::{Path, PathBuf};
use std::process::Command;

use cors_diagnose::stacks::{RenderOptions, Stack};

use super::{free_port, policy, scratch, Server};

/// The running processes (kept alive while held) and the port to test.
pub type Running = (Vec<Server>, u16);

fn write(dir: &Path, name: &str, text: &str) -> Result<PathBuf, String> {
    let path = dir.join(name);
    std::fs::write(&path, text).map_err(|e| format!("writing {}: {e}", path.display()))?;
    Ok(path)
}

/// The Python standard-library application behind the proxies.
pub fn upstream(dir: &Path) -> Result<(Server, u16), String> {
    let port = free_port();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/servers/upstream.py");
    let mut command = Command::new("python3");
    command.arg(script).arg(port.to_string());
    Ok((Server::start(command, dir, "upstream", port)?, port))
}

/// The code the generator wrote for `stack`.
fn generated(stack: Stack, upstream_port: u16) -> String {
    let options = RenderOptions {
        upstream: format!("http://127.0.0.1:{upstream_port}"),
    };
    stack.render(&policy(), &options).code
}

/// nginx, proxying to the upstream.
pub fn nginx() -> Result<Running, String> {
    let dir = scratch("nginx");
    let (app, up) = upstream(&dir)?;
    let port = free_port();
    let code = generated(Stack::Nginx, up);
    let d = dir.display();
    let conf = format!(
        "daemon off;\nworker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\nevents {{}}\nhttp {{\n  access_log off;\n  client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n  fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n{http}\n  server {{\n    listen 127.0.0.1:{port};\n{location}\n  }}\n}}\n",
        http = code.split("# In the server { } block of the API:").next().unwrap_or(""),
        location = code.split("# In the server { } block of the API:").nth(1).unwrap_or(""),
    );
    let path = write(&dir, "nginx.conf", &conf)?;
    let mut command = Command::new("nginx");
    command.arg("-p").arg(&dir).arg("-c").arg(path);
    let server = Server::start(command, &dir, "nginx", port)?;
    Ok((vec![app, server], port))
}

/// Apache httpd, proxying to the upstream.
pub fn apache() -> Result<Running, String> {
    let dir = scratch("apache");
    let (app, up) = upstream(&dir)?;
    let port = free_port();
    let modules = [
        "mpm_event",
        "authz_core",
        "headers",
        "setenvif",
        "rewrite",
        "proxy",
        "proxy_http",
    ];
    let load: String = modules
        .iter()
        .map(|m| format!("LoadModule {m}_module /usr/lib/apache2/modules/mod_{m}.so\n"))
        .collect();
    let d = dir.display();
    let conf = format!(
        "ServerRoot {d}\nServerName 127.0.0.1\nListen 127.0.0.1:{port}\nPidFile {d}/httpd.pid\nErrorLog {d}/error.log\nDefaultRuntimeDir {d}\nUser www-data\nGroup www-data\n{load}<VirtualHost 127.0.0.1:{port}>\n{code}\n</VirtualHost>\n",
        code = generated(Stack::Apache, up),
    );
    let path = write(&dir, "httpd.conf", &conf)?;
    let mut command = Command::new("/usr/sbin/apache2");
    command.arg("-f").arg(path).arg("-DFOREGROUND");
    let server = Server::start(command, &dir, "apache", port)?;
    Ok((vec![app, server], port))
}

/// Caddy, proxying to the upstream.
pub fn caddy() -> Result<Running, String> {
    let dir = scratch("caddy");
    let (app, up) = upstream(&dir)?;
    let port = free_port();
    let options = RenderOptions {
        upstream: format!("http://127.0.0.1:{up}"),
    };
    let site = cors_diagnose_site(&options);
    let conf = format!(
        "{{\n\tadmin off\n\tauto_https off\n}}\n\nhttp://127.0.0.1:{port} {{\n{site}\n}}\n"
    );
    let path = write(&dir, "Caddyfile", &conf)?;
    let mut command = Command::new("caddy");
    command
        .args(["run", "--adapter", "caddyfile", "--config"])
        .arg(path);
    command
        .env("HOME", &dir)
        .env("XDG_DATA_HOME", &dir)
        .env("XDG_CONFIG_HOME", &dir);
    let server = Server::start(command, &dir, "caddy", port)?;
    Ok((vec![app, server], port))
}

/// The Caddyfile site block's body from the generated snippet (between the outer braces).
fn cors_diagnose_site(options: &RenderOptions) -> String {
    let code = Stack::Caddy.render(&policy(), options).code;
    let body = code.split_once("{\n").map_or("", |(_, rest)| rest);
    body.trim_end().trim_end_matches('}').to_owned()
}

fn node_command(dir: &Path, script: &str, port: u16) -> Result<Command, String> {
    let path = write(dir, "app.js", script)?;
    let mut command = Command::new("node");
    command.arg(path).env("PORT", port.to_string());
    if let Some(modules) = std::env::var_os("CORS_DIAGNOSE_NODE_PATH") {
        command.env("NODE_PATH", modules);
    }
    Ok(command)
}

/// Express with the generated `cors` setup, an auth middleware after it, and test routes.
pub fn express() -> Result<Running, String> {
    let dir = scratch("express");
    let port = free_port();
    let script = format!(
        "{}\napp.use((req, res, next) => {{\n  if (!(req.headers.cookie || '').includes('session=ok')) return res.status(401).send('unauthorized');\n  next();\n}});\napp.get('/api/fail', () => {{ throw new Error('boom'); }});\napp.all('/api/items', (req, res) => {{ res.set('X-Total-Count', '3'); res.send('ok'); }});\napp.listen(Number(process.env.PORT), '127.0.0.1');\n",
        generated(Stack::Express, 0)
    );
    let server = Server::start(node_command(&dir, &script, port)?, &dir, "express", port)?;
    Ok((vec![server], port))
}

/// Fastify with the generated `@fastify/cors` registration, an auth hook after it, and test routes.
pub fn fastify() -> Result<Running, String> {
    let dir = scratch("fastify");
    let port = free_port();
    let script = format!(
        "{}\nfastify.addHook('onRequest', async (req, reply) => {{\n  if (!(req.headers.cookie || '').includes('session=ok')) {{ reply.code(401).send('unauthorized'); return reply; }}\n}});\nfastify.get('/api/fail', async () => {{ throw new Error('boom'); }});\nfastify.route({{ method: ['GET', 'PUT'], url: '/api/items', handler: async (req, reply) => {{ reply.header('X-Total-Count', '3'); return 'ok'; }} }});\nfastify.listen({{ port: Number(process.env.PORT), host: '127.0.0.1' }});\n",
        generated(Stack::Fastify, 0)
    );
    let server = Server::start(node_command(&dir, &script, port)?, &dir, "fastify", port)?;
    Ok((vec![server], port))
}

/// The Python interpreter with the frameworks installed.
pub fn python() -> String {
    std::env::var("CORS_DIAGNOSE_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

fn python_server(name: &str, script: &str) -> Result<Running, String> {
    let dir = scratch(name);
    let port = free_port();
    let path = write(&dir, "app.py", script)?;
    let mut command = Command::new(python());
    command.arg(path).arg(port.to_string()).current_dir(&dir);
    let server = Server::start(command, &dir, name, port)?;
    Ok((vec![server], port))
}

/// Flask with the generated Flask-CORS setup; the snippet's auth placeholder becomes a cookie check.
pub fn flask() -> Result<Running, String> {
    let code = generated(Stack::Flask, 0).replace(
        "    # ... your authentication check ...\n",
        "    if request.cookies.get(\"session\") != \"ok\":\n        return (\"unauthorized\", 401)\n",
    );
    let script = format!(
        "{code}\n\n@app.route(\"/api/items\", methods=[\"GET\", \"PUT\"])\ndef items():\n    return (\"ok\", 200, {{\"X-Total-Count\": \"3\"}})\n\n\n@app.route(\"/api/fail\")\ndef fail():\n    raise RuntimeError(\"boom\")\n\n\nif __name__ == \"__main__\":\n    import sys\n    app.run(host=\"127.0.0.1\", port=int(sys.argv[1]))\n"
    );
    python_server("flask", &script)
}

/// FastAPI with the generated middleware; auth is a route dependency.
pub fn fastapi() -> Result<Running, String> {
    let script = format!(
        "{}\n\nfrom fastapi import Depends, HTTPException, Response\n\n\ndef require_session(request: Request):\n    if request.cookies.get(\"session\") != \"ok\":\n        raise HTTPException(status_code=401, detail=\"unauthorized\")\n\n\n@app.api_route(\"/api/items\", methods=[\"GET\", \"PUT\"], dependencies=[Depends(require_session)])\ndef items():\n    return Response(\"ok\", headers={{\"X-Total-Count\": \"3\"}})\n\n\n@app.get(\"/api/fail\")\ndef fail():\n    raise RuntimeError(\"boom\")\n\n\nif __name__ == \"__main__\":\n    import sys\n    import uvicorn\n    uvicorn.run(app, host=\"127.0.0.1\", port=int(sys.argv[1]), log_level=\"warning\")\n",
        generated(Stack::FastApi, 0)
    );
    python_server("fastapi", &script)
}

/// Django (one file, served by wsgiref) with the generated settings, and a cookie-auth middleware
/// placed after the CORS middleware.
pub fn django() -> Result<Running, String> {
    let settings = generated(Stack::Django, 0).replace("\"\"\"", "");
    let script = format!(
        r#"import sys

import django
from django.conf import settings

SNIPPET = """{settings}"""
generated = {{}}
exec(SNIPPET, generated)
conf = {{k: v for k, v in generated.items() if k.isupper()}}
conf["MIDDLEWARE"] = conf["MIDDLEWARE"] + ["__main__.AuthMiddleware"]
settings.configure(DEBUG=False, ALLOWED_HOSTS=["*"], ROOT_URLCONF="__main__", SECRET_KEY="test", **conf)
django.setup()

from django.http import HttpResponse
from django.urls import path


class AuthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.COOKIES.get("session") != "ok":
            return HttpResponse("unauthorized", status=401)
        return self.get_response(request)


def items(request):
    response = HttpResponse("ok")
    response["X-Total-Count"] = "3"
    return response


def fail(request):
    raise RuntimeError("boom")


urlpatterns = [path("api/items", items), path("api/fail", fail)]

if __name__ == "__main__":
    from wsgiref.simple_server import make_server

    from django.core.wsgi import get_wsgi_application

    make_server("127.0.0.1", int(sys.argv[1]), get_wsgi_application()).serve_forever()
"#
    );
    python_server("django", &script)
}

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

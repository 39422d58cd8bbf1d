//! Starting each stack with the generated configuration; returns the running processes and the port the
//! browser-facing server listens on.

use std::path::{Path, PathBuf};
use std::process::Command;

use cors_diagnose::stacks::{RenderOptions, Stack};

use super::{free_port, policy, scratch, Server};

/// The running processes (kept alive while held) and the port to test.
pub type Running = (Vec<Server>, u16);

pub fn write(dir: &Path, name: &str, text: &str) -> Result<PathBuf, String> {
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
pub fn generated(stack: Stack, upstream_port: u16) -> String {
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

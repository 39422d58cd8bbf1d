//! The generated configuration, run in real servers on loopback: the engine must let the browser through
//! (preflight and request), read error responses, and refuse other origins.
//!
//! Each test skips when its server is not installed, unless `CORS_DIAGNOSE_SERVERS` is set
//! (scripts/test.d/40-diagnose-servers.sh installs everything and sets it).

mod servers;

use servers::configs::{self, python};
use servers::runtimes;
use servers::{has_program, run_if_available, verify};

fn python_has(module: &str) -> bool {
    std::process::Command::new(python())
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn node_has(package: &str) -> bool {
    std::env::var_os("CORS_DIAGNOSE_NODE_PATH").is_some_and(|p| {
        std::path::Path::new(&p)
            .join(package)
            .join("package.json")
            .is_file()
    }) && has_program("node")
}

#[test]
fn nginx_configuration_passes_the_browser_checks() {
    run_if_available(
        "nginx",
        has_program("nginx") && has_program("python3"),
        || {
            let (_servers, port) = configs::nginx()?;
            verify(port)
        },
    );
}

#[test]
fn go_configuration_passes_the_browser_checks() {
    let rs_cors = std::path::Path::new("/usr/share/gocode/src/github.com/rs/cors").is_dir();
    run_if_available("go", has_program("go") && rs_cors, || {
        let (_servers, port) = runtimes::go()?;
        verify(port)
    });
}

#[test]
fn cloudflare_worker_passes_the_browser_checks() {
    run_if_available("cloudflare", has_program("node"), || {
        let (_servers, port) = runtimes::cloudflare()?;
        verify(port)
    });
}

#[test]
fn express_configuration_passes_the_browser_checks() {
    run_if_available("express", node_has("express") && node_has("cors"), || {
        let (_servers, port) = configs::express()?;
        verify(port)
    });
}

#[test]
fn flask_configuration_passes_the_browser_checks() {
    run_if_available("flask", python_has("flask_cors"), || {
        let (_servers, port) = configs::flask()?;
        verify(port)
    });
}

#[test]
fn apache_configuration_passes_the_browser_checks() {
    run_if_available(
        "apache",
        has_program("/usr/sbin/apache2") && has_program("python3"),
        || {
            let (_servers, port) = configs::apache()?;
            verify(port)
        },
    );
}

#[test]
fn fastapi_configuration_passes_the_browser_checks() {
    run_if_available(
        "fastapi",
        python_has("fastapi") && python_has("uvicorn"),
        || {
            let (_servers, port) = configs::fastapi()?;
            verify(port)
        },
    );
}

#[test]
fn caddy_configuration_passes_the_browser_checks() {
    run_if_available(
        "caddy",
        has_program("caddy") && has_program("python3"),
        || {
            let (_servers, port) = configs::caddy()?;
            verify(port)
        },
    );
}

#[test]
fn fastify_configuration_passes_the_browser_checks() {
    run_if_available(
        "fastify",
        node_has("fastify") && node_has("@fastify/cors"),
        || {
            let (_servers, port) = configs::fastify()?;
            verify(port)
        },
    );
}

#[test]
fn django_configuration_passes_the_browser_checks() {
    run_if_available("django", python_has("corsheaders"), || {
        let (_servers, port) = configs::django()?;
        verify(port)
    });
}

#[test]
fn an_application_answering_star_alone_fails_the_checks() {
    run_if_available("upstream", has_program("python3"), || {
        let dir = servers::scratch("bare-upstream");
        let (_app, port) = configs::upstream(&dir)?;
        match verify(port) {
            Ok(()) => Err(
                "the checks passed a server that answers '*' to credentialed requests".to_owned(),
            ),
            Err(_) => Ok(()),
        }
    });
}

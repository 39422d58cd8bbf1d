#!/usr/bin/env bash
# Runs the configuration that cors-diagnose generates in real servers on loopback (nginx, Apache, Caddy,
# Go with rs/cors from Debian; Express and Fastify from npm; Flask, FastAPI and Django from PyPI) and checks, with the
# rules engine, that their preflight and actual responses let the browser through, that error responses
# keep their CORS headers and that other origins are refused; then asks each server with `cors-explain check`
# from an allowed origin (must pass) and from another (must fail).
#
# Installs what it needs once (idempotent): Debian packages with apt-get, npm and PyPI packages into a
# cache directory ($CORS_DIAGNOSE_CACHE, default ~/.cache/cors-diagnose-servers), never into the repository.
set -euo pipefail
root="${REPO_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# shellcheck source=../lib.sh
source "$root/scripts/lib.sh"
cache="${CORS_DIAGNOSE_CACHE:-$HOME/.cache/cors-diagnose-servers}"
mkdir -p "$cache"

install_debian() {
  local missing=()
  command -v nginx >/dev/null || missing+=(nginx-light)
  [ -x /usr/sbin/apache2 ] || missing+=(apache2)
  command -v caddy >/dev/null || missing+=(caddy)
  command -v go >/dev/null || missing+=(golang-go)
  [ -d /usr/share/gocode/src/github.com/rs/cors ] || missing+=(golang-github-rs-cors-dev)
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  # Keep the packages' own services from starting: the tests run private instances on loopback ports.
  printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
  as_root chmod +x /usr/sbin/policy-rc.d
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" \
    || { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; }
  as_root rm -f /usr/sbin/policy-rc.d
}

install_node() {
  [ -f "$cache/node/node_modules/express/package.json" ] && [ -f "$cache/node/node_modules/@fastify/cors/package.json" ] && return 0
  say "installing express, cors, fastify, @fastify/cors into $cache/node"
  mkdir -p "$cache/node"
  npm install --prefix "$cache/node" --no-audit --no-fund --loglevel=error \
    express@5 cors@2 fastify@5 @fastify/cors@11
}

install_python() {
  local py="$cache/venv/bin/python"
  [ -x "$py" ] || python3 -m venv "$cache/venv"
  "$py" -c 'import flask, flask_cors, fastapi, uvicorn, django, corsheaders' 2>/dev/null && return 0
  say "installing flask, flask-cors, fastapi, uvicorn, django, django-cors-headers into $cache/venv"
  "$py" -m pip install --quiet --disable-pip-version-check flask flask-cors fastapi uvicorn django django-cors-headers
}

install_debian
install_node
install_python

export CORS_DIAGNOSE_SERVERS=1
cd "$root"
# Each server is also asked by `cors-explain check` (crates/cors-cli), as a browser would ask it.
cargo build -p cors-cli --bin cors-explain
export CORS_EXPLAIN_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/cors-explain"
export CORS_DIAGNOSE_NODE_PATH="$cache/node/node_modules"
export CORS_DIAGNOSE_PYTHON="$cache/venv/bin/python"
cargo test -p cors-diagnose --test real_servers -- --test-threads=2

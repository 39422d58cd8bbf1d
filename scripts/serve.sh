#!/usr/bin/env bash
# Builds the site and serves it with the lab server: `./scripts/serve.sh [cors-lab flags]`.
#   PORT=9000 ./scripts/serve.sh      app on another port (default 8080)
# Ctrl-C stops the server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

port="${PORT:-8080}"
"$REPO_ROOT/scripts/setup.sh"
"$REPO_ROOT/scripts/build-site.sh" dist /
say "building the lab server (cargo build --release -p cors-lab)"
cargo build --release -p cors-lab
say "open http://127.0.0.1:$port/ (Ctrl-C stops the server)"
exec cargo run --quiet --release -p cors-lab -- --dist dist --port "$port" "$@"

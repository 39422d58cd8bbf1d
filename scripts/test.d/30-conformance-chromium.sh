#!/usr/bin/env bash
# Conformance subset for every test run: 300 generated scenarios in Chromium against the lab, compared
# with the engine's `chrome` profile on every observable (console text exact). Fails on any disagreement
# that known-deviations.json does not list, and on any stale entry there. Full suite: scripts/conformance.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
source "$REPO_ROOT/crates/cors-conformance/scripts/browsers.sh"
cd "$REPO_ROOT"

ensure_conformance_browser chromium
cargo build --quiet -p cors-conformance
exec "$REPO_ROOT/target/debug/cors-conformance" run --browsers chromium --count "${CONFORMANCE_COUNT:-300}" \
  --out "$REPO_ROOT/target/conformance-ci"

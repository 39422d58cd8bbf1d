#!/usr/bin/env bash
# The conformance suite: generated CORS scenarios run in real Chromium, Firefox ESR and WebKitGTK against
# the lab server, every observable compared with the engine's prediction for that browser's profile.
# Installs the browsers it needs (apt, plus geckodriver from crates.io), then writes target/conformance/
# (report.json, report.md, disagreements/*.json, driver logs) and the committed report docs/conformance.md.
#
#   scripts/conformance.sh                      # all three browsers, 1000 scenarios, seed 1
#   BROWSERS=chromium COUNT=300 scripts/conformance.sh
# Exits non-zero if any browser disagrees with the engine (outside known-deviations.json) or cannot run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$REPO_ROOT/crates/cors-conformance/scripts/browsers.sh"
cd "$REPO_ROOT"

BROWSERS="${BROWSERS:-chromium,firefox,webkit}"
COUNT="${COUNT:-1000}"
SEED="${SEED:-1}"
OUT="${OUT:-target/conformance}"
MARKDOWN="${MARKDOWN:-docs/conformance.md}"

IFS=',' read -r -a browser_list <<<"$BROWSERS"
for browser in "${browser_list[@]}"; do
  ensure_conformance_browser "$browser"
done
say "building cors-conformance"
cargo build --quiet -p cors-conformance
say "running $COUNT scenarios (seed $SEED) in $BROWSERS"
exec "$REPO_ROOT/target/debug/cors-conformance" run --browsers "$BROWSERS" --count "$COUNT" --seed "$SEED" \
  --out "$OUT" --markdown "$MARKDOWN"

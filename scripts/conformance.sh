#!/usr/bin/env bash
# The conformance suite: generated CORS scenarios run in real Chromium, Firefox ESR and WebKitGTK against
# the lab server, every observable compared with the engine's prediction for that browser's profile.
# Installs the browsers it needs (apt, plus geckodriver from crates.io), then writes target/conformance/
# (report.json, report.md, disagreements/*.json, driver logs) and the committed report docs/conformance.md,
# then replays the adversarial family cases in crates/cors-conformance/cases/families/ (every one must agree
# in every browser) and the diagnosed cases in crates/cors-conformance/cases/disagreements/, saying which now
# agree.
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
status=0
"$REPO_ROOT/target/debug/cors-conformance" run --browsers "$BROWSERS" --count "$COUNT" --seed "$SEED" \
  --out "$OUT" --markdown "$MARKDOWN" || status=$?

# The minimal cases of the adversarial families (issue 13) must agree in every browser.
for browser in "${browser_list[@]}"; do
  say "replaying the adversarial family cases in $browser (each must agree)"
  "$REPO_ROOT/target/debug/cors-conformance" replay --browser "$browser" --out "$OUT/families" \
    "$REPO_ROOT"/crates/cors-conformance/cases/families/*.json || status=1
done

# The diagnosed minimal cases: any that now agrees has been fixed in the engine and can be deleted.
for browser in "${browser_list[@]}"; do
  cases=("$REPO_ROOT"/crates/cors-conformance/cases/disagreements/"$browser"-*.json)
  [ -e "${cases[0]}" ] || continue
  say "replaying the diagnosed $browser cases (a case that agrees now is fixed: delete its file)"
  "$REPO_ROOT/target/debug/cors-conformance" replay --browser "$browser" --out "$OUT/diagnosed" "${cases[@]}" || true
done
exit "$status"

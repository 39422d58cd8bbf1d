#!/usr/bin/env bash
# The project's one test command: `./scripts/test.sh`.
#
# Runs setup, then every check, keeps going after a failure so one run shows them all,
# prints a summary and exits non-zero if anything failed:
#   formatting, clippy (native, and the app + engine for wasm32), the release site for /
#   and for /cors-explainer/ (trunk), unit + integration + browser tests (nextest, or
#   cargo test), doc tests, the size of the first load, then every scripts/test.d/*.sh in name order.
#
# A script in scripts/test.d/ runs from the repository root after the site is built
# (dist/, dist-subpath/) with scripts/lib.sh's REPO_ROOT exported. It fails by exiting
# non-zero; if its last line of the form `N passed, N failed` exists, those counts are
# used, otherwise it counts as one check. Logs of every step: artifacts/test-logs/.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

# A one-off run gains nothing from incremental compilation, whose caches take gigabytes.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

# disk_free: the space left where the build writes, for the log (a full run needs a few GiB).
disk_free() {
  df -h --output=avail "$REPO_ROOT" 2>/dev/null | tail -n 1 | tr -d ' '
}

LOG_DIR="$REPO_ROOT/artifacts/test-logs"
mkdir -p "$LOG_DIR"
rm -f "$LOG_DIR"/*.log
started=$(date +%s)
passed=0
failed=0
summary=()

# count_from_log LOG: prints "PASSED FAILED" found in LOG's test summaries, or nothing.
count_from_log() {
  local log=$1 line
  # nextest: "Summary [ 3.2s] 42 tests run: 40 passed, 2 failed, 0 skipped"
  line=$(grep -E '^ *Summary \[.*tests? run:' "$log" | tail -n 1)
  if [ -n "$line" ]; then
    echo "$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+' || echo 0)" \
      "$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+' || echo 0)"
    return
  fi
  # a plain closing line: "N passed, N failed" (optionally "word: " before it)
  line=$(grep -E '^([A-Za-z-]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  if [ -n "$line" ]; then
    grep -oE '[0-9]+' <<<"$line" | head -n 2 | paste -sd' '
    return
  fi
  # cargo test: one "test result: ok. N passed; M failed; ..." per test binary
  if grep -qE '^test result: ' "$log"; then
    grep -E '^test result: ' "$log" | awk '{ p += $4; f += $6 } END { print p, f }'
  fi
}

# step NAME COMMAND...: runs COMMAND, logging to artifacts/test-logs/, and records the result.
step() {
  local name=$1 slug log t0 rc counts p f
  shift
  slug=$(tr -c 'A-Za-z0-9' '-' <<<"$name" | sed 's/-*$//')
  log="$LOG_DIR/$(printf '%02d' $((${#summary[@]} + 1)))-$slug.log"
  printf '\n==> %s\n' "$name" >&2
  t0=$(date +%s)
  "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  counts=$(count_from_log "$log")
  if [ -n "$counts" ]; then
    read -r p f <<<"$counts"
    [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
  elif [ "$rc" -eq 0 ]; then
    p=1 f=0
  else
    p=0 f=1
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  local verdict=ok
  [ "$rc" -eq 0 ] || verdict=FAIL
  summary+=("$(printf '%-5s %-52s %4ss  (%s passed, %s failed)' \
    "$verdict" "$name" $(($(date +%s) - t0)) "$p" "$f")")
}

wasm_clippy() {
  (
    source "$REPO_ROOT/scripts/wasm-env.sh"
    cargo clippy --target wasm32-unknown-unknown -p cors-explainer -p cors-rules -- -D warnings
  )
}

rust_tests() {
  if command -v cargo-nextest >/dev/null; then
    cargo nextest run --workspace --no-fail-fast
  else
    cargo test --workspace --no-fail-fast
  fi
}

doc_tests() {
  # Only crates with a library have doc tests.
  cargo test --workspace --doc
}

finish() {
  printf '\n==> summary (%ss, %s of disk left, logs in artifacts/test-logs/)\n' \
    $(($(date +%s) - started)) "$(disk_free)"
  printf '  %s\n' "${summary[@]}"
  printf '%s passed, %s failed\n' "$passed" "$failed"
  [ "$failed" -eq 0 ]
  exit
}

printf '==> %s of disk free at the start\n' "$(disk_free)" >&2
step "setup (scripts/setup.sh)" "$REPO_ROOT/scripts/setup.sh"
if [ "$failed" -ne 0 ]; then
  say "setup failed: nothing else can run"
  finish
fi
step "formatting (cargo fmt --all --check)" cargo fmt --all --check
step "clippy, native (--workspace --all-targets)" \
  cargo clippy --workspace --all-targets -- -D warnings
step "clippy, wasm32 (app and engine)" wasm_clippy
step "release site for / (dist/)" "$REPO_ROOT/scripts/build-site.sh" dist /
step "release site for /cors-explainer/ (dist-subpath/)" \
  "$REPO_ROOT/scripts/build-site.sh" dist-subpath /cors-explainer/
step "unit, integration and browser tests" rust_tests
step "doc tests" doc_tests
step "size of the first load (scripts/size-report.sh --check)" "$REPO_ROOT/scripts/size-report.sh" --check
for suite in "$REPO_ROOT"/scripts/test.d/*.sh; do
  [ -e "$suite" ] || continue
  step "scripts/test.d/$(basename "$suite")" bash "$suite"
done
finish

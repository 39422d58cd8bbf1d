#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser (cargo-fuzz, libFuzzer): `scripts/fuzz.sh [SECONDS] [TARGET...]`.
#   SECONDS  how long each target runs, default 60
#   TARGET   the targets to run, default all of fuzz/Cargo.toml (`cargo fuzz list`)
#
# Installs cargo-fuzz if needed, builds the targets, seeds their corpora (fuzz/seed.mjs: the gallery,
# the console message tables, the diagnose tests' captures), then runs each target for SECONDS and
# prints one line per target and `fuzz: N passed, N failed`. A target that finds a crash, a panic or
# a timeout fails; its input is kept in fuzz/artifacts/TARGET/ (replay it with
# `RUSTC_BOOTSTRAP=1 cargo fuzz run -s none TARGET FILE` in fuzz/). Corpora grow in fuzz/corpus/
# from run to run. docs/reliability.md has the figures of the long runs.
#
# libFuzzer needs nightly compiler flags: RUSTC_BOOTSTRAP=1 lets the stable compiler accept them, as
# scripts/wasm-env.sh does for build-std. No sanitizer (`-s none`): the code forbids `unsafe`, and
# without AddressSanitizer every target runs several times faster.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT/fuzz"

CARGO_FUZZ_VERSION=0.13.2
seconds=${1:-60}
shift || true
[[ "$seconds" =~ ^[0-9]+$ ]] || die "SECONDS must be a whole number, not '$seconds'"

export RUSTC_BOOTSTRAP=1
# cargo-fuzz looks for the targets under fuzz/target.
unset CARGO_TARGET_DIR

if ! cargo fuzz --version 2>/dev/null | grep -qw "$CARGO_FUZZ_VERSION"; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (cargo install)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked ||
    { echo "fuzz: cargo-fuzz could not be installed"; echo "fuzz: 0 passed, 1 failed"; exit 1; }
fi
command -v node >/dev/null ||
  { echo "fuzz: node is missing (scripts/setup.sh installs it)"; echo "fuzz: 0 passed, 1 failed"; exit 1; }

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo fuzz list)
fi

started=$(date +%s)
if ! cargo fuzz build -s none >logs-build.txt 2>&1; then
  tail -n 30 logs-build.txt
  echo "fuzz: the targets do not build"
  echo "fuzz: 0 passed, ${#targets[@]} failed"
  exit 1
fi
say "built ${#targets[@]} targets in $(($(date +%s) - started))s"
node seed.mjs >&2

passed=0
failed=0
mkdir -p logs
for target in "${targets[@]}"; do
  log="logs/$target.log"
  mkdir -p "corpus/$target" "artifacts/$target"
  cargo fuzz run -s none "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="artifacts/$target/" >"$log" 2>&1
  rc=$?
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n 1)
  corpus=$(find "corpus/$target" -type f | wc -l)
  if [ "$rc" -eq 0 ] && [ -n "$runs" ]; then
    passed=$((passed + 1))
    echo "fuzz: $target passed: ${runs} executions in ${seconds}s, corpus ${corpus}"
  else
    failed=$((failed + 1))
    artifact=$(grep -oE "artifacts/$target/[^ ]+" "$log" | tail -n 1)
    echo "fuzz: $target FAILED (exit $rc): ${artifact:-no input saved}; log fuzz/$log"
    grep -m 5 -E "panicked|ERROR|SUMMARY" "$log" | sed 's/^/    /'
  fi
done
rm -f logs-build.txt
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

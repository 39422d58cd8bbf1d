#!/usr/bin/env bash
# Every fuzz target for a few seconds (scripts/fuzz.sh): a crash, panic or hang found fails the suite.
# Building the targets takes most of the time (docs/reliability.md has the figures). FUZZ_SECONDS sets
# the time per target.
set -euo pipefail
root="${REPO_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
exec "$root/scripts/fuzz.sh" "${FUZZ_SECONDS:-10}"

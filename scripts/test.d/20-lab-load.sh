#!/usr/bin/env bash
# A 5-second load smoke of the lab server with wrk (loopback only): preflight + actual requests against a
# registered scenario with zero errors, a short registration flood with bounded memory, then 8 seconds of
# 1,000 idle and slow connections during which /api/health must answer within 100 ms.
# The 30-second measurement reported in docs/performance.md is crates/cors-lab/load/run.sh.
set -euo pipefail
root="${REPO_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# A check that cannot run fails: scripts/setup.sh installs wrk.
if ! command -v wrk >/dev/null; then
  echo "wrk is not installed (scripts/setup.sh installs it: apt-get install -y wrk)"
  echo "lab-load: 0 passed, 1 failed"
  exit 1
fi
DURATION=5 FLOOD=2 SLOW=8 PROFILE=debug exec "$root/crates/cors-lab/load/run.sh"

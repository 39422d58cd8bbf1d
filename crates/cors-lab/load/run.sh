#!/usr/bin/env bash
# Load measurement of the lab server with wrk, on loopback only.
#
#   crates/cors-lab/load/run.sh              # 30 s at full speed, release build
#   DURATION=5 PROFILE=debug crates/cors-lab/load/run.sh   # the short smoke run of scripts/test.d
#   BUILD=0 ...                              # use the binary already in target/ (no cargo build)
#
# 1. Starts the lab (ports BASE_PORT, BASE_PORT+1, BASE_PORT+2) and registers one scenario.
# 2. Runs wrk for DURATION seconds against the scenario URL, alternating the CORS preflight (OPTIONS with
#    Access-Control-Request-Method, answered 204) and the actual PUT (answered 200).
# 3. Floods registrations for FLOOD seconds (far beyond the 1,000 stored scenarios) to show eviction.
# 4. Holds SLOW_CONNECTIONS idle and slow connections (a slowloris, load/slow_clients.rs) for SLOW seconds
#    while probing /api/health every 50 ms: every probe must be answered 200 within 100 ms.
# Prints requests/s, p50/p99 latency and the lab's RSS before and after; fails on any error (socket error or
# unexpected status), or if the scenario's log outgrew its limit, or if RSS grew beyond MAX_RSS_GROWTH_KB,
# or if a probe failed or was late while the slow connections were held.
set -euo pipefail

DURATION=${DURATION:-30}
FLOOD=${FLOOD:-10}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PROFILE=${PROFILE:-release}
BASE_PORT=${BASE_PORT:-18280}
MAX_RSS_GROWTH_KB=${MAX_RSS_GROWTH_KB:-131072}
SLOW=${SLOW:-20}
SLOW_CONNECTIONS=${SLOW_CONNECTIONS:-1000}

# The slow clients and the lab each hold a descriptor per connection.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge $((SLOW_CONNECTIONS + 512)) ] ||
  { echo "ulimit -n is $(ulimit -n): too few descriptors for $SLOW_CONNECTIONS slow connections" >&2; exit 2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$root"

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is not installed" >&2; exit 2; }

if [ "$PROFILE" = release ]; then
  [ "${BUILD:-1}" = 0 ] || cargo build --release -p cors-lab --bin cors-lab --example slow-clients >&2
  lab_bin="$root/target/release/cors-lab"
  slow_bin="$root/target/release/examples/slow-clients"
else
  [ "${BUILD:-1}" = 0 ] || cargo build -p cors-lab --bin cors-lab --example slow-clients >&2
  lab_bin="$root/target/debug/cors-lab"
  slow_bin="$root/target/debug/examples/slow-clients"
fi

app="http://127.0.0.1:$BASE_PORT"
"$lab_bin" --host 127.0.0.1 --port "$BASE_PORT" --scenario-ports "$((BASE_PORT + 1)),$((BASE_PORT + 2))" >/dev/null &
lab_pid=$!
trap 'kill "$lab_pid" 2>/dev/null || true; wait "$lab_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  curl -sf "$app/api/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -sf "$app/api/health" >/dev/null || { echo "the lab did not start" >&2; exit 1; }

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$lab_pid/status"; }

scenario='{"page": "https://app.example.com",
  "request": {"url": "https://api.example.com/v1/items", "method": "PUT", "headers": [["Content-Type", "application/json"]]},
  "server": [{"url": "https://api.example.com/v1/items",
    "preflight": {"status": 204, "headers": [["Access-Control-Allow-Origin", "https://app.example.com"],
      ["Access-Control-Allow-Methods", "PUT"], ["Access-Control-Allow-Headers", "content-type"]]},
    "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "https://app.example.com"],
      ["Vary", "Origin"], ["X-Dup", "1"], ["x-dup", "2"]]}}]}'
registered=$(curl -sf -X POST --data-binary "$scenario" "$app/api/scenarios")
id=$(sed -E 's/^\{"id":"([0-9a-f]+)".*/\1/' <<<"$registered")
url=$(grep -oE '"urls":\[\["[^"]*","[^"]*"' <<<"$registered" | sed -E 's/.*","([^"]*)"$/\1/')
[ -n "$id" ] && [ -n "$url" ] || { echo "registration failed: $registered" >&2; exit 1; }

rss_before=$(rss_kb)
echo "lab $("$lab_bin" --version), $PROFILE build; scenario $id at $url"
echo "RSS before: ${rss_before} kB"

echo "== preflight + actual, ${DURATION}s, $CONNECTIONS connections, $THREADS threads"
out=$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --timeout 5s -s "$here/wrk-scenario.lua" "$url" -- "$app")
echo "$out" | grep -E 'Requests/sec|Socket errors|Non-2xx|result:' || true
result=$(grep '^result:' <<<"$out")
rss_after=$(rss_kb)
echo "RSS after load: ${rss_after} kB"
log_len=$( (curl -s "$app/api/scenarios/$id/log" | grep -o '"seq"' || true) | wc -l)
echo "scenario log entries kept: $log_len (limit 100)"

flood_result="result: skipped"
if [ "$FLOOD" -gt 0 ]; then
  echo "== registration flood, ${FLOOD}s"
  flood=$(wrk -t "$THREADS" -c 16 -d "${FLOOD}s" --timeout 5s -s "$here/wrk-register.lua" "$app/api/scenarios")
  flood_result=$(grep '^result:' <<<"$flood")
  echo "$flood_result"
fi
rss_flood=$(rss_kb)
echo "RSS after flood: ${rss_flood} kB"

slow_ok=1
echo "== $SLOW_CONNECTIONS idle and slow connections, ${SLOW}s, probing /api/health"
"$slow_bin" "127.0.0.1:$BASE_PORT" "$SLOW_CONNECTIONS" "$SLOW" || slow_ok=0
echo "RSS after slow clients: $(rss_kb) kB"


failures=0
grep -q ' errors=0 ' <<<"$result " || { echo "FAIL: errors during the preflight/actual load" >&2; failures=$((failures + 1)); }
grep -q 'errors=0$\|skipped' <<<"$flood_result" || { echo "FAIL: errors during the registration flood" >&2; failures=$((failures + 1)); }
[ "$log_len" -ge 1 ] && [ "$log_len" -le 100 ] || { echo "FAIL: the log outgrew its limit" >&2; failures=$((failures + 1)); }
growth=$((rss_flood - rss_before))
[ "$growth" -le "$MAX_RSS_GROWTH_KB" ] || { echo "FAIL: RSS grew by $growth kB" >&2; failures=$((failures + 1)); }
[ "$slow_ok" = 1 ] || { echo "FAIL: /api/health failed or was late while slow connections were held" >&2; failures=$((failures + 1)); }
echo "lab-load: $((5 - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]

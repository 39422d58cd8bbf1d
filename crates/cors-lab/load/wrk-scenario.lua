-- wrk script: alternates a CORS preflight and the actual request against one registered scenario URL.
-- Usage: wrk ... -s wrk-scenario.lua <url> -- <page origin>
-- At the end it prints one line that run.sh reads:
--   result: requests=N seconds=S rps=R p50_ms=A p99_ms=B errors=E (connect read write timeout status)

local origin = "http://127.0.0.1"
local counter = 0

function init(args)
  origin = args[1] or origin
end

function request()
  counter = counter + 1
  if counter % 2 == 1 then
    return wrk.format("OPTIONS", nil, {
      ["Origin"] = origin,
      ["Access-Control-Request-Method"] = "PUT",
      ["Access-Control-Request-Headers"] = "content-type",
    })
  end
  return wrk.format("PUT", nil, { ["Origin"] = origin, ["Content-Type"] = "application/json" }, '{"n":1}')
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "result: requests=%d seconds=%.1f rps=%.0f p50_ms=%.3f p99_ms=%.3f errors=%d (%d %d %d %d %d)\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors, e.connect, e.read, e.write, e.timeout, e.status))
end

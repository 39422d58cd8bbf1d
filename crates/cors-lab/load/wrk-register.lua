-- wrk script: registers scenarios at full speed, to show that eviction keeps memory bounded.
-- Usage: wrk ... -s wrk-register.lua http://127.0.0.1:PORT/api/scenarios

local body = [==[{"page": "https://app.example.com", "request": {"url": "https://api.example.com/x", "method": "PUT"},
  "server": [{"url": "https://api.example.com/x",
    "preflight": {"status": 204, "headers": [["Access-Control-Allow-Origin", "https://app.example.com"],
                                             ["Access-Control-Allow-Methods", "PUT"]]},
    "response": {"status": 302, "headers": [["Location", "https://cdn.other.net/y"]]}},
   {"url": "https://cdn.other.net/y", "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "*"]]}}]}]==]

function request()
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format("result: requests=%d rps=%.0f p99_ms=%.3f errors=%d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000, errors))
end

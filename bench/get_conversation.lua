-- wrk: GET /api/v1/conversations/{id}, spreading over ids 1..N
-- (LUISTER_BENCH_CONVERSATIONS, default 1000). Auth comes from wrk -H.
-- The same script drives the minimal Beast server, which ignores the path.
local n = tonumber(os.getenv("LUISTER_BENCH_CONVERSATIONS") or "1000")
local next_id = 0

function init(args)
  -- Threads start at different ids so they do not walk in step.
  next_id = math.random(0, n - 1)
end

function request()
  next_id = next_id % n + 1
  return wrk.format("GET", "/api/v1/conversations/" .. next_id)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT rps=%.1f ok_rps=%.1f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f max_ms=%.3f requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    (summary.requests - e.status) / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end

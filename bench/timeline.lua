-- wrk: GET /api/v1/customers/{id}/timeline (first page, limit 50) for the
-- customer with 5,000 contacts (LUISTER_BENCH_TIMELINE_CUSTOMER, default 1).
local id = os.getenv("LUISTER_BENCH_TIMELINE_CUSTOMER") or "1"

function request()
  return wrk.format("GET", "/api/v1/customers/" .. id .. "/timeline?limit=50")
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

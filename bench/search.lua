-- wrk: GET /api/v1/search?q=..., rotating through the queries of
-- store_bench.cc (common and rare words, two words, a phrase, Dutch). Run with
-- one connection for latency; p50/p95 are over all queries together.
local queries = {
  "order", "refund", "cancel%20subscription", "card%20declined", "%22shipping%20address%22",
  "bestelling", "retourneren", "atrocious", "xylofoonles",
}
local i = 0

function request()
  i = i % #queries + 1
  return wrk.format("GET", "/api/v1/search?q=" .. queries[i])
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

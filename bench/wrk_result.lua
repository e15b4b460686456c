-- Shared by the wrk scripts in bench/ (loaded with dofile): prints one line
--   RESULT rps=… ok_rps=… p50_ms=… p95_ms=… p99_ms=… max_ms=… requests=… non2xx=… socket_errors=…
-- which run.sh parses. ok_rps counts only 2xx/3xx responses.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT rps=%.1f ok_rps=%.1f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f max_ms=%.3f requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    (summary.requests - e.status) / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end

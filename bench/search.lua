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

-- done() prints the RESULT line run.sh reads; shared by every script.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk_result.lua")

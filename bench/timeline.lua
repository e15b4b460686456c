-- wrk: GET /api/v1/customers/{id}/timeline (first page, limit 50) for the
-- customer with 5,000 contacts (LUISTER_BENCH_TIMELINE_CUSTOMER, default 1).
local id = os.getenv("LUISTER_BENCH_TIMELINE_CUSTOMER") or "1"

function request()
  return wrk.format("GET", "/api/v1/customers/" .. id .. "/timeline?limit=50")
end

-- done() prints the RESULT line run.sh reads; shared by every script.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk_result.lua")

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

-- done() prints the RESULT line run.sh reads; shared by every script.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk_result.lua")

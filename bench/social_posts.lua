-- wrk: POST /api/v1/channels/social/<source>, signed posts prepared by
-- bench/doors.sh (LUISTER_BENCH_POSTS: lines of "signature<TAB>timestamp<TAB>body",
-- each with its own event id; BENCH_SOURCE names the source). Each thread
-- sends its share once and then stops, so every 2xx is one stored post.
local mine = {}
local i = 0
local threads = {}
local source = os.getenv("BENCH_SOURCE") or "bench"

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  local tid = tonumber(wrk.thread:get("tid")) or 0
  local count = #threads > 0 and #threads or 2
  local k = 0
  for line in io.lines(os.getenv("LUISTER_BENCH_POSTS")) do
    if k % count == tid then table.insert(mine, line) end
    k = k + 1
  end
end

function request()
  i = i % #mine + 1
  local sig, ts, body = mine[i]:match("^([^\t]*)\t([^\t]*)\t(.*)$")
  return wrk.format("POST", "/api/v1/channels/social/" .. source,
    { ["Content-Type"] = "application/json", ["X-Luister-Timestamp"] = ts, ["X-Luister-Signature"] = sig },
    body)
end

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk_result.lua")

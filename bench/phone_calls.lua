-- wrk: POST /api/v1/channels/phone/calls, as a telephone system reports
-- calls: a unique call id per request, callers from a pool of 5,000 numbers
-- (so most calls find their customer and the first of each number makes
-- one), 80 % answered and 20 % missed. Every 2xx is one stored call.
local n = 0
local tid = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

wrk.headers["Content-Type"] = "application/json"

function init(args)
  tid = tonumber(wrk.thread:get("tid")) or 0
  math.randomseed(os.time() + tid)
end

function request()
  n = n + 1
  local number = string.format("+3161%07d", math.random(0, 4999))
  local answered = math.random() < 0.8
  local body
  if answered then
    body = string.format('{"call_id":"bench-%d-%d-%d","from":"%s","to":"+31208001234","line":"Klantenservice","started_at":"2026-12-03T09:00:00Z","answered_at":"2026-12-03T09:00:40Z","ended_at":"2026-12-03T09:05:10Z","outcome":"answered","agent":"201"}', os.time(), tid, n, number)
  else
    body = string.format('{"call_id":"bench-%d-%d-%d","from":"%s","to":"+31208001234","line":"Klantenservice","started_at":"2026-12-03T09:00:00Z","ended_at":"2026-12-03T09:02:30Z","outcome":"abandoned"}', os.time(), tid, n, number)
  end
  return wrk.format("POST", "/api/v1/channels/phone/calls", nil, body)
end

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk_result.lua")

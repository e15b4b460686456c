-- wrk: POST /api/v1/messages/import with batches of LUISTER_BENCH_BATCH
-- (default 100) messages spread over conversations 1..N
-- (LUISTER_BENCH_CONVERSATIONS, default 1000), alternating realistic inbound
-- messages and replies. Every 2xx stores a whole batch, so messages/s is
-- ok_rps x batch (run.sh multiplies).
local n = tonumber(os.getenv("LUISTER_BENCH_CONVERSATIONS") or "1000")
local batch = tonumber(os.getenv("LUISTER_BENCH_BATCH") or "100")
local texts = {
  {"in", "Hi, I ordered a pair of running shoes last week (order 482913) and the tracking page still says the parcel is at the sorting centre. Can you tell me when it will be delivered? Thanks, Anna"},
  {"out", "Hello Anna, thank you for your patience. I checked order 482913: the carrier scanned it this morning and it is out for delivery today between 14:00 and 18:00. Kind regards, Bram"},
  {"in", "Goedemorgen, mijn bestelling is beschadigd aangekomen. De doos was kapot en de mok is gebroken. Kan ik een nieuwe krijgen of mijn geld terug? Groet, Daan"},
  {"out", "Beste Daan, wat vervelend dat uw bestelling beschadigd is aangekomen. Ik heb een nieuwe mok voor u klaargezet; die wordt morgen verzonden. Met vriendelijke groet, Iris"},
  {"in", "I was charged twice for my subscription this month. Please refund the duplicate payment to my card ending in 4417."},
  {"out", "I am sorry about the double charge. I have refunded the duplicate payment; depending on your bank it takes 3 to 5 working days to show on your statement."},
}

wrk.headers["Content-Type"] = "application/json"

local bodies = {}

function init(args)
  -- A few distinct batches per thread, built once, so Lua is not the bottleneck.
  local id = math.random(0, n - 1)
  local k = math.random(0, #texts - 1)
  for b = 1, 8 do
    local items = {}
    for i = 1, batch do
      id = id % n + 1
      k = k % #texts + 1
      items[i] = string.format('{"conversation_id":%d,"direction":"%s","body_text":"%s"}', id,
                               texts[k][1], texts[k][2])
    end
    bodies[b] = '{"messages":[' .. table.concat(items, ",") .. ']}'
  end
end

local turn = 0
function request()
  turn = turn % #bodies + 1
  return wrk.format("POST", "/api/v1/messages/import", nil, bodies[turn])
end

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk_result.lua")

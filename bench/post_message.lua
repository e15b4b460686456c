-- wrk: POST /api/v1/conversations/{id}/messages, spreading over conversations
-- 1..N (LUISTER_BENCH_CONVERSATIONS, default 1000) and alternating inbound
-- customer messages with agent replies of realistic length. Every 2xx is one
-- stored message, so requests/s is the import rate in messages/s.
local n = tonumber(os.getenv("LUISTER_BENCH_CONVERSATIONS") or "1000")
local bodies = {
  '{"direction":"in","body_text":"Hi, I ordered a pair of running shoes last week (order 482913) and the tracking page still says the parcel is at the sorting centre. Can you tell me when it will be delivered? Thanks, Anna"}',
  '{"direction":"out","body_text":"Hello Anna, thank you for your patience. I checked order 482913: the carrier scanned it this morning and it is out for delivery today between 14:00 and 18:00. You will get an e-mail with the exact time slot shortly. Kind regards, Bram"}',
  '{"direction":"in","body_text":"Goedemorgen, mijn bestelling is beschadigd aangekomen. De doos was kapot en de mok is gebroken. Kan ik een nieuwe krijgen of mijn geld terug? Groet, Daan"}',
  '{"direction":"out","body_text":"Beste Daan, wat vervelend dat uw bestelling beschadigd is aangekomen. Ik heb een nieuwe mok voor u klaargezet; die wordt morgen verzonden. U hoeft de kapotte mok niet terug te sturen. Met vriendelijke groet, Iris"}',
  '{"direction":"in","body_text":"I was charged twice for my subscription this month. Please refund the duplicate payment to my card ending in 4417."}',
  '{"direction":"out","body_text":"I am sorry about the double charge. I have refunded the duplicate payment; depending on your bank it takes 3 to 5 working days to show on your statement. Is there anything else I can help you with?"}',
}
local next_id = 0
local k = 0

-- wrk.format() uses the headers it is given instead of wrk.headers (which
-- holds the -H Authorization header), so add the content type there.
wrk.headers["Content-Type"] = "application/json"

function init(args)
  next_id = math.random(0, n - 1)
  k = math.random(0, #bodies - 1)
end

function request()
  next_id = next_id % n + 1
  k = k % #bodies + 1
  return wrk.format("POST", "/api/v1/conversations/" .. next_id .. "/messages", nil, bodies[k])
end

-- done() prints the RESULT line run.sh reads; shared by every script.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk_result.lua")

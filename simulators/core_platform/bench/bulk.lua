-- wrk script: bulk deliveries of LINES tickets per request (default 100), fresh keys, one
-- ticket per line. Usage (loopback, bounded duration):
--   LINES=100 wrk -t2 -c8 -d10s -s simulators/core_platform/bench/bulk.lua http://127.0.0.1:PORT

local started = 0

function setup(thread)
  started = started + 1
  thread:set("id", started) -- a global of the thread's own Lua state
end

local counter = 0
local lines = tonumber(os.getenv("LINES") or "100")
local payload = '{"channel":"wechat","content":"建议在县人民公园增设公共厕所。","status":"submitted"}'

function request()
  local parts = {}
  for i = 1, lines do
    counter = counter + 1
    parts[i] = string.format(
      '{"idempotency_key":"bulk-%d-%d","ticket_id":"T%d-%d","sequence":1,"kind":"ticket","payload":%s}',
      id, counter, id, counter, payload)
  end
  local headers = { ["Content-Type"] = "application/x-ndjson" }
  return wrk.format("POST", "/api/v1/bulk", headers, table.concat(parts, "\n") .. "\n")
end

-- wrk script: single-ticket deliveries to the core platform simulator, each with a fresh
-- Idempotency-Key and its own ticket (sequence 1), so the simulator should report no
-- duplicates and no order violations. Usage (loopback, bounded duration):
--   wrk -t2 -c32 -d10s -s simulators/core_platform/bench/tickets.lua http://127.0.0.1:PORT
-- (Deliveries of one ticket over several connections at once may arrive out of order; the
-- simulator would rightly report that as order violations, so each request gets its own.)

local started = 0

function setup(thread)
  started = started + 1
  thread:set("id", started) -- a global of the thread's own Lua state
end

local counter = 0
local body = '{"channel":"wechat","content":"建议在县人民公园增设公共厕所。","status":"submitted"}'

function request()
  counter = counter + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%d-%d", id, counter),
    ["X-Hotline-Ticket"] = string.format("T%d-%d", id, counter),
    ["X-Hotline-Sequence"] = "1",
  }
  return wrk.format("POST", "/api/v1/tickets", headers, body)
end

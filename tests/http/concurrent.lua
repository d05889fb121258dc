-- Requests run on the blocking pool: with one worker thread another
-- process keeps running during a slow request; request_batch runs its
-- requests at once and aligns results and errors with the input.
-- args: --workers 1
local http = require("http_client")
local base, closed = assert(arg[1]), assert(arg[2])

local me = process.pid()
local ticks = process.listen("tick")
local ticker = process.spawn(function(parent)
  local time = require("time")
  local stop = process.listen("stop")
  local n = 0
  process.send(parent, "tick", 0)
  while true do
    local r = channel.select{stop:case_receive(), time.after("2ms"):case_receive()}
    if r.channel == stop then break end
    n = n + 1
  end
  process.send(parent, "tick", n)
end, nil, me)
assert(ticks:receive() == 0)
local r = assert(http.get(base .. "/slow?ms=300"))
assert(r.body == "slow")
process.send(ticker, "stop", true)
local n = ticks:receive()
assert(n >= 5, "the other process ran during the request: " .. n)

-- coroutines of one process each wait for their own request
local done = channel.new(3)
for i = 1, 3 do
  coroutine.spawn(function()
    local resp = assert(http.get(base .. "/slow?ms=200"))
    done:send(resp.status_code)
  end)
end
for _ = 1, 3 do assert(done:receive() == 200) end

-- batch: three slow requests together, one failure in the middle
local resps, errs = http.request_batch({
  {"GET", base .. "/slow?ms=200"},
  {"GET", "http://127.0.0.1:" .. closed .. "/"},
  {"POST", base .. "/echo", {body = "b"}},
})
assert(resps[1].body == "slow" and resps[2] == nil and resps[3]:json().body == "b")
assert(errs and errs[1] == nil and errors.is(errs[2], errors.UNAVAILABLE) and errs[3] == nil)
resps, errs = http.request_batch({{"GET", base .. "/json"}})
assert(resps[1].status_code == 200 and errs == nil)
print "OK"

-- time.ticker: repeating ticks on one channel, at most one pending tick,
-- stop, reset.
local time = require("time")

local tk = time.ticker("5ms")
assert(tk:response() == tk:channel() and tk:response() == tk:response())
local last = time.unix(0, 0)
for i = 1, 5 do
  local r = channel.select{tk:response():case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == tk:response(), "tick " .. i)
  assert(type(r.value) == "userdata" and not r.value:before(last), "tick times increase")
  last = r.value
end

-- a slow consumer: ticks do not accumulate (at most one pending)
time.sleep("60ms")            -- about 12 periods pass
local r = channel.select{tk:response():case_receive(), default = true}
assert(r.channel == tk:response(), "one tick waiting")
r = channel.select{tk:response():case_receive(), default = true}
assert(r.default, "only one tick was kept")

-- stop: no more ticks
assert(tk:stop() == true, "stop of a running ticker returns true")
-- drain a tick that may have been delivered just before the stop
channel.select{tk:response():case_receive(), default = true}
r = channel.select{tk:response():case_receive(), time.after("40ms"):case_receive()}
assert(r.channel ~= tk:response(), "a stopped ticker does not tick")
assert(tk:stop() == false, "second stop returns false")

-- reset restarts ticking with a new period
assert(tk:reset("3ms") == false)
for i = 1, 3 do
  r = channel.select{tk:response():case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == tk:response(), "tick after reset " .. i)
end
tk:stop()

-- invalid periods
local bad, err = time.ticker(0)
assert(bad == nil and err:kind() == errors.INVALID)
bad, err = time.ticker("-1ms")
assert(bad == nil and err:kind() == errors.INVALID)

-- two tickers at different rates in one select: both tick
local fast, slow = time.ticker("2ms"), time.ticker("7ms")
local nf, ns = 0, 0
while ns < 3 do
  r = channel.select{fast:response():case_receive(), slow:response():case_receive(), time.after("5s"):case_receive()}
  if r.channel == fast:response() then nf = nf + 1
  elseif r.channel == slow:response() then ns = ns + 1
  else error("timeout") end
end
assert(nf >= 1, "the fast ticker ticked")
fast:stop(); slow:stop()

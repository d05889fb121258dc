-- time.timer: one-shot timer objects, response()/channel(), stop, reset.
local time = require("time")

local t = time.timer("5ms")
assert(type(t) == "userdata")
assert(t:response() == t:response(), "response() returns the same channel")
assert(t:channel() == t:response(), "channel() is response()")
local v, ok = t:response():receive()
assert(ok and type(v) == "userdata" and v:unix() > 0, "a Time")
-- fires once
local r = channel.select{t:response():case_receive(), time.after("30ms"):case_receive()}
assert(r.channel ~= t:response(), "timer fires once")
assert(t:stop() == false, "stop after firing returns false")

-- stop before firing: returns true, nothing arrives
t = time.timer("100ms")
assert(t:stop() == true, "stop while pending returns true")
assert(t:stop() == false, "second stop returns false")
r = channel.select{t:response():case_receive(), time.after("150ms"):case_receive()}
assert(r.channel ~= t:response(), "a stopped timer never fires")

-- reset a pending timer: it fires once, after the new duration
t = time.timer("1h")
assert(t:reset("5ms") == true, "reset of a pending timer returns true")
r = channel.select{t:response():case_receive(), time.after("5s"):case_receive()}
assert(r.channel == t:response(), "fires after reset")
r = channel.select{t:response():case_receive(), time.after("30ms"):case_receive()}
assert(r.channel ~= t:response(), "reset timer fires only once")

-- reset after firing re-arms (returns false), same channel
local ch = t:response()
assert(t:reset("5ms") == false, "reset of a fired timer returns false")
assert(t:response() == ch, "same channel after reset")
r = channel.select{ch:case_receive(), time.after("5s"):case_receive()}
assert(r.channel == ch, "re-armed timer fires")

-- reset after stop re-arms
t = time.timer("1h")
t:stop()
t:reset("2ms")
r = channel.select{t:response():case_receive(), time.after("5s"):case_receive()}
assert(r.channel == t:response())

-- pushing a timer back repeatedly: it never fires while reset keeps
-- moving it (each reset well before its deadline), then fires
t = time.timer("1s")
for i = 1, 5 do
  time.sleep("5ms")
  t:reset("1s")
end
r = channel.select{t:response():case_receive(), default = true}
assert(r.default, "not fired while being reset")
t:stop()

-- invalid durations
local bad, err = time.timer(0)
assert(bad == nil and err:kind() == errors.INVALID, "timer(0): " .. tostring(err))
bad, err = time.timer(-5)
assert(bad == nil and err:kind() == errors.INVALID)
bad, err = time.timer("-1s")
assert(bad == nil and err:kind() == errors.INVALID)
t = time.timer("1h")
local okr, rerr = t:reset(0)
assert(okr == nil and rerr:kind() == errors.INVALID, "reset(0) refused")
okr, rerr = t:reset("nonsense")
assert(okr == nil and rerr:kind() == errors.INVALID)
assert(t:stop() == true, "a refused reset leaves the timer pending")
assert(not pcall(t.stop, {}), "stop needs a timer")

-- the timer's channel refuses close
assert(not pcall(t:response().close, t:response()))

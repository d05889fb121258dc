-- A pending timer is not a deadlock: main waits on a timer channel while
-- every other process is blocked forever.
local time = require("time")
process.spawn(function() channel.new():receive() end)
local t = time.timer("50ms")
local v = t:response():receive()
assert(type(v) == "userdata" and v:unix_nano() > 0, "timer delivers a Time")
-- a sleeping child keeps the runtime alive; it wakes us with a message
local me = process.pid()
process.spawn(function(parent) require("time").sleep("30ms"); process.send(parent, "awake") end, nil, me)
assert(process.inbox():receive():topic() == "awake")

-- channels.md §6.4: a resettable idle timer. Activity (messages on a
-- listened topic) keeps resetting it; when activity stops it fires.
local time = require("time")
local me = process.pid()
local activity = process.listen("ping")
local idle = time.timer("1s")

-- another process pings ten times, 5ms apart, then goes quiet
process.spawn(function(parent)
  local time = require("time")
  for i = 1, 10 do process.send(parent, "ping", i); time.sleep("5ms") end
end, nil, me)

local pings = 0
while true do
    local r = channel.select{ activity:case_receive(), idle:response():case_receive() }
    if r.channel == idle:response() then break end
    pings = pings + 1
    assert(r.value == pings, "pings in order")
    idle:reset("1s")
end
assert(pings == 10, "every ping seen before the idle timer fired: " .. pings)

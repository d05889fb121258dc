-- time.sleep blocks only the calling coroutine, never the process's other
-- coroutines or other processes; durations as strings or nanoseconds.
local time = require("time")
local me = process.pid()

time.sleep("1ms")
time.sleep(time.MILLISECOND)
time.sleep(0)            -- returns at once
time.sleep(-5)           -- negative: returns at once
time.sleep("0")
local nothing = select("#", time.sleep("1ms"))
assert(nothing == 0, "sleep returns nothing")

-- sleeping coroutines wake in deadline order
local order = {}
local done = channel.new(3)
for _, d in ipairs({30, 10, 20}) do
  coroutine.spawn(function() time.sleep(d * time.MILLISECOND); order[#order + 1] = d; done:send(true) end)
end
for i = 1, 3 do done:receive() end
assert(table.concat(order, ",") == "10,20,30", table.concat(order, ","))

-- while main sleeps, its coroutines run
local ran = 0
coroutine.spawn(function() for i = 1, 5 do ran = ran + 1; coroutine.spawn(function() end) end end)
time.sleep("2ms")
assert(ran == 5)

-- while one process sleeps a long time, others keep working
local sleeper = process.spawn_monitored(function() require("time").sleep("1h") end)
local worker = process.spawn(function(parent)
  for i = 1, 10 do process.send(parent, "work", i) end
end, nil, me)
local inbox = process.inbox()
for i = 1, 10 do
  local r = channel.select{inbox:case_receive(), time.after("5s"):case_receive()}
  assert(r.channel == inbox and r.value:payload():data() == i)
end

-- many processes sleeping at the same time all wake
local N = 200
for i = 1, N do
  process.spawn(function(parent, i)
    require("time").sleep(((i % 10) + 1) * 1000000)
    process.send(parent, "woke", i)
  end, nil, me, i)
end
local seen = 0
for i = 1, N do
  local r = channel.select{inbox:case_receive(), time.after("10s"):case_receive()}
  assert(r.channel == inbox and r.value:topic() == "woke", "woke " .. i)
  seen = seen + 1
end
assert(seen == N)

-- a sleep inside a native callback cannot park
local ok = pcall(table.sort, {3, 2, 1}, function(a, b) time.sleep("1ms"); return a < b end)
assert(not ok, "sleep inside a sort comparator raises")
assert(process.terminate(sleeper))

-- sleep is measured: at least the duration passes (checked loosely with
-- os.clock-independent wall time from the timer channel values)
local t0 = time.after(0):receive()
time.sleep("20ms")
local t1 = time.after(0):receive()
local slept = t1:sub(t0):nanoseconds()
assert(slept >= 19 * time.MILLISECOND, "slept at least ~20ms: " .. slept)

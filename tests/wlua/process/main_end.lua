-- The program ends when the main chunk ends: processes still running,
-- blocked or sleeping are abandoned; exit status 0, empty stderr.
-- expect-stdout: main done
local time = require("time")
process.spawn(function() while true do end end)                  -- busy forever
process.spawn(function() channel.new():receive() end)            -- blocked forever
process.spawn(function() require("time").sleep("1h") end)        -- sleeping
local t = time.ticker("1ms")
coroutine.spawn(function() while true do t:response():receive() end end)
coroutine.spawn(function() channel.new():receive() end)
time.sleep("20ms")
print("main done")

-- expect: error 4: argument #1 of 't0:add': expected number | string | time.Duration, got time.Time
local time = require("time")
local t0 = time.now()
print(t0:add(time.now()))

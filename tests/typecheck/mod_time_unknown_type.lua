-- expect: error 3: module 'time' exports no type 'Clock'
local time = require("time")
local function f(c: time.Clock) return c end
print(f, time)

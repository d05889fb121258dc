-- expect: error 4: argument #1 of 't:round': expected time.Duration, got integer
local time = require("time")
local t = time.now()
print(t:round(1000))

-- expect: error 3: argument #1 of 'time.sleep': expected number | string | time.Duration, got boolean
local time = require("time")
time.sleep(true)

-- expect: error 3: local 'd': expected time.Duration, got integer
local time = require("time")
local d: time.Duration = time.now():unix()
print(d)

-- expect: ok
local time = require("time")
local errs = require("errors")
local proc = require("process")
local function year(t: time.Time): integer
  return t:year()
end
local function fail(e: errs.Error): string
  return e:message()
end
print(year(time.now()), fail(errs.new("x")), proc.pid())

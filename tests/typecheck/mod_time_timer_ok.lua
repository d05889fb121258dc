-- expect: ok
local time = require("time")
local timer, err = time.timer("50ms")
if not timer then
  print(err:message())
  return
end
local fired: channel.Channel = timer:channel()
local r = channel.select({fired:case_receive(), time.after(1e9):case_receive()})
print(r.value, timer:stop(), timer:reset("1s"))
local d, derr = time.parse_duration("1h30m")
if d then print(d:minutes()) else print(derr) end

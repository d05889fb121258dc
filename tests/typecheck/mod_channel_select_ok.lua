-- expect: ok
local jobs = channel.new(10)
local done: channel.Channel = channel.new()
coroutine.spawn(function()
  for i = 1, 3 do jobs:send(i) end
  jobs:close()
end)
local r = channel.select({jobs:case_receive(), done:case_send(true), default = true})
if r.default then print("nothing ready") end
if r.channel == jobs then print(r.value, r.ok) end
local v, ok = jobs:receive()
print(v, ok)

-- call and return hooks
local events = {}
local function hook(ev)
  local i = debug.getinfo(2, "nS")
  events[#events + 1] = ev .. ":" .. tostring(i.name) .. ":" .. i.what
end
local function leaf() return 1 end
local function mid() return leaf() + 1 end
local function tail() return leaf() end
debug.sethook(hook, "cr")
mid()
tail()
debug.sethook()
for _, e in ipairs(events) do print(e) end
print "OK"

-- what a hook sees of the frame it interrupts, and what survives it

-- a line hook sees the interrupted frame at the line it reports
local function body()
  local x = 10
  local y = x * 2
  return x + y
end
local pairs_seen = {}
debug.sethook(function (ev, line)
  local cur = debug.getinfo(2, "l").currentline
  pairs_seen[#pairs_seen + 1] = (line == cur) and "=" or (line .. "/" .. cur)
end, "l")
body()
debug.sethook()
print("line vs currentline:", table.concat(pairs_seen, " "))

-- a local becomes visible to getlocal only on the line after its
-- definition is complete
local chunk = load([[
  local fn = function ()
    return 1
  end
  local other = 2
  return
]])
local names = {}
debug.sethook(function (ev, line)
  local n1 = debug.getlocal(2, 1)
  local n2 = debug.getlocal(2, 2)
  names[#names + 1] = line .. ":" .. tostring(n1) .. "," .. tostring(n2)
end, "l")
chunk()
debug.sethook()
print("visible locals:", table.concat(names, " "))

-- a count hook also sees the right line
local lines = {}
local function counted()
  local a = 1
  a = a + 1
  return a
end
debug.sethook(function ()
  local info = debug.getinfo(2, "Sl")
  if info.short_src == debug.getinfo(1, "S").short_src then
    lines[#lines + 1] = info.currentline
  end
end, "", 1)
counted()
debug.sethook()
print("count hook lines:", table.concat(lines, " "))

-- results of a library function survive a collection in the return hook
do
  local function hook(ev)
    collectgarbage()
    collectgarbage()
  end
  debug.sethook(hook, "r")
  local t = debug.getinfo(1, "l")
  local s = string.rep("ab", 3) .. "!"
  local u = {table.unpack({ {1}, {2}, {3} })}
  local packed = table.pack("p", "q")
  debug.sethook()
  print("after return hook:", type(t), t.currentline ~= nil, s, #u, u[2][1],
        packed.n, packed[2])
end

-- in a call hook, the new frame's line is its first instruction's
do
  local function target()
    return 1
  end
  local got
  debug.sethook(function (ev)
    local info = debug.getinfo(2, "Sl")
    if info.func == nil and info.linedefined == debug.getinfo(target, "S").linedefined then
      got = info.currentline
    end
  end, "c")
  target()
  debug.sethook()
  print("call hook line:", got)
end

-- a finalizer sees the function it interrupted named as '__gc'
do
  local seen
  setmetatable({}, {__gc = function ()
    local up = debug.getinfo(2, "n")
    seen = tostring(up.namewhat) .. " " .. tostring(up.name)
  end})
  repeat local junk = {} until seen
  print("finalizer's caller:", seen)
  seen = nil
  setmetatable({}, {__gc = function ()
    local up = debug.getinfo(2, "n")
    seen = tostring(up.namewhat) .. " " .. tostring(up.name)
  end})
  collectgarbage()
  print("finalizer's caller (collectgarbage):", seen)
end

print "OK"

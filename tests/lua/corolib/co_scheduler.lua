-- a round-robin scheduler of coroutines
local tasks = {}
local log = {}
local function spawn(name, n)
  tasks[#tasks + 1] = { name = name, co = coroutine.create(function()
    for i = 1, n do
      log[#log + 1] = name .. i
      coroutine.yield()
    end
    return name .. " done"
  end) }
end
spawn("a", 3); spawn("b", 1); spawn("c", 2)
while #tasks > 0 do
  local i = 1
  while i <= #tasks do
    local t = tasks[i]
    local ok, r = coroutine.resume(t.co)
    assert(ok, r)
    if coroutine.status(t.co) == "dead" then
      log[#log + 1] = r
      table.remove(tasks, i)
    else
      i = i + 1
    end
  end
end
print(table.concat(log, " "))
-- sleeping tasks woken by a counter
local clock, sleeping, out = 0, {}, {}
local function sleep(n) coroutine.yield(n) end
local function go(name, delays)
  local co = coroutine.create(function()
    for _, d in ipairs(delays) do sleep(d); out[#out + 1] = name .. "@" .. clock end
  end)
  local _, d = coroutine.resume(co)
  sleeping[#sleeping + 1] = { at = d, co = co, name = name }
end
go("x", {2, 2}); go("y", {1, 4}); go("z", {3})
while #sleeping > 0 do
  clock = clock + 1
  local still = {}
  for _, s in ipairs(sleeping) do
    if s.at <= clock then
      local _, d = coroutine.resume(s.co)
      if coroutine.status(s.co) ~= "dead" then still[#still + 1] = { at = clock + d, co = s.co, name = s.name } end
    else
      still[#still + 1] = s
    end
  end
  sleeping = still
end
print(table.concat(out, " "))
print "OK"

-- a suspended coroutine whose open upvalue holds a finalizable object that
-- points back at the coroutine: the first full collection after the
-- coroutine becomes unreachable keeps it, the second one frees it
local function run(label, make)
  local finalized = false
  collectgarbage()
  collectgarbage("stop")
  do
    make(function () finalized = true end)
  end
  collectgarbage()
  local after1 = finalized
  collectgarbage()
  local after2 = finalized
  collectgarbage("restart")
  print(label, after1, after2)
end

run("param upvalue", function (onfree)
  local function body (p)
    (function ()
      p = setmetatable({p}, {__gc = onfree})
      coroutine.yield()
    end)()
  end
  local co = coroutine.create(body)
  assert(coroutine.resume(co, co))
end)

run("local upvalue", function (onfree)
  local co = coroutine.create(function ()
    local keep = setmetatable({}, {__gc = onfree})
    local function user () return keep end
    keep[1] = coroutine.running()
    coroutine.yield(user)
  end)
  assert(coroutine.resume(co))
end)

-- no upvalue: the finalizable object is collected at once
run("no upvalue", function (onfree)
  local co = coroutine.create(function ()
    local keep = setmetatable({}, {__gc = onfree})
    keep[1] = coroutine.running()
    coroutine.yield()
  end)
  assert(coroutine.resume(co))
end)

-- an object reachable only from a dead coroutine's closed upvalue
run("closed upvalue", function (onfree)
  local co = coroutine.create(function ()
    local keep = setmetatable({}, {__gc = onfree})
    return function () return keep end
  end)
  local ok, f = coroutine.resume(co)
  assert(ok and type(f) == "function")
end)

-- a stopped collector: small steps do not complete a cycle, however much
-- was allocated since the collector stopped
do
  collectgarbage()
  collectgarbage("stop")
  local base = collectgarbage("count")
  local done = false
  local rounds = 0
  repeat
    for i = 1, 1000 do local t = {} end
    rounds = rounds + 1
    if collectgarbage("step", 0) then done = true end
  until collectgarbage("count") > 2 * base + 200
  print("stopped steps finished a cycle:", done, rounds > 1)
  -- a large step still completes one
  print("big step:", collectgarbage("step", 100000))
  print("still stopped:", collectgarbage("isrunning"))
  collectgarbage("restart")
end

print "OK"

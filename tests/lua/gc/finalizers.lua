-- __gc finalizers run after the object becomes unreachable
local log = {}
local function make(name)
  return setmetatable({ name = name }, { __gc = function(o) log[#log + 1] = o.name end })
end
local function scope()
  make("a")
  make("b")
  make("c")
end
scope()
collectgarbage()
collectgarbage()
table.sort(log)
print(table.concat(log, " "))
-- an object still referenced is not finalized
log = {}
local held = make("held")
collectgarbage()
print(#log)
held = nil
collectgarbage()
print(table.concat(log, " "))
-- __gc must be present when setmetatable is called
log = {}
local function late()
  local mt = {}
  setmetatable({}, mt)
  mt.__gc = function() log[#log + 1] = "late" end
end
late()
collectgarbage()
print(#log)
-- a finalizer can resurrect its object
local saved
local function resurrect()
  setmetatable({ v = "back" }, { __gc = function(o) saved = o end })
end
resurrect()
collectgarbage()
print(saved and saved.v)
-- errors in finalizers are turned into warnings? in 5.3 they propagate as errors in the caller of collectgarbage
local function badgc() setmetatable({}, { __gc = function() error("gc failure") end }) end
badgc()
local ok, err = pcall(collectgarbage)
print(ok, err)
print "OK"

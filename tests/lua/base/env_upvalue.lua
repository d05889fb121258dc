-- _ENV is an ordinary upvalue/local that global names resolve through
local print = print
local function reader() return some_global end
some_global = "v1"
print(reader())
do
  local _ENV = { some_global = "shadowed" }
  print(some_global)
end
print(some_global)
-- a function created under a custom _ENV keeps it
local make
do
  local _ENV = { tostring = tostring, x = "env-x" }
  function make() return function() return tostring(x) end end
end
print(make()())
-- _ENV can be reassigned inside a function
local function switch()
  local _ENV = _ENV
  local saved = _ENV
  _ENV = { y = "inner y" }
  local r = y
  _ENV = saved
  return r, y
end
print(switch())
-- globals assignment goes to the current _ENV
local env = setmetatable({}, { __index = _G })
local f = load("z_global = 10; return z_global + 1", "c", "t", env)
print(f(), env.z_global, rawget(_G, "z_global"))
-- _ENV is nil: any global access fails
local g = load("local _ENV = nil; return print")
print(pcall(g))
print "OK"

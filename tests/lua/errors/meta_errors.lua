-- errors raised inside metamethods, and errors about metamethods
local function try(f) print(pcall(f)) end
local mt = {
  __add = function() error("add failed") end,
  __eq = function() error("eq failed", 0) end,
  __lt = function() error({ "lt" }) end,
  __concat = function() return nil .. nil end,
  __call = function() error("call failed", 2) end,
  __len = function() local x = nil; return x.y end,
  __tostring = function() error("tostring failed") end,
}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
try(function() return a + 1 end)
try(function() return a == b end)
local ok, e = pcall(function() return a < b end)
print(ok, type(e), e[1])
try(function() return a .. "x" end)
try(function() return a() end)
try(function() return #a end)
try(function() return tostring(a) end)
try(function() print(a) end)
-- __index and __newindex functions that error at level 2 blame the access
local strict = setmetatable({}, {
  __index = function(_, k) error("undeclared variable '" .. k .. "'", 2) end,
  __newindex = function(_, k) error("cannot declare '" .. k .. "'", 2) end,
})
try(function() return strict.foo end)
try(function() strict.bar = 1 end)
print "OK"

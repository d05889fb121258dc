-- error levels: 1 (default) names the caller of error, 2 its caller, 0 nothing
local function lvl(level) error("msg", level) end
local function wrap(level) lvl(level) end   -- line 3
print(pcall(lvl))
print(pcall(lvl, 1))
print(pcall(wrap, 2))
print(pcall(wrap, 3))
print(pcall(lvl, 0))
print(pcall(error))
print(pcall(error, "plain"))
print(pcall(error, "plain", 0))
print(pcall(error, "plain", 1))
print(pcall(error, "plain", 2))
-- a level beyond the stack adds nothing
print(pcall(wrap, 50))
-- only string messages get a position
print(pcall(error, 42))
print(pcall(error, 42, 1))
print(pcall(function() error(42) end))
print(pcall(function() error(4.5, 1) end))
print(pcall(function() error(true) end))
-- the position is where error was called from
local function deep1() error("deep", 1) end
local function deep2() deep1() end
local function deep3() deep2() end
print(pcall(deep3))
local function lvl2() error("level two", 2) end
local function caller()
  lvl2()         -- line 28
end
print(pcall(caller))
print "OK"

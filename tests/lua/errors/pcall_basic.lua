-- pcall returns true plus results, or false plus the error
print(pcall(function() return 1, 2, 3 end))
print(pcall(function() end))
print(select("#", pcall(function() end)))
print(pcall(function(...) return select("#", ...) end, nil, nil))
print(pcall(math.max, 3, 7))
print(pcall(error, "x", 0))
-- calling non-functions
print(pcall(nil))
print(pcall(42))
print(pcall({}))
print(pcall(setmetatable({}, { __call = function(_, a) return "called", a end }), "arg"))
-- pcall inside pcall
print(pcall(pcall, error, "e"))
print(pcall(pcall))
print(pcall(pcall, pcall, error, "deep"))
-- state is consistent after an error
local t = {}
local ok = pcall(function() t.a = 1; error("after write") end)
print(ok, t.a)
-- errors unwind through several Lua frames
local function a() error("from a") end
local function b() a() end
local function c() b() end
print(pcall(c))
-- the error can be caught and execution continues
local results = {}
for i = 1, 3 do
  local ok2, v = pcall(function() if i == 2 then error("two", 0) end return i end)
  results[#results + 1] = tostring(ok2) .. ":" .. tostring(v)
end
print(table.concat(results, " "))
print "OK"

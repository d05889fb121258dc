-- runtime errors describe the offending variable
local function try(f) local ok, e = pcall(f) print(e) end
-- index
try(function() return x.y end)
try(function() local t; return t.y end)
try(function() local t = {} return t.y.z end)
local u
try(function() return u.y end)
try(function() local t = {} return t[1].z end)
try(function() local s = "k"; local t = {} return t[s].z end)
try(function() return ("x").y.z end)
try(function() return string.nothing.x end)
-- call
try(function() undefined_fn() end)
try(function() local f; f() end)
try(function() local t = {} t.m() end)
try(function() local t = {} t:m() end)
try(function() u() end)
try(function() local t = { x = 1 } t.x() end)
try(function() local t = { {} } t[1]() end)
try(function() ("str")() end)
try(function() (1)() end)
try(function() string.nofunction("x") end)
try(function() local obj = { inner = {} } obj.inner:method() end)
-- arithmetic
try(function() local t = {} return t + 1 end)
try(function() local t = {} return 1 + t.field end)
try(function() return glob * 2 end)
try(function() return u - 1 end)
try(function() return "abc" * 2 end)
try(function() local s = "abc" return s / 2 end)
try(function() return -{} end)
try(function() local t = {} return t.a % 2 end)
-- concatenation
try(function() return "a" .. nothing end)
try(function() local n; return "a" .. n end)
try(function() local t = {} return t.f .. "a" end)
try(function() return u .. "a" end)
try(function() return {} .. "a" end)
-- length and comparison
try(function() return #glob end)
try(function() local n = 1 return #n end)
try(function() return 1 < nil end)
try(function() return {} < 1 end)
try(function() return "a" < 1 end)
try(function() local t = {} return t.x <= 1 end)
print "OK"

-- assert returns all its arguments or raises its message
print(assert(1, 2, 3))
print(assert(true))
print(assert("value", "unused message"))
print(pcall(assert, false))
print(pcall(assert, nil))
print(pcall(assert, false, "custom message"))
print(pcall(assert, nil, 42))
local t = {}
local ok, e = pcall(assert, false, t)
print(ok, e == t)
print(pcall(assert))
print(pcall(assert, false, nil))
-- assert inside functions does not add a position
print(pcall(function() assert(false, "no position") end))
print(pcall(function() assert(1 == 2) end))
-- common idiom with io-like functions
local function maybe(v) if v then return v else return nil, "failed: " .. tostring(v) end end
print(pcall(function() return assert(maybe(false)) end))
print(pcall(function() return assert(maybe("ok")) end))
print "OK"

-- tostring for every type
print(tostring(nil), tostring(true), tostring(false))
print(tostring(0), tostring(-0), tostring(1.0), tostring(-0.0), tostring(1e300 * 1e300))
print(tostring("already"), tostring(""))
-- reference types print their type and an address
local function shape(v) return (tostring(v):gsub("0x%x+", "ADDR"):gsub(": [%x]+$", ": ADDR")) end
print(shape({}), shape(print), shape(function() end), shape(coroutine.create(print)))
print(shape(io.stdout))
-- distinct objects have distinct strings, the same object the same string
local t = {}
print(tostring(t) == tostring(t), tostring(t) ~= tostring({}))
print(tostring(print) == tostring(print))
print(tostring(1, 2), select("#", tostring(1, 2)))
print(pcall(tostring))
print "OK"

-- strings in arithmetic are converted to numbers
local function show(v) print(v, math.type(v)) end
show("10" + 1)
show("10" + "1")
show("10.0" + 1)
show("0x10" + 0)
show(" 1 " * 2)
show("3" - 1)
show("7" // "2")
show("7" % 2)
show("2" ^ 2)
show("9" / 3)
show(10 + "1e1")
show("-5" * 1)
show(1 + "9223372036854775807")
show("9223372036854775807" + 0)
show(math.maxinteger + "0")
-- not convertible: error naming the value
local function try(f) print(pcall(f)) end
try(function() return "abc" + 1 end)
try(function() return 1 + "1x" end)
try(function() local s = "" return s * 2 end)
try(function() return {} + 1 end)
try(function() return 1 + nil end)
try(function() return true * 2 end)
try(function() local t = {} return t.x + 1 end)
try(function() return ("10"):rep(2) + 0 end)
-- numbers convert to strings for string functions
print(("x"):rep(3), string.rep(5, 3), string.len(12.5), string.upper(1e100))
print(#tostring(12), string.sub(123456, 2, 4))
print "OK"

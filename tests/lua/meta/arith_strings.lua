-- arithmetic on strings: coercion first, then the string metatable has no arith events in 5.3
local function try(f) local ok, r = pcall(f) print(ok, r, ok and math.type(r) or "") end
try(function() return "10" + 5 end)
try(function() return "0x10" * 1 end)
try(function() return "1e1" // 3 end)
try(function() return "abc" + 1 end)
try(function() return 1 + "abc" end)
try(function() return "12abc" - 0 end)
try(function() return -"x" end)
-- a table operand with __add wins even when the other operand is a string
local t = setmetatable({}, { __add = function(a, b) return "meta:" .. type(a) .. "+" .. type(b) end })
try(function() return "10" + t end)
try(function() return t + "10" end)
-- a non-numeric string and a table: the table's metamethod is used
try(function() return "abc" + t end)
-- string arithmetic with whitespace and signs
try(function() return " -3 " * " 2 " end)
try(function() return "+4" ^ "0.5" end)
print "OK"

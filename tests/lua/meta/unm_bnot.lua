-- unary events receive the operand twice
local mt = {
  __unm = function(a, b) return "unm", rawequal(a, b) end,
  __bnot = function(a, b) return "bnot", rawequal(a, b) end,
  __len = function(a, b) return "len", rawequal(a, b) end,
}
local t = setmetatable({}, mt)
print(-t, ~t, #t)
print((-t) .. "!", (~t) .. "!")
-- negating a table without __unm
print(pcall(function() return -{} end))
-- strings convertible to numbers do not use metamethods
print(-"2", ~"2")
-- __unm on a number-like object
local Num = {}
Num.__index = Num
Num.__unm = function(a) return setmetatable({ v = -a.v }, Num) end
Num.__tostring = function(a) return "Num(" .. a.v .. ")" end
print(tostring(-setmetatable({ v = 5 }, Num)))
print(tostring(- -setmetatable({ v = 5 }, Num)))
print "OK"

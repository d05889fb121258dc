-- every arithmetic event, with the operands in both orders
local mt = {}
local function V(x) return setmetatable({ x = x }, mt) end
local function val(v) return type(v) == "table" and v.x or v end
for _, ev in ipairs({ "add", "sub", "mul", "div", "mod", "pow", "unm", "idiv" }) do
  mt["__" .. ev] = function(a, b) return ev .. "(" .. tostring(val(a)) .. "," .. tostring(val(b)) .. ")" end
end
local a, b = V(1), V(2)
print(a + b, a - b, a * b, a / b)
print(a % b, a ^ b, a // b, -a)
print(a + 10, 10 + a, a * 2.5, "s" .. "", 3 - b)
print(a % "7", "7" % a, 2 ^ a, a // 0)
-- the first operand's metamethod wins; otherwise the second's
local mt2 = { __add = function() return "mt2" end }
local c = setmetatable({ x = "c" }, mt2)
print(a + c, c + a)
-- unary minus passes the operand twice
local seen
local u = setmetatable({}, { __unm = function(x, y) seen = (x == y); return "neg" end })
print(-u, seen)
-- numbers and strings convertible to numbers never reach metamethods
print(1 + "2", "3" * "4")
-- a metamethod result is used as is, even nil or false
local weird = setmetatable({}, { __add = function() return nil end, __sub = function() return false end })
print(weird + 1, weird - 1)
print "OK"

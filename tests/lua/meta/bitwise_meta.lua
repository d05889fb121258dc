-- bitwise events: band bor bxor shl shr bnot
local mt = {}
local function V(x) return setmetatable({ x = x }, mt) end
local function show(v) return type(v) == "table" and ("V" .. v.x) or tostring(v) end
for _, ev in ipairs({ "band", "bor", "bxor", "shl", "shr", "bnot" }) do
  mt["__" .. ev] = function(a, b) return ev .. "(" .. show(a) .. "," .. show(b) .. ")" end
end
local a = V(1)
print(a & 1, 1 | a, a ~ a, a << 2, 2 >> a, ~a)
print("3" & a, a | 2.5, a ~ "x")
-- floats without integer representation go to the metamethod when the other side has one
local m
m = setmetatable({}, { __band = function(x, y) return "band:" .. tostring(x) .. ":" .. tostring(y == m) end })
print(1.5 & m)
-- with no metamethod, a table operand is an error; a bad float is a representation error
print(pcall(function() return {} & 1 end))
print(pcall(function() return 1.5 & 1 end))
print(pcall(function() return "1.5" | 0 end))
print(pcall(function() return ~{} end))
print "OK"

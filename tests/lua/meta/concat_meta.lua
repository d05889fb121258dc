-- __concat: called when either operand is not a string or number
local mt = { __concat = function(a, b)
  local function s(v) return type(v) == "table" and ("<" .. v.name .. ">") or tostring(v) end
  return s(a) .. "+" .. s(b)
end }
local x = setmetatable({ name = "x" }, mt)
local y = setmetatable({ name = "y" }, mt)
print(x .. "s", "s" .. x, x .. y, 1 .. x, x .. 2.5)
-- right associativity: a .. b .. c calls c's side first
print("a" .. "b" .. x)
print(x .. "a" .. "b")
print("a" .. x .. "b")
-- nil and booleans can be operands of __concat
print(x .. nil, true .. x)
-- the result can be any value
local counter = setmetatable({}, { __concat = function(a, b) return 42 end })
print(counter .. "z", math.type(counter .. "z"))
-- no metamethod: error names the bad operand
print(pcall(function() return "a" .. {} end))
print(pcall(function() local t = setmetatable({}, {}) return t .. "a" end))
print "OK"

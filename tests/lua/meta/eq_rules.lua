-- which __eq is used: first operand's, else the second's; never for different types
local log = {}
local function mk(name, result)
  return setmetatable({ name = name }, { __eq = function(a, b) log[#log + 1] = name .. "(" .. a.name .. "," .. b.name .. ")"; return result end })
end
local a, b = mk("A", true), mk("B", false)
local plain = { name = "plain" }
print(a == b, b == a, a == plain, plain == a, plain == b)
print(table.concat(log, " "))
-- ~= is the negation of ==
log = {}
print(a ~= b, b ~= a)
print(table.concat(log, " "))
-- the same metamethod object for both: still called
local shared = { __eq = function() return true end }
local x, y = setmetatable({}, shared), setmetatable({}, shared)
print(x == y, x ~= y)
-- a table and a non-table never call __eq
local always = setmetatable({}, { __eq = function() return true end })
print(always == 1, always == "x", always == nil, always == false)
-- __eq does not affect table keys or rawequal
local t = {}
t[x] = "x"
print(t[y], rawequal(x, y))
print "OK"

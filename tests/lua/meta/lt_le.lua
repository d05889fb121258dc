-- __lt and __le, including the 5.3 fallback of a <= b to not (b < a)
local log = {}
local mt = {
  __lt = function(a, b) log[#log + 1] = "lt"; return a.v < b.v end,
  __le = function(a, b) log[#log + 1] = "le"; return a.v <= b.v end,
}
local function V(v) return setmetatable({ v = v }, mt) end
local one, two = V(1), V(2)
print(one < two, two < one, one <= two, two <= one, one > two, one >= two)
print(table.concat(log, " "))
-- __le missing: Lua 5.3 uses not (b < a)
log = {}
local mt2 = { __lt = function(a, b) log[#log + 1] = "lt(" .. a.v .. "," .. b.v .. ")"; return a.v < b.v end }
local function W(v) return setmetatable({ v = v }, mt2) end
local x, y = W(1), W(2)
print(x <= y, y <= x, x >= y, x <= x)
print(table.concat(log, " "))
-- mixed operands: a table and a number
local n = setmetatable({}, { __lt = function(a, b) return type(a) == "number" end })
print(1 < n, n < 1, n > 1)
-- results are converted to booleans
local s = setmetatable({}, { __lt = function() return "str" end, __le = function() return nil end })
print(s < s, s <= s)
-- comparing strings with tables uses the table's metamethod
local strcmp = setmetatable({}, { __lt = function(a, b) return true end })
print("x" < strcmp, strcmp < "x")
-- without metamethods: errors
print(pcall(function() return {} < {} end))
print(pcall(function() return setmetatable({}, { __lt = function() return true end }) <= {} end))
-- sorting objects with __lt
local objs = { V(3), V(1), V(2) }
table.sort(objs)
print(objs[1].v, objs[2].v, objs[3].v)
print "OK"

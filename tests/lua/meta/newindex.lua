-- __newindex: tables and functions, only for absent keys
local store = {}
local t = setmetatable({}, { __newindex = store })
t.a = 1
print(rawget(t, "a"), store.a)
-- existing keys are assigned directly
rawset(t, "b", 1)
t.b = 2
print(rawget(t, "b"), store.b)
-- __newindex function
local log = {}
local u = setmetatable({}, {
  __newindex = function(tbl, k, v)
    log[#log + 1] = tostring(k) .. "=" .. tostring(v)
    rawset(tbl, k, v)
  end,
})
u.x = 1
u.x = 2          -- now present: no call
u[1] = "one"
u.y = nil
print(table.concat(log, " "), u.x, u[1])
-- a chain: __newindex table that has its own __newindex
local final = {}
local middle = setmetatable({}, { __newindex = final })
local front = setmetatable({}, { __newindex = middle })
front.k = "v"
print(rawget(front, "k"), rawget(middle, "k"), final.k)
-- read-only tables
local function readonly(tbl)
  return setmetatable({}, {
    __index = tbl,
    __newindex = function(_, k) error("attempt to update a read-only table (" .. tostring(k) .. ")", 2) end,
  })
end
local ro = readonly({ 1, 2, 3 })
print(ro[2], pcall(function() ro[2] = 20 end))
-- __newindex with nil and NaN keys still errors first? nil key goes through __newindex
local accept = setmetatable({}, { __newindex = function(_, k, v) print("newindex", k, v) end })
accept[nil] = 1
print(pcall(function() local plain = {} plain[nil] = 1 end))
print "OK"

-- __mode = "kv": an entry goes when either side is collected
local strong_k, strong_v = {}, {}
local t = setmetatable({}, { __mode = "kv" })
local function fill2()
  t[strong_k] = {}
  t[{}] = strong_v
  t[1] = strong_v
  t[2] = {}
  t.s = "string"
end
fill2()
collectgarbage()
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = type(k) == "table" and "table" or tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))
-- a weak table's metatable can be changed to strong later
local w = setmetatable({}, { __mode = "v" })
local function fill3() w[1] = {} end
fill3()
setmetatable(w, nil)
collectgarbage()
print(type(w[1]))
print "OK"

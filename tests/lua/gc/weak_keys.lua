-- weak keys, including ephemerons (the value refers to its key)
local props = setmetatable({}, { __mode = "k" })
local alive = {}
local function make()
  for i = 1, 6 do
    local k = { i = i }
    props[k] = "value" .. i
    if i <= 2 then alive[i] = k end
  end
  -- ephemeron: the value holds the key, the entry must still go
  local e = {}
  props[e] = { back = e }
  -- string and number keys are never removed
  props["str"] = {}
  props[42] = {}
end
make()
collectgarbage()
collectgarbage()
local count, strs = 0, {}
for k, v in pairs(props) do
  if type(k) == "table" then count = count + 1 else strs[#strs + 1] = tostring(k) end
end
table.sort(strs)
print(count, table.concat(strs, " "))
print(props[alive[1]], props[alive[2]])
print "OK"

-- "!*t" fields at several instants, sorted by key
local function dump(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = k .. "=" .. tostring(t[k]) end
  return table.concat(parts, " ")
end
for _, t in ipairs({0, 86400 * 365, 951825845, 1700000000, -1}) do
  print(dump(os.date("!*t", t)))
end
local lt = os.date("*t", 0)
print(type(lt.isdst), math.type(lt.yday), math.type(lt.wday))
print(os.date("!*t", 0).isdst)
print "OK"

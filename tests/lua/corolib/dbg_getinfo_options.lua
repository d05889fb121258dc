-- getinfo with each option letter: which fields appear
local function f(a) return a end
local function keys(t)
  local r = {}
  for k in pairs(t) do r[#r + 1] = k end
  table.sort(r)
  return table.concat(r, ",")
end
for _, opt in ipairs({"S", "l", "u", "n", "t", "f", "L", "", "Sl", "nf"}) do
  print(opt, keys(debug.getinfo(f, opt)))
end
for _, opt in ipairs({"S", "l", "n", "t"}) do
  print("level " .. opt, keys(debug.getinfo(1, opt)))
end
print(pcall(debug.getinfo, f, "z"))
print(pcall(debug.getinfo, f, 1))
print(pcall(debug.getinfo))
print(pcall(debug.getinfo, "x"))
print "OK"

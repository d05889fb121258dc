-- math.floor / math.ceil: subtypes and huge values
local function show(...)
  local p = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    p[i] = string.format("%s(%s)", tostring(v), math.type(v))
  end
  print(table.concat(p, " "))
end
show(math.floor(3.7), math.floor(-3.7), math.floor(3), math.floor(-0.0), math.floor(0.5))
show(math.ceil(3.2), math.ceil(-3.2), math.ceil(3), math.ceil(-0.5), math.ceil(-0.0))
show(math.floor(2^62), math.floor(2^63), math.floor(-2^63), math.floor(-2^63 - 1025))
show(math.ceil(2^62), math.ceil(2^63), math.ceil(-2^63), math.ceil(1e300))
show(math.floor(math.huge), math.floor(-math.huge), math.ceil(math.huge), math.ceil(-math.huge))
local nan = math.floor(0/0)
print(nan ~= nan, math.type(nan))
show(math.floor(math.maxinteger), math.ceil(math.mininteger))
show(math.floor(9007199254740993.0), math.ceil(-9007199254740993.0))
show(math.floor("3.5"), math.ceil("3.5"), math.floor("10"), math.ceil("0x10"))
show(math.floor(1e-300), math.ceil(1e-300), math.floor(-1e-300), math.ceil(-1e-300))
show(math.floor(2^53 + 0.0), math.ceil(2^53 - 0.5))
print(string.format("%g %g", math.ceil(-0.5), math.floor(-0.0)))
print(pcall(math.floor))
print(pcall(math.floor, "x"))
print(pcall(math.ceil, {}))
print(pcall(math.ceil, nil))
print "OK"

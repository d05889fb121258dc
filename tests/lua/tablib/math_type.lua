-- math.type and subtypes of arithmetic results
local function mt(...)
  local p = {}
  for i = 1, select("#", ...) do p[i] = tostring(math.type((select(i, ...)))) end
  print(table.concat(p, " "))
end
mt(1, 1.0, -0, -0.0, 2^31, 1 // 1, 1.0 // 1, 7 // 2.0, 3 % 2, 3 % 2.0, 1 / 1)
mt(math.maxinteger + 1, math.maxinteger + 1.0, math.mininteger - 1, 10 >> 1, 3 & 1, ~0)
mt("1", "1.0", {}, nil, true, print)
mt(0x10, 0x10p0, 0xA.8, 1e2, 100, 3 * 1.0, 2^2, -(-3), -(-3.0))
mt(tonumber("10"), tonumber("10.0"), tonumber("1e1"), tonumber("0x1p4"), tonumber("  5  "))
mt(math.abs(-1), math.abs(-1.0), math.max(1, 2.0), math.max(2.0, 1), math.min(1, 1.0), math.min(1.0, 1))
print(pcall(math.type))
print(math.type(math.pi), math.type(math.huge), math.type(math.maxinteger), math.type(math.mininteger))
print "OK"

-- tonumber with a base: integers only, letters as digits
local cases = {
  { "ff", 16 }, { "FF", 16 }, { "zz", 36 }, { "ZZ", 36 }, { "11", 2 },
  { "  11  ", 2 }, { "8", 8 }, { "777", 8 }, { "1.5", 10 }, { "10", 10 },
  { "-ff", 16 }, { "- ff", 16 }, { "+11", 2 }, { "", 10 }, { " ", 16 },
  { "0x10", 16 }, { "10", 36 }, { "z", 35 }, { "2", 2 },
  { "ffffffffffffffff", 16 }, { "1ffffffffffffffff", 16 },
  { "7fffffffffffffff", 16 }, { "9223372036854775808", 10 },
  { "1e1", 10 }, { "1e1", 16 }, { "g", 16 }, { "12a", 10 }, { "a b", 16 },
}
for _, c in ipairs(cases) do
  local v = tonumber(c[1], c[2])
  print(string.format("%q", c[1]), c[2], v, math.type(v))
end
-- numbers are converted to strings when a base is given
print(pcall(tonumber, 10, 16))
print(pcall(tonumber, "10", 1))
print(pcall(tonumber, "10", 37))
print(pcall(tonumber, "10", 0))
print(pcall(tonumber, "10", 2.5))
print(pcall(tonumber, nil, 10))
print(pcall(tonumber, {}, 10))
print(tonumber("10", 16.0), tonumber("10", "8"))
print "OK"

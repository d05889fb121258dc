-- string -> number conversions: tonumber, arithmetic coercion, bases
local cases = {"10\0", "0x", "0x.", "0x.p1", "0xp1", "0x1p", "0x1p+", "1e+", "1e-1", "1.e1", ".1e1", "..1", "1..", "0x1.", "0x.1",
 "  0x10  ", "\t\n\v\f\r 5 \t\n\v\f\r", "5\0", "+5", "++5", "-+5", "+-5", "- 5", "0b101", "1_000", "١", "0xG", "1e309", "-1e309",
 "0x7fffffffffffffff", "0x8000000000000000", "-0x8000000000000000", "9223372036854775807", "9223372036854775808",
 "-9223372036854775808", "-9223372036854775809", "18446744073709551616", "1" .. string.rep("0", 400), "0." .. string.rep("0", 400) .. "1",
 "0x" .. string.rep("f", 40), "0x1" .. string.rep("0", 20) .. "p-80", "inf", "-inf", "nan", "infinity", "0e0", "-0", "-0.0", "0x-1",
 "1e1.5", "1 e1", "0X1P4", "0x1P-1", "0xA", "0xa.8", "1E", "e1", ".", "-.", "-.5", "5.", "0x.8p0"}
for _, c in ipairs(cases) do
  local n = tonumber(c)
  print((c:gsub("%c", "?")):sub(1, 30), n, math.type(n), pcall(function() return c + 0 end))
end
for _, b in ipairs({2, 8, 10, 16, 36}) do
  print(b, tonumber("11", b), tonumber("zZ", b), tonumber("-11", b), tonumber(" 11 ", b), tonumber("1.1", b), tonumber("", b), tonumber("-", b),
    tonumber(string.rep("1", 70), b))
end
print(tonumber("7FFFFFFFFFFFFFFF", 16), tonumber("10000000000000000", 16), tonumber("-8000000000000000", 16))
print(math.type(tonumber("10", 10)), tonumber("1e1", 10), tonumber("0x10", 16), tonumber("0x10", 10))
print "OK"

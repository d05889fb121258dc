-- tonumber on strings: the same syntax as numerals, plus spaces and a sign
local cases = {
  "10", " 10 ", "\t10\n", "0x10", "0X1F", "-0x10", "+5", "- 5", "1e1",
  "1E+1", "  0x1p4  ", ".5", "5.", "0x.8", "0x8.", "-.5", "1e", "0x",
  "10a", "", " ", "1 2", "inf", "nan", "-inf", "0x1P-2", "1e500", "-1e500",
  "9223372036854775807", "9223372036854775808", "-9223372036854775808",
  "-9223372036854775809", "0xffffffffffffffff", "0x1ffffffffffffffff",
  "1.5e2", "00012", "0012.5", "1_000", "١", "0b101", "1\0", "3 ",
  "\v\f\r 7", "0x-1", "--1", "+-1", "++1", ". 5", "1 .5",
}
for _, s in ipairs(cases) do
  local v = tonumber(s)
  print(string.format("%q", s), v, math.type(v))
end
-- numbers pass through unchanged; other types give nil... or an error
print(tonumber(42), tonumber(4.5), tonumber(nil), tonumber(true), tonumber({}))
print(pcall(tonumber))
print "OK"

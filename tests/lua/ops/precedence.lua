-- operator precedence, from lowest to highest:
-- or; and; < > <= >= ~= ==; |; ~; &; << >>; ..; + -; * / // %; unary; ^
local function ev(src) return assert(load("return " .. src))() end
local cases = {
  "1 or 2 and nil", "nil and 1 or 2", "false or nil and 1",
  "1 < 2 == true", "1 == 1 ~= false", "not 1 == 2", "not (1 == 2)",
  "1 | 2 ~ 3", "1 | 6 & 3", "5 ~ 3 & 1", "1 << 2 | 1", "1 | 1 << 2",
  "2 & 3 << 1", "1 << 2 + 1", "1 << 2 .. ''", "'1' .. 2 << 1",
  "1 .. 2 + 3", "2 * 3 .. 4", "1 + 2 * 3", "(1 + 2) * 3", "7 - 2 - 1",
  "7 - (2 - 1)", "2 * 3 % 4", "2 * (3 % 4)", "7 // 2 * 2", "8 / 2 / 2",
  "-2 ^ 2", "(-2) ^ 2", "2 ^ -1", "-2 ^ -2", "2 ^ 3 ^ 2", "#'abc' ^ 2",
  "-'2' ^ 2", "not nil == true", "not 1 and 2", "- 3 // 2", "-(3 // 2)",
  "~1 + 1", "~(1 + 1)", "1 < 2 and 3 or 4", "1 > 2 and 3 or 4",
  "1 .. 2 == '12'", "'a' .. 'b' < 'b'", "3 & 5 == 1", "(3 & 5) == 1",
  "1 + 1 < 3 | 0", "2 ^ 2 ^ 0", "-3 % 5", "-(3 % 5)", "- - - 1",
  "#{1} + #{1, 2} * 2", "'x' .. 1 + 1 .. 'y'", "1 ~ 1 ~ 1", "16 >> 2 >> 1",
  "1 << 63 >> 63", "2 .. 3 ^ 2",
}
for _, c in ipairs(cases) do
  local ok, v = pcall(ev, c)
  print(c, "=>", ok and tostring(v) or ("error: " .. v), ok and math.type(v) or "")
end
print "OK"

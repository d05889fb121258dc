-- every operator and punctuation token, in expressions
local function ev(src) return assert(load("return " .. src))() end
local cases = {
  "1 + 2", "5 - 3", "2 * 3", "7 / 2", "7 // 2", "7 % 3", "2 ^ 10",
  "'a' .. 'b'", "1 == 1", "1 ~= 2", "1 < 2", "1 <= 1", "2 > 1", "2 >= 3",
  "6 & 3", "6 | 3", "6 ~ 3", "~0", "1 << 4", "256 >> 4", "#'abc'", "-(3)",
  "not nil", "true and 1", "false or 2", "({1,2;3})[3]", "({x=1}).x",
  "(function(...) return select('#', ...) end)(1, 2, 3)",
}
for _, c in ipairs(cases) do print(c, "=", ev(c)) end
-- tokens need no spaces around them
print(ev("1+2*3-4/2"), ev("2^-1"), ev("1<<2>>1"), ev("3//2%2"), ev("'x'..'y'..'z'"))
-- '..' vs '...' vs '.' after a number
print(ev("1 ..''"), ev("(...)"))
print "OK"

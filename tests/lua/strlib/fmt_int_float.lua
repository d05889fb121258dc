-- string.format: integer and float subtypes through %d %s %g %f %x
local f = string.format
local vals = {0, 1, -1, 1.0, -1.0, 2^53, 2^53 + 1, 2^63, -2^63, math.maxinteger, math.mininteger, 1e15, 123.0}
for _, v in ipairs(vals) do
  local ok, d = pcall(f, "%d", v)
  print(math.type(v), f("%s", v), ok and d or "ERR", f("%.0f", v), f("%g", v), f("%.17g", v), (pcall(f, "%x", v)))
end
print(f("%d", math.maxinteger + 0.0 == 2^63 and -2^63 or 0))
print(f("%5.1f|%-5d|%5s", 1, 2.0, 3.0))
print(f("%x", 2^53), f("%o", 2^20 + 0.0), f("%X", -2.0))
print(f("%c", 97.0), pcall(f, "%c", 97.5))
print "OK"

-- string.format %d / %i: flags, width, precision
local f = string.format
local vals = {0, 1, -1, 42, -42, 123456789, -987654321}
local specs = {"%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%+5d", "%-+6d|",
  "%.3d", "%.0d", "%8.3d", "%-8.3d|", "%08.3d", "%+.2d", "% 05d", "%+05d", "%-05d|",
  "%99d", "%.99d"}
for _, s in ipairs(specs) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = "[" .. f(s, v) .. "]" end
  print(s, table.concat(row, " "))
end
print(f("%d", math.maxinteger), f("%d", math.mininteger))
print(f("%i", math.maxinteger), f("%i", math.mininteger))
print(f("%25d|", math.mininteger), f("%-25d|", math.maxinteger))
print(f("%.0d|", 0), f("%5.0d|", 0))
print(f("%d %d %d", 1, 2, 3), f("%d%d", 12, 34))
print "OK"

-- string.format %f with flags, width and precision
local f = string.format
local vals = {0, 1, -1, 0.5, -0.5, 3.14159265358979, -2.71828, 1e10, 123.456, 1e-7, 2^53, -0.0}
local specs = {"%f", "%.0f", "%.1f", "%.3f", "%10.2f", "%-10.2f|", "%010.2f", "%+f", "% f", "%+.2f",
  "%#.0f", "%12f", "%.10f", "%-+12.3f|", "% 012.4f", "%.99f"}
for _, s in ipairs(specs) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = "[" .. f(s, v) .. "]" end
  print(s, table.concat(row, " "))
end
-- rounding: ties go to even in the binary representation
print(f("%.0f %.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, 3.5, -0.5))
print(f("%.2f %.2f %.2f", 1.005, 2.675, 1.125))
print(f("%.1f %.1f", 0.05, 0.25))
print(f("%f", 1e300):sub(1, 20), #f("%f", 1e300))
print(f("%f", 5e-324), f("%.3f", 1/3))
print(f("%f", 7), f("%f", "2.5"), f("%f", " 0x10 "), f("%.1f", math.maxinteger))
print(f("%f %f %5.1f %-6f|", math.huge, -math.huge, math.huge, -math.huge))
print(f("%+f %010f", math.huge, -math.huge))
print(pcall(f, "%f", "x"))
print(pcall(f, "%f", {}))
print(pcall(f, "%f"))
print "OK"

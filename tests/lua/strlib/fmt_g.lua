-- string.format %g / %G
local f = string.format
local vals = {0, 1, -1, 0.1, 1/3, 100, 1e5, 1e6, 1e-4, 1e-5, 123456789, 1.5e300, -2.5e-300, 2^63, 0.0001234}
local specs = {"%g", "%G", "%.0g", "%.1g", "%.3g", "%.10g", "%.17g", "%#g", "%#.3g", "%10.3g", "%-10.3G|", "%010g", "%+g", "% g"}
for _, s in ipairs(specs) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = "[" .. f(s, v) .. "]" end
  print(s, table.concat(row, " "))
end
print(f("%g %G %g", math.huge, -math.huge, -0.0))
print(f("%g", 42), f("%g", "0.5"), f("%.14g", 0.1), f("%.14g", 100))
print(pcall(f, "%g", "z"))
print(pcall(f, "%G", nil))
print "OK"

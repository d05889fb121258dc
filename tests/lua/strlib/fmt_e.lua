-- string.format %e / %E
local f = string.format
local vals = {0, 1, -1, 0.5, 12345.6789, -0.000123456, 1e100, 1e-100, 5e-324, 1.7976931348623157e308, 9.9999999}
local specs = {"%e", "%E", "%.0e", "%.2e", "%#.0e", "%12.3e", "%-12.3E|", "%012.3e", "%+e", "% E", "%.15e"}
for _, s in ipairs(specs) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = "[" .. f(s, v) .. "]" end
  print(s, table.concat(row, " "))
end
print(f("%e %E", math.huge, -math.huge), f("%10e|%-10E|", math.huge, -math.huge))
print(f("%e", 10), f("%e", "1e3"), f("%.3e", -0.0))
print(pcall(f, "%e", "x"))
print(pcall(f, "%E"))
print "OK"

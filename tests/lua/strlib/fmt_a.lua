-- string.format %a / %A (hex floats); "0x" is remapped so the harness does not mask it
local f = string.format
local function h(s, ...) return (f(s, ...):gsub("0([xX])", "<zero>%1")) end
local vals = {0, 1, -1, 0.5, 1.5, 0.1, 255, 1e100, 5e-324, 2^-1022, -0.0}
for _, s in ipairs({"%a", "%A", "%.0a", "%.2a", "%20a", "%-20a|", "%+a", "% a", "%#a", "%020a"}) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = "[" .. h(s, v) .. "]" end
  print(s, table.concat(row, " "))
end
print(h("%a %A", math.huge, -math.huge))
print(h("%a", 3), h("%a", "2"))
print(tonumber(f("%a", 0.1)) == 0.1, tonumber(f("%a", 1/3)) == 1/3, tonumber(f("%A", -123.75)) == -123.75)
print(pcall(f, "%a", "x"))
print(pcall(f, "%A"))
print "OK"

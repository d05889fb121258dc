-- string.format %u %o %x %X with flags
local f = string.format
local vals = {0, 1, 7, 8, 255, 4096, 65535, 123456789, -1, -255}
local specs = {"%u", "%o", "%x", "%X", "%#o", "%5x", "%-6X|", "%08x", "%.4x", "%#10o", "%-#8o|", "%.0x", "%.0o"}
for _, s in ipairs(specs) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = "[" .. f(s, v) .. "]" end
  print(s, table.concat(row, " "))
end
-- the alternate hex form prints 0x, which the test harness would mask: remap it
local function alt(s, v) return (f(s, v):gsub("0([xX])", "<zero>%1")) end
print(alt("%#x", 255), alt("%#X", 255), alt("%#x", 0), alt("%#08x", 255), alt("%#-8x|", 171))
print(f("%x", math.maxinteger), f("%X", math.mininteger), f("%o", math.mininteger))
print(f("%u", math.mininteger), f("%u", math.maxinteger))
print(f("%x", 3.0), f("%X", "255"), f("%o", " 8 "))
print(pcall(f, "%x", 1.5))
print(pcall(f, "%o", "x"))
print(pcall(f, "%u", {}))
print(pcall(f, "%X"))
print "OK"

-- class matching through gsub counts and find
local s = "Hello, World! 123 \t\n abc_XYZ 0xFF {}[]"
for _, c in ipairs({"%a", "%A", "%c", "%C", "%d", "%D", "%g", "%G", "%l", "%L", "%p", "%P",
    "%s", "%S", "%u", "%U", "%w", "%W", "%x", "%X", "."}) do
  local r, n = s:gsub(c, "#")
  print(c, n, (r:gsub("[\t\n]", "~")))
end
print(("a1b2c3"):match("%a%d%a%d"), ("  x"):find("%S"), ("abc"):find("%d"))
print(("\0\1x"):find("%c+"), ("\0"):find("%z"), ("z"):find("%z"))
print "OK"

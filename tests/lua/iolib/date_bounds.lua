-- os.date with times far out of range
local function try(fmt, t)
  local ok, v = pcall(os.date, fmt, t)
  print(fmt, ok, v)
end
try("!%Y", 2^55)
try("!%Y", -2^55)
try("!%Y", 67767976233316800)
try("!%Y", 67768036191676799)
try("!%Y", 67768036191676800)
try("!%Y", math.mininteger)
try("!*t", 2^62)
try("!%Y", 1e10)
print "OK"

-- "n": integers versus floats, and integer overflow turning into floats
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("0 -0 00 007 123456789012 9223372036854775807 9223372036854775808 -9223372036854775808 1.0 -0.0 3")
f:close()
f = assert(io.open(name))
while true do
  local v = f:read("n")
  if not v then break end
  print(v, math.type(v), string.format("%q", v))
end
print(f:read("a"))
f:close()
os.remove(name)
print "OK"

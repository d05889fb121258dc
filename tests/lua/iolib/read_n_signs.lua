-- "n": sign handling and whitespace between sign and digits
local name = os.tmpname()
for _, s in ipairs({"- 5", "+ 5", "-0x10", "+0x10", "-0x", "+.5", "-.", "\v\f\r 8", "-inf", "0x-1", "1e-", "1e+5", "1E5x", "0e0", "00x1"}) do
  local f = assert(io.open(name, "w")); f:write(s); f:close()
  f = assert(io.open(name))
  local v = f:read("n")
  print(string.format("%q", s), v, math.type(v), string.format("%q", f:read("a")))
  f:close()
end
os.remove(name)
print "OK"

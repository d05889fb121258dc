-- "n": decimal exponents, signs, and leading/trailing dots
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("1e3 1E+3 2.5e-1 -3e2 +4 .25 6. -.5e1 1e 1e+x 7")
f:close()
f = assert(io.open(name))
for i = 1, 12 do
  local v = f:read("n")
  print(i, v, math.type(v))
  if not v then print("", f:read(1)) end
end
f:close()
os.remove(name)
print "OK"

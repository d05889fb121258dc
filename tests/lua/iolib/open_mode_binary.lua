-- the "b" suffix is accepted everywhere and binary bytes survive a round trip
local name = os.tmpname()
local bytes = {}
for i = 0, 255 do bytes[#bytes + 1] = string.char(i) end
local all = table.concat(bytes)
for _, m in ipairs({"wb", "w+b"}) do
  local f = assert(io.open(name, m))
  f:write(all)
  f:close()
  f = assert(io.open(name, "rb"))
  local s = f:read("a")
  print(m, #s, s == all)
  f:close()
end
local f = assert(io.open(name, "ab"))
f:write("\0\0")
f:close()
f = assert(io.open(name, "r+b"))
print(#f:read("a"))
f:close()
f = assert(io.open(name, "a+b"))
f:seek("set", 0)
print(f:read(3) == "\0\1\2")
f:close()
os.remove(name)
print "OK"

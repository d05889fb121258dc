-- unbuffered and line-buffered files read and write like buffered ones
local name = os.tmpname()
for _, mode in ipairs({"no", "line", "full"}) do
  local f = assert(io.open(name, "w+"))
  f:setvbuf(mode)
  f:write("a\n", 12, " ", 3.5, "\nrest")
  f:seek("set")
  print(mode, f:read("l"), f:read("n"), f:read("n"), f:read("L"), f:read("a"))
  f:seek("set", 2)
  f:write("99")
  f:seek("set")
  print(f:read("a"))
  f:close()
end
os.remove(name)
print "OK"

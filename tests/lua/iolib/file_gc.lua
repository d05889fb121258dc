-- unreferenced files are closed by the collector; contents are flushed
local name = os.tmpname()
do
  local f = assert(io.open(name, "w"))
  f:write("flushed by gc")
end
collectgarbage(); collectgarbage()
local f = assert(io.open(name))
print(f:read("a"))
f:close()
-- __gc on an already closed file is harmless
do local g = assert(io.open(name)); g:close() end
collectgarbage()
os.remove(name)
print "OK"

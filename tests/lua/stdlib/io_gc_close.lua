-- unreachable files are closed (and flushed) by the collector
local name = os.tmpname()
do
  local f = io.open(name, "w")
  f:write("flushed by __gc")
end
collectgarbage()
collectgarbage()
local f = io.open(name)
print(f:read("a"))
f:close()
-- __gc on a closed file does nothing
local g = io.open(name)
g:close()
getmetatable(g).__gc(g)
print(io.type(g))
-- __gc on a standard file keeps it open
getmetatable(io.stdout).__gc(io.stdout)
print(io.type(io.stdout))
os.remove(name)
print "OK"

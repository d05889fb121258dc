-- expect: ok
local path = os.tmpname()
local f = assert(io.open(path, "w"))
f:write("one\ntwo\n")
f:close()
for line in io.lines(path) do
  io.write(line:upper(), "\n")
end
local g = assert(io.open(path))
for a, b in g:lines(1, "l") do print(a, b) end
print(g:read("a"), io.stdout:write("x"), io.output() == io.stdout)
g:close()

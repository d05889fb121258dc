-- an io.lines iterator keeps its file alive across collections
local name = os.tmpname()
local f = assert(io.open(name, "w"))
for i = 1, 100 do f:write(i, "\n") end
f:close()
local it = io.lines(name)
collectgarbage(); collectgarbage()
local n = 0
for l in it do
  n = n + 1
  if n % 10 == 0 then collectgarbage() end
end
print(n)
-- many files opened and dropped
for i = 1, 300 do
  local g = io.open(name)
  g:read("l")
end
collectgarbage(); collectgarbage()
local g = assert(io.open(name))
print(g:read("n"))
g:close()
os.remove(name)
print "OK"

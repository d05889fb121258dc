-- large pipe output read in different ways
local p = io.popen("seq 1 20000")
local n, last = 0, nil
for l in p:lines() do n = n + 1; last = l end
print(n, last, p:close())
p = io.popen("seq 1 20000")
local s = p:read("a")
print(#s, s:sub(-6))
p:close()
p = io.popen("seq 1 20000")
local sum = 0
while true do
  local v = p:read("n")
  if not v then break end
  sum = sum + v
end
print(sum, p:close())
print "OK"

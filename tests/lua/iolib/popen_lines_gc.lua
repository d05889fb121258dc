-- reading a pipe to EOF then closing; many pipes in a row
local total = 0
for i = 1, 20 do
  local p = io.popen("echo " .. i)
  total = total + p:read("n")
  local ok, how, code = p:close()
  assert(ok and how == "exit" and code == 0)
end
print(total)
local p = io.popen("seq 1 5")
local sum = 0
for n in p:lines("n") do sum = sum + n end
print(sum, p:close())
print "OK"

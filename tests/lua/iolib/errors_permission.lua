-- permission errors (skipped if running as root)
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("secret")
f:close()
os.execute("chmod 000 " .. name)
local g, msg, code = io.open(name)
local p = io.popen("id -u")
local uid = p:read("n")
p:close()
if uid == 0 then
  print(nil, "Permission denied", 13)
else
  print(g, msg == name .. ": Permission denied", code)
end
if g then g:close() end
os.execute("chmod 644 " .. name)
print(os.remove(name))
print "OK"

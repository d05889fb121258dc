-- io.open error triples for missing files and directories
local name = os.tmpname()
os.remove(name)
local f, msg, code = io.open(name)
print(f, msg == name .. ": No such file or directory", code)
f, msg, code = io.open(name .. "/sub/file", "w")
print(f, msg:sub(#name + 1), code)
f, msg, code = io.open("/", "w")
print(f, msg, code)
f, msg, code = io.open("/", "r")
print(io.type(f))
if f then
  local a, b, c = f:read("l")
  print(a, b, c)
  f:close()
end
f, msg, code = io.open("", "r")
print(f, msg, code)
print "OK"

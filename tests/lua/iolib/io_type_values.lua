-- io.type on files, closed files and everything else
local name = os.tmpname()
local f = assert(io.open(name, "w"))
print(io.type(f), io.type(io.stdout), io.type(io.stderr), io.type(io.stdin))
f:close()
print(io.type(f))
for _, v in ipairs({1, "file", {}, true, print, coroutine.create(print)}) do
  io.write(tostring(io.type(v)), " ")
end
print()
print(io.type(nil))
print(pcall(io.type))
print(io.type(setmetatable({}, getmetatable(io.stdout))))
os.remove(name)
print "OK"

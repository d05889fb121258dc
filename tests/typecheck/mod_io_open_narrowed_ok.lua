-- expect: ok
local path = os.tmpname()
local f, msg, code = io.open(path, "w")
if not f then
  print(msg, code)
  return
end
local out: io.File = f
out:write("a", 1, "\n"):write("b\n")
out:setvbuf("line")
print(out:seek("set", 0), io.type(out))
out:close()
os.remove(path)

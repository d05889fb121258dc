-- expect: ok
local info = debug.getinfo(1, "Sl")
if info then
  local line: integer? = info.currentline
  local src: string? = info.short_src
  print(line, src)
end
print(debug.traceback("here", 1), debug.getmetatable("x"))
local name, value = debug.getlocal(1, 1)
print(name, value)

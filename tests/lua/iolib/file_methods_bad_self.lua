-- file methods called with a wrong self
local m = getmetatable(io.stdout).__index
for _, k in ipairs({"close", "flush", "lines", "read", "seek", "setvbuf", "write"}) do
  local ok, msg = pcall(m[k], {})
  print(k, ok, msg)
end
print(pcall(m.read, 42))
print(pcall(io.stdout.write))
print "OK"

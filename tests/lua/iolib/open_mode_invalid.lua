-- invalid modes raise "invalid mode"
local name = os.tmpname()
for _, m in ipairs({"", "x", "rw", "r+b+", "bw", "wb+", "rr", "w+x", "+", "ab+", "r b"}) do
  local ok, msg = pcall(io.open, name, m)
  print(string.format("%q", m), ok, ok and io.type(msg) or msg)
  if ok and msg then msg:close() end
end
print(pcall(io.open, name, 5))
print(pcall(io.open))
print(pcall(io.open, {}))
os.remove(name)
print "OK"

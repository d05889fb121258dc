-- "n": what gets consumed when the numeral is bad
local inputs = {"-", "+-1", "--1", "abc", ".", "..5", "1..2", "0x1g", "1e1e1", "  \n\t 5", "", "inf", "nan", "1_000"}
local name = os.tmpname()
for _, s in ipairs(inputs) do
  local f = assert(io.open(name, "w"))
  f:write(s)
  f:close()
  f = assert(io.open(name))
  local v = f:read("n")
  local rest = f:read("a")
  print(string.format("%-10q -> %s %q", s, tostring(v), rest))
  f:close()
end
os.remove(name)
print "OK"

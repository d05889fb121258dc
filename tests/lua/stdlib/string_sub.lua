-- string.sub with every kind of index
local s = "hello world"
local cases = {
  { 1 }, { 7 }, { -5 }, { 0 }, { 100 }, { -100 },
  { 1, 5 }, { 7, -1 }, { -5, -2 }, { 3, 2 }, { 0, 0 }, { 1, 0 },
  { -100, 3 }, { 5, 100 }, { 11, 11 }, { 12, 20 }, { math.mininteger, math.maxinteger },
  { math.maxinteger }, { 2, math.mininteger },
}
for _, c in ipairs(cases) do
  print(c[1], c[2], "[" .. s:sub(c[1], c[2]) .. "]")
end
print(("x"):sub(2), ("").sub("", 1, 1))
print(pcall(string.sub))
print(pcall(string.sub, "x", "a"))
print "OK"

-- string.sub with every kind of index
local s = "abcdef"
local idx = {math.mininteger, -100, -7, -6, -5, -1, 0, 1, 2, 5, 6, 7, 100, math.maxinteger}
for _, i in ipairs(idx) do
  local row = {}
  for _, j in ipairs(idx) do row[#row + 1] = "[" .. s:sub(i, j) .. "]" end
  print(i, table.concat(row))
end
for _, i in ipairs(idx) do io.write("[", s:sub(i), "]") end
print()
print((""):sub(1), (""):sub(0, 0), (""):sub(-1, 1), #(""):sub(1, 100))
print(s:sub(2.0, 4.0), s:sub("2", "4"), s:sub(" -2 "))
print(("a\0b\0c"):sub(2, 4) == "\0b\0")
print(pcall(string.sub, s))
print(pcall(string.sub, s, 1.5))
print(pcall(string.sub, s, 1, 2.5))
print(pcall(string.sub, s, "x"))
print(pcall(string.sub, s, 1, {}))
print(pcall(string.sub, nil, 1))
print(string.sub(12345, 2, 4), string.sub(-1.5, 1, 2), string.sub(1e100, -3))
print(s:sub(2^53), pcall(string.sub, s, 2^63))
print "OK"

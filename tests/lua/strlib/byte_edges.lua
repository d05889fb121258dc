-- string.byte with edge indices
local s = "hello"
local idx = {math.mininteger, -100, -6, -5, -1, 0, 1, 2, 5, 6, 100, math.maxinteger}
for _, i in ipairs(idx) do
  print(i, s:byte(i))
end
for _, i in ipairs({-6, -5, -1, 0, 1, 3, 5, 6}) do
  for _, j in ipairs({-6, -5, -2, -1, 0, 1, 3, 5, 6, 100}) do
    io.write(string.format("(%d,%d)=", i, j), table.concat({s:byte(i, j)}, ","), " ")
  end
  print()
end
print(s:byte(), (""):byte(), select("#", (""):byte()), select("#", s:byte(3, 2)))
print(("\0\255\128"):byte(1, -1))
print(s:byte(1.0), s:byte("2"), s:byte(" 3 ", "4"))
print(s:byte(math.mininteger, math.maxinteger))
print(pcall(string.byte, s, 1.5))
print(pcall(string.byte, s, "x"))
print(pcall(string.byte, s, 1, {}))
print(pcall(string.byte))
print(string.byte(123), string.byte(1.5, 2))
local big = string.rep("x", 300)
print(select("#", big:byte(1, -1)))
print "OK"

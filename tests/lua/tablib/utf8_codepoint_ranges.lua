-- utf8.codepoint i/j defaults and clipping on an ASCII string
local s = "hello"
local function show(...) return select("#", ...) .. ":" .. table.concat({...}, ",") end
for _, r in ipairs({{}, {1}, {2}, {5}, {-1}, {-5}, {1, 5}, {2, 4}, {-3, -2}, {3, 1}, {5, 5}, {1, -1}, {-5, -4}}) do
  print(table.concat(r, ","), show(utf8.codepoint(s, table.unpack(r))))
end
print(pcall(utf8.codepoint, s, 6))
print(pcall(utf8.codepoint, s, -6))
print(pcall(utf8.codepoint, s, 1, 6))
print(pcall(utf8.codepoint, s, 1, -6))
print(pcall(utf8.codepoint, s, 6, 5))
print(pcall(utf8.codepoint, "", 1))
print(pcall(utf8.codepoint, ""))
print(pcall(utf8.codepoint, s, math.maxinteger))
print(pcall(utf8.codepoint, s, math.mininteger))
print(pcall(utf8.codepoint, s, 2, math.mininteger))
print "OK"

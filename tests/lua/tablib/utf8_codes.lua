-- utf8.codes iteration and errors on invalid sequences
local function collect(s)
  local out = {}
  for p, c in utf8.codes(s) do out[#out + 1] = p .. ":" .. string.format("%X", c) end
  return table.concat(out, " ")
end
print(collect("abc"))
print(collect("\u{E9}t\u{E9}"))
print(collect("\u{10FFFF}\u{0}\u{7FF}\u{800}"))
print(collect(""))
print(collect("\u{10FFFF}x\u{DFFF}"))
print(pcall(collect, "ab\xFF"))
print(pcall(collect, "\xC3"))
print(pcall(collect, "a\x80"))
print(pcall(collect, "\xC0\x80"))
print(pcall(collect, "\xE2\x82"))
print(pcall(collect, "\xF4\x90\x80\x80"))
print(pcall(collect, "\xF8\x88\x80\x80\x80"))
-- the generic for parts
local f, s, i = utf8.codes("xy")
print(type(f), s, i)
print(f(s, i))
print(f(s, 1))
print(f(s, 2))
print(pcall(utf8.codes))
print(pcall(utf8.codes, {}))
print(select("#", f("", 0)))
print "OK"

-- utf8 functions combined with string functions
local s = "na\u{EF}ve caf\u{E9} \u{65E5}\u{672C}"
local function usub(str, i, j)
  local n = utf8.len(str)
  j = j or n
  if i < 0 then i = n + i + 1 end
  if j < 0 then j = n + j + 1 end
  local a = utf8.offset(str, i)
  local b = utf8.offset(str, j + 1)
  return str:sub(a, b - 1)
end
print(usub(s, 1, 5), usub(s, 7, 10), usub(s, -2), usub(s, 3, 3))
local rev = {}
for _, c in utf8.codes(s) do table.insert(rev, 1, utf8.char(c)) end
print(table.concat(rev))
local upper = s:gsub(utf8.charpattern, function(ch) return #ch == 1 and ch:upper() or ch end)
print(upper)
local counts = {}
for _, c in utf8.codes(s) do local k = c < 0x80 and 1 or c < 0x800 and 2 or c < 0x10000 and 3 or 4 counts[k] = (counts[k] or 0) + 1 end
print(counts[1], counts[2], counts[3], counts[4])
print(utf8.len(s:rep(3, "\u{2014}")))
print(string.format("%q", utf8.char(0x7F, 0x80)))
print "OK"

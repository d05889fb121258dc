-- \u{XXX}: UTF-8 encoding of any value up to 2^31
local function bytes(s)
  local t = {}
  for i = 1, #s do t[#t + 1] = string.format("%02X", string.byte(s, i)) end
  return table.concat(t, " ")
end

print(bytes("\u{0}"), bytes("\u{41}"), bytes("\u{7F}"))
print(bytes("\u{80}"), bytes("\u{7FF}"))
print(bytes("\u{800}"), bytes("\u{FFFF}"))
print(bytes("\u{10000}"), bytes("\u{10FFFF}"))
-- 5.3 stops at U+10FFFF
print(load('return "\\u{110000}"'))
print(load('return "\\u{7FFFFFFF}"'))
print(bytes("\u{D800}"))     -- surrogates are encoded too
print(bytes("\u{000000041}"))  -- leading zeros
print(bytes("\u{e9}"), bytes("\u{E9}"))
print("caf\u{E9}", "\u{48}\u{49}")
print(#"\u{10FFFF}", #"\u{FFFF}", #"\u{7FF}")
assert("\u{48}\u{69}" == "Hi")
print "OK"

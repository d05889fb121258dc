-- single-character escapes: each decodes to exactly one byte
local function bytes(s)
  local t = {}
  for i = 1, #s do t[#t + 1] = string.byte(s, i) end
  return table.concat(t, " ")
end

print(bytes("\a\b\f\n\r\t\v"))
print(bytes("\\\"\'"))
print(bytes('\'"'))
assert("\a" == "\7" and "\b" == "\8" and "\f" == "\12")
assert("\n" == "\10" and "\r" == "\13" and "\t" == "\9" and "\v" == "\11")
assert(#"\\" == 1 and #"\"" == 1 and #"\'" == 1)
assert("\"" == '"' and '\'' == "'")
print(#"a\tb\nc", "a\tb")
-- an escaped real newline is a newline
local s = "line1\
line2"
print(bytes(s), #s)
assert(s == "line1\nline2")
print("tab[\t]", "quote[\"]", "backslash[\\]")
print "OK"

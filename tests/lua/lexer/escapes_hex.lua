-- \xXX: exactly two hexadecimal digits, either case
local function bytes(s)
  local t = {}
  for i = 1, #s do t[#t + 1] = string.byte(s, i) end
  return table.concat(t, " ")
end

print(bytes("\x00\x01\x0a\x0A\x7f\x80\xff\xFF\xfF"))
print("\x48\x65\x6c\x6C\x6f")
print(bytes("\x410"))     -- \x41 then "0"
assert("\x41" == "A" and "\x61" == "a" and "\x7E" == "~")
assert(#"\xff\xfe" == 2)
print(#"\x00\x00\x00")
print "OK"

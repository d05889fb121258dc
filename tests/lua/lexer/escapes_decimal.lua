-- \ddd: up to three decimal digits
local function bytes(s)
  local t = {}
  for i = 1, #s do t[#t + 1] = string.byte(s, i) end
  return table.concat(t, " ")
end

print(bytes("\0\1\9\10\99\100\255"))
print(bytes("\65\066\0671"))        -- at most three digits: \067 then "1"
print(bytes("\1234"), "\1234")      -- \123 = "{", then "4"
print(bytes("\0000"))               -- \000 then "0"
print("\72\101\108\108\111")
assert("\065" == "A" and "\97" == "a")
assert(#"\0" == 1 and #"a\0b" == 3)
local z = "x\0y"
print(#z, string.byte(z, 2), z:sub(3))
assert("\0" ~= "" and "\0" < "\1")
print(bytes("\2\20\200"))
print "OK"

-- %q produces a string that reads back as the same value
local f = string.format
print(f("%q", "plain"))
print(f("%q", 'with "quotes" and \\ backslash'))
print(f("%q", "new\nline"))
print(f("%q", "tab\tand\rcr and \0 zero and \1\2\127"))
print(f("%q", "\0001"))
print(f("%q", "\200\255"))
print(f("%q", 42), (f("%q", math.mininteger):upper()), f("%q", math.maxinteger))
-- floats are written in hexadecimal (upper-cased here)
print((f("%q", 0.5):upper()), (f("%q", 1/3):upper()), f("%q", math.huge), f("%q", -math.huge))
print(f("%q", 0/0))
-- round trips
for _, v in ipairs({ "a\0b\n\"\\", "\r\n", string.rep("x", 5), "\127\128" }) do
  local back = load("return " .. f("%q", v))()
  print(back == v, #back)
end
for _, v in ipairs({ 1, -1, 0.1, -2.5e-300, 2^63, math.mininteger }) do
  local back = load("return " .. f("%q", v))()
  print(back == v, math.type(back) == math.type(v))
end
print(pcall(f, "%q", {}))
print(pcall(f, "%q", print))
print(f("%q", true), f("%q", nil))
print "OK"

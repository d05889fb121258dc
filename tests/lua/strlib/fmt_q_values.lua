-- string.format %q on numbers and other values
local f = string.format
local function h(s) return (s:gsub("0([xX])", "<zero>%1")) end
print(f("%q", 0), f("%q", 42), f("%q", -42), f("%q", math.maxinteger))
print(h(f("%q", math.mininteger)))
print(h(f("%q", 1.5)), h(f("%q", -0.25)), h(f("%q", 1.0)), h(f("%q", 0.1)))
print(f("%q", math.huge), f("%q", -math.huge))
print((f("%q", 0/0):gsub("-", "")))
print(f("%q", nil), f("%q", true), f("%q", false))
for _, v in ipairs({0, 1, -1, 7, math.maxinteger, math.mininteger, 0.5, -123.375, 1e300, 2^-1074, 2^63, -2^70}) do
  local back = load("return " .. f("%q", v))()
  print(back == v, math.type(back) == math.type(v))
end
print(pcall(f, "%q", {}))
print(pcall(f, "%q", print))
print(pcall(f, "%q", coroutine.create(print)))
print "OK"

-- %.17g always reads back to the same float; %.14g (tostring) may not
local values = { 0.1, 1/3, 2/3, 1e-300, 123456789.123456789, 2^53 + 0.0, math.pi, -math.pi, 1e23, 5e-324, 1.7976931348623157e308 }
for _, v in ipairs(values) do
  local s17 = string.format("%.17g", v)
  local s14 = tostring(v)
  print(s17, tonumber(s17) == v, s14, tonumber(s14) == v)
end
-- integers survive tostring/tonumber exactly
for _, v in ipairs({ 0, -1, math.maxinteger, math.mininteger, 1 << 53, (1 << 53) + 1 }) do
  local back = tonumber(tostring(v))
  print(v, back == v, math.type(back))
end
-- hex float formatting round trips (shown upper-cased)
for _, v in ipairs({ 1.0, 0.5, 0.1, -2.75, 1e300 }) do
  local h = string.format("%a", v)
  print(h:upper(), tonumber(h) == v)
end
print "OK"

-- floor/ceil/tointeger/modf at the integer limits of doubles
local edges = {2^63 - 1024, 2^63, -2^63, -2^63 - 2048, 2^52 + 0.5, -(2^52 + 0.5), 4503599627370495.5,
               -4503599627370495.5, 0.49999999999999994, -0.49999999999999994, 1 - 2^-53, -1 + 2^-53}
for _, x in ipairs(edges) do
  local fl, ce, ti = math.floor(x), math.ceil(x), math.tointeger(x)
  local i, fr = math.modf(x)
  print(string.format("%.17g", x), tostring(fl), math.type(fl), tostring(ce), math.type(ce), tostring(ti),
        string.format("%.17g %.17g", i, fr))
end
print "OK"

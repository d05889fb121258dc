-- string.format with extreme values and the widest specs
local f = string.format
print(#f("%.99f", 1e308), f("%.99f", 1e308):sub(1, 30))
print(#f("%99.99f", -1e308), #f("%.99f", 5e-324), f("%.99f", 5e-324):sub(-40))
print(f("%99.99e", 1.5):sub(1, 20), #f("%99.99e", 1.5), #f("%-99.99g|", 1.5))
print(f("%.99g", 0.1))
print(f("%.99g", 2^-1074):sub(1, 40))
print(#f("%99d", 1), #f("%-99x|", 255), #f("%099o", 8))
print(f("%.0e", 0.5), f("%.0e", 1.5), f("%.0e", 2.5), f("%.0g", 0.5))
print(f("%g", 1e-310), f("%e", 2^-1074), f("%a", 2^-1074):gsub("0x", "<zero>x"))
print(f("%.3f", 2^63), f("%.3f", -2^63), f("%.0f", 2^64), f("%.0f", 1e22), f("%.0f", 1e23))
print(f("%d", -0), f("%5.2f", -0.001), f("%+.0f", -0.4), f("%.1e", -0.0))
local s = f("%s", string.rep("x", 100000))
print(#s, #f("%s%s", s, s), #f("%-5s", s))
print(#f(string.rep("%s", 200), table.unpack((function() local t = {} for i = 1, 200 do t[i] = i end return t end)())))
print "OK"

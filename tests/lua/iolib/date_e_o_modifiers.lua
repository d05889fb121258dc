-- the E and O modifiers that C99 allows
local t = 951825845
for _, m in ipairs({"%Ec", "%EC", "%Ex", "%EX", "%Ey", "%EY", "%Od", "%Oe", "%OH", "%OI", "%Om", "%OM", "%OS", "%Ou", "%OU", "%OV", "%Ow", "%OW", "%Oy"}) do
  print(m, os.date("!" .. m, t))
end
print "OK"

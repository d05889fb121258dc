-- os.time(os.date("*t", t)) == t, and the same relation for differences
for _, t in ipairs({0, 86400, 951825845, 1234567890, 1700000000, 2000000000}) do
  local back = os.time(os.date("*t", t))
  print(t, back == t, math.type(back))
end
-- !*t tables converted back differ from t by a constant (the zone offset)
local d0 = os.time(os.date("!*t", 1000000)) - 1000000
local d1 = os.time(os.date("!*t", 1000000 + 86400 * 3)) - (1000000 + 86400 * 3)
print(math.type(d0), math.abs(d0) <= 14 * 3600)
print "OK"

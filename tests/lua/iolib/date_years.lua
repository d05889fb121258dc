-- UTC dates far from the epoch
for _, t in ipairs({-62135596800, -30610224000, -1, 253402300799, 253402300800, 32503680000, 946684799, 946684800}) do
  print(t, os.date("!%Y-%m-%d %H:%M:%S %j %a", t), os.date("!%C %y %G", t))
end
local t = os.date("!*t", -62135596800)
print(t.year, t.month, t.day, t.wday, t.yday)
print "OK"

-- os.date in UTC at fixed instants
for _, t in ipairs({0, 1, 59, 60, 3599, 3600, 86399, 86400, 951782400, 951868800, 1000000000, 2147483647, 2147483648, 4102444800, -86400, -2208988800}) do
  print(t, os.date("!%Y-%m-%d %H:%M:%S %a %j %w", t))
end
print "OK"

-- os.time field defaults and errors
local base = os.time({year = 2020, month = 6, day = 15})
print(base == os.time({year = 2020, month = 6, day = 15, hour = 12, min = 0, sec = 0}))
print(os.time({year = 2020, month = 6, day = 15, hour = 13}) - base)
print(os.time({year = 2020, month = 6, day = 15, min = 1}) - base)
print(os.time({year = 2020, month = 6, day = 15, sec = "30"}) - base)
print(os.time({year = 2020, month = 6, day = 15, hour = 12.0}) == base)
for _, bad in ipairs({
  {month = 1, day = 1}, {year = 2020, day = 1}, {year = 2020, month = 1},
  {year = 2020, month = 1, day = 1.5}, {year = 2020, month = "x", day = 1},
  {year = 2020, month = 1, day = 1, hour = {}}, {year = 2^40, month = 1, day = 1},
}) do
  print(pcall(os.time, bad))
end
print(pcall(os.time, 5))
print(pcall(os.time, "x"))
print "OK"

-- relations that hold in every time zone
local t1 = os.time({year = 2021, month = 3, day = 10, hour = 12})
local t2 = os.time({year = 2021, month = 3, day = 11, hour = 12})
print(t2 - t1)
local t3 = os.time({year = 2021, month = 3, day = 10, hour = 12, min = 30, sec = 15})
print(t3 - t1)
print(math.type(os.time()), os.time() > 1600000000)
print(os.time(nil) ~= nil, select("#", pcall(os.time, nil)))
local n = os.time()
print(os.time(os.date("*t", n)) == n)
print "OK"

-- os library facts that do not depend on the time or the machine
print(type(os.time()), math.type(os.time()), type(os.clock()), math.type(os.clock()))
print(os.getenv("HOME"), os.getenv("WLUA_SURELY_UNSET_VARIABLE"))
print(os.date("!%Y-%m-%d %H:%M:%S", 0))
print(os.date("!%Y-%m-%d %H:%M:%S", 86400 * 365 + 3661))
local t = os.date("!*t", 1000000000)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst)
print(os.time({ year = 2000, month = 1, day = 1, hour = 12 }) - os.time({ year = 2000, month = 1, day = 2, hour = 12 }))
print(os.difftime(10, 4), math.type(os.difftime(10, 4)))
print(type(os.tmpname), type(os.remove), type(os.rename), type(os.execute))
print(os.remove("surely/not/existing/file"))
print(pcall(os.date, "%Ez", 0))
print "OK"

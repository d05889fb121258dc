-- os.date argument coercions
print(os.date("!%H:%M", 3600.0))
print(os.date("!%H:%M", "7200"))
print(os.date("!%H:%M", " 0x10 "))
print(pcall(os.date, "!%H", 0.5))
print(pcall(os.date, "!%H", "1.5"))
print(pcall(os.date, "!%H", true))
print(os.date(12 .. "", 0))
print(pcall(os.date, 5, 0))
print "OK"

-- os.difftime returns floats
print(os.difftime(10, 3), math.type(os.difftime(10, 3)))
print(os.difftime(3, 10))
print(pcall(os.difftime, 5))
print(os.difftime(0, 0))
print(os.difftime(2^31, 0))
print(pcall(os.difftime))
print(pcall(os.difftime, "a", 1))
print(pcall(os.difftime, 1.5, 1))
print(os.difftime("20", "5"))
local t = os.time()
print(os.difftime(t + 60, t))
print "OK"

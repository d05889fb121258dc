-- math.ult
print(math.ult(1, 2), math.ult(2, 1), math.ult(1, 1))
print(math.ult(-1, 1), math.ult(1, -1), math.ult(-1, -2), math.ult(-2, -1))
print(math.ult(math.maxinteger, math.mininteger), math.ult(math.mininteger, math.maxinteger))
print(math.ult(0, -1), math.ult(-1, 0), math.ult(0, 0))
print(math.ult(1.0, 2.0), math.ult("1", "2"))
print(pcall(math.ult, 1.5, 2))
print(pcall(math.ult, 1, 2.5))
print(pcall(math.ult, 1))
print(pcall(math.ult))
print(pcall(math.ult, "a", 1))
print(pcall(math.ult, 2^63, 1))
print "OK"

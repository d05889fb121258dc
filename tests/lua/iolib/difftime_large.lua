-- difftime converts through floats
print(os.difftime(math.maxinteger, 0))
print(os.difftime(0, math.mininteger))
print(os.difftime(2^53 + 1, 0) == 2^53)
print(os.difftime(-5, 5), os.difftime(5.0, 2))
print(string.format("%.1f", os.difftime(1, 0)))
print "OK"

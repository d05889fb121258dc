-- table.unpack near the C stack limit (LUAI_MAXSTACK = 1000000)
print(select("#", table.unpack({}, 1, 100000)))
print(select("#", table.unpack({}, 1, 500000)))
print(pcall(table.unpack, {}, 1, 1000000))
print(pcall(table.unpack, {}, 1, 2^31))
print(pcall(table.unpack, {}, -2^31, 2^31))
print(select("#", table.unpack({}, -5, 5)))
print "OK"

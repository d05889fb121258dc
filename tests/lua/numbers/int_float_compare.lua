-- comparisons between integers and floats are exact
local maxi, mini = math.maxinteger, math.mininteger
print(maxi + 0.0 == maxi, maxi < maxi + 0.0, maxi + 0.0 > maxi, maxi <= maxi + 0.0)
print(mini + 0.0 == mini, mini <= mini + 0.0, mini < mini + 0.0)
print(2^53 == 2^53 + 1, (1 << 53) + 1 == 2^53, (1 << 53) + 1 > 2^53, (1 << 53) + 1 < 2^53 + 2)
print((1 << 53) == 2^53, (1 << 53) < 2^53 + 1)
print(maxi - 1 < maxi + 0.0, maxi < 2^63, maxi >= 2^63, -2^63 <= mini, -2^63 < mini)
print(1 < 1.5, 2 > 1.5, 1 == 1.0, -1 < -0.5, 0 == -0.0)
print(maxi < math.huge, mini > -math.huge, maxi == math.huge)
local nan = 0/0
print(1 < nan, 1 > nan, 1 == nan, nan < maxi, nan >= mini)
-- integers beyond 2^53 compared with nearby floats
local big = (1 << 60) + 1
local fbig = 2.0^60
print(big == fbig, big > fbig, big - 1 == fbig, fbig < big, fbig <= big - 1)
-- table keys: floats with integral values are the same key as integers
local t = {}
t[1] = "int"
t[1.0] = "float"
print(t[1], #t)
t[2^53] = "big"
print(t[1 << 53], t[(1 << 53) + 0.0])
print(rawequal(1, 1.0), rawequal(0, -0.0), rawequal("1", 1))
print "OK"

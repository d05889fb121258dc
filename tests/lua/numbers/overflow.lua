-- integer overflow wraps around (two's complement)
local maxi, mini = math.maxinteger, math.mininteger
print(maxi + 1 == mini, mini - 1 == maxi, maxi * 2, mini * 2, -mini == mini)
print(maxi * maxi, mini * mini, maxi * mini)
print(math.abs(mini), math.abs(maxi), math.abs(-1), math.abs(-0.0))
print(mini // -1, mini % -1)
print(maxi + maxi, mini + mini)
-- the same operations with floats do not wrap
print(maxi + 1.0, mini - 1.0, maxi * 2.0)
-- ult compares as unsigned
print(math.ult(1, 2), math.ult(-1, 2), math.ult(2, -1), math.ult(mini, maxi))
-- multiplication by repeated addition agrees with wrapping multiply
local x, acc = 0x123456789, 0
for i = 1, 100000 do acc = acc + x end
print(acc == x * 100000, acc)
-- a hash-like computation that wraps
local h = 0
for i = 1, 200 do h = h * 31 + i end
print(h)
local h2 = 5381
for c in ("the quick brown fox"):gmatch(".") do h2 = (h2 << 5) + h2 + c:byte() end
print(h2)
print "OK"

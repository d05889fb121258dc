-- equality never converts between strings and numbers
print(1 == 1.0, 1 == "1", "1" == 1, 0 == -0.0, 0.5 == 1/2)
print(nil == false, false == false, nil == nil)
print("abc" == "abc", "abc" == "ABC", "" == "", "a\0" == "a")
local nan = 0/0
print(nan == nan, nan ~= nan, nan == 0/0)
local t1, t2 = {}, {}
print(t1 == t1, t1 == t2, t1 ~= t2)
local f = function() end
print(f == f, print == print, print == tostring)
print(math.maxinteger == math.maxinteger + 0.0, 2^53 == 2^53 + 1, math.tointeger(2^53) == 2^53)
print(9007199254740993 == 2^53 + 1, 9007199254740993 == 9007199254740992.0)
print(math.mininteger == -2^63, math.mininteger + 0.0 == -2^63)
print(1 ~= 1.0, "1" ~= 1, {} ~= {})
print(math.huge == math.huge, -math.huge == -math.huge, math.huge == -math.huge)
-- strings built differently are equal
local a = "hel" .. "lo"
local b = string.format("%s", "hello")
local c = ("olleh"):reverse()
print(a == b, b == c, a == "hello")
print "OK"

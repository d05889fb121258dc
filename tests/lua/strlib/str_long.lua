-- string functions on long strings
local s = string.rep("abc", 100000)
print(#s, s:sub(-3), s:byte(-1), s:find("cab", 299990, true))
print(s:find("d"), s:find("abcd", 1, true), #s:upper(), s:upper():sub(1, 6))
local r, n = s:gsub("b", "")
print(#r, n)
local count = 0
for _ in s:gmatch("ca") do count = count + 1 end
print(count)
print(#s:reverse(), s:reverse():sub(1, 6))
print(select(2, s:gsub("abc", "%0", 10)))
print(#string.rep("x", 1000000), #string.rep("xy", 100000, ","))
local t = {}
for i = 1, 10000 do t[i] = tostring(i) end
local joined = table.concat(t, ",")
print(#joined, joined:sub(1, 20), joined:match("9999,(%d+)$"))
local k = 0
for num in joined:gmatch("%d+") do k = k + 1 end
print(k)
local a = string.rep("a", 3000)
print(a:match(".-b"), #a:match("a*"), #a:match("a-$"))
print(string.rep("x", 2000):find(".-y"))
print "OK"

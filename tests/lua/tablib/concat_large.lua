-- table.concat building large strings
local t = {}
for i = 1, 100000 do t[i] = i % 10 end
local s = table.concat(t)
print(#s, s:sub(1, 20), s:sub(-5))
local s2 = table.concat(t, ", ")
print(#s2, s2:sub(1, 14))
local words = {}
for i = 1, 1000 do words[i] = ("w"):rep(i % 50) end
print(#table.concat(words, "|"))
print(#table.concat(t, "", 50001))
print(#table.concat(t, "ab", 99990, 100000))
print(pcall(table.concat, {}, "", 1, 2^63))
print(pcall(table.concat, {}, "", -2^63, 0))
print "OK"

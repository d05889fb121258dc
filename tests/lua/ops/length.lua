-- the length operator on strings and sequences
print(#"", #"a", #"hello", #"\0\0\0", #"\u{10FFFF}")
print(#{}, #{ 1 }, #{ 1, 2, 3 }, #{ n = 3 }, #{ 1, 2, 3, nil })
local t = {}
for i = 1, 100 do t[i] = i end
print(#t)
t[#t] = nil
print(#t)
t[#t + 1] = "x"
print(#t)
for i = 1, 50 do t[#t] = nil end
print(#t)
local s = {}
s[1] = 1
print(#s)
local big = {}
for i = 1, 10000 do big[#big + 1] = i end
print(#big)
-- a table built by table.insert
local ins = {}
for i = 1, 10 do table.insert(ins, i) end
print(#ins)
-- errors
print(pcall(function() return #nil end))
print(pcall(function() return #5 end))
print(pcall(function() local n = 1.5 return #n end))
print(pcall(function() return #print end))
print(pcall(function() local t = {} return #t.x end))
print "OK"

-- table functions near integer limits and with unusual keys
local big = math.maxinteger
local t = {}
t[big] = "last"
print(table.concat(t, ",", big, big))
print(table.unpack(t, big, big))
print(table.move(t, big, big, 1)[1])
local n = {}
n[math.mininteger] = "first"
print(table.concat(n, ",", math.mininteger, math.mininteger))
print(table.unpack(n, math.mininteger, math.mininteger))
-- insert/remove with __len near the top
local top = setmetatable({}, {__len = function() return big - 1 end})
table.insert(top, "v")
print(rawget(top, big))
print(table.remove(top))
print(rawget(top, big - 1))
-- insert with float positions equal to integers
local f = {1, 2, 3}
table.insert(f, 2.0, "x")
print(table.concat(f, " "))
print(pcall(table.insert, f, 2^53, "y"))
-- concat of numbers uses %.14g for floats and integer formatting for integers
print(table.concat({0.1, 1/3, 100, 2^63, -0.0, 1e15, 1e16}, " "))
-- unpack with holes reports nil for missing
print(table.unpack({1, nil, 3, nil, 5}, 1, 5))
-- remove at pos = #t + 1 returns t[#t+1]
local r = {1, 2}
r[3] = nil
print(table.remove(r, 3), #r)
print "OK"

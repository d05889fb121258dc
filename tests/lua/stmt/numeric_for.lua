-- numeric for with integers
local function collect(a, b, c)
  local t = {}
  if c then
    for i = a, b, c do t[#t + 1] = i end
  else
    for i = a, b do t[#t + 1] = i end
  end
  return table.concat(t, ",")
end
print(collect(1, 5))
print(collect(5, 1))
print(collect(5, 1, -1))
print(collect(1, 10, 3))
print(collect(10, 1, -3))
print(collect(0, 0))
print(collect(-3, 3, 2))
print(collect(1, 0))
-- the limit and step are evaluated once
local calls = 0
local function lim() calls = calls + 1; return 3 end
for i = 1, lim() do end
print(calls)
-- assigning the control variable does not change the iteration
local seen = {}
for i = 1, 3 do
  seen[#seen + 1] = i
  i = i * 10
end
print(table.concat(seen, ","))
-- integer loops keep integers
for i = 1, 2 do print(i, math.type(i)) end
-- a float limit with an integer start still gives integers
for i = 1, 2.5 do print(i, math.type(i)) end
for i = 3, 1.5, -1 do print(i, math.type(i)) end
-- huge limits are clipped
-- (5.3 does not guard the increment against overflow: the loops break before the edge)
local c, last = 0
for i = math.maxinteger - 10, math.huge do c = c + 1; last = i; if c == 3 then break end end
print(c, last, math.type(last))
c = 0
for i = math.mininteger + 10, -math.huge, -1 do c = c + 1; last = i; if c == 3 then break end end
print(c, last, math.type(last))
c = 0
for i = 1, 1e300 do c = c + 1; if c == 5 then break end end
print(c)
c = 0
for i = 1, -math.huge do c = c + 1 end
print(c)
-- loops ending exactly at maxinteger and mininteger
c = 0
for i = math.maxinteger - 3, math.maxinteger - 1 do c = c + 1 end
print(c)
c = 0
for i = math.mininteger + 3, math.mininteger + 1, -1 do c = c + 1 end
print(c)
print "OK"

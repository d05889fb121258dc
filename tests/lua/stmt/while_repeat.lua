-- while and repeat loops
local i, s = 0, 0
while i < 10 do
  i = i + 1
  s = s + i
end
print(i, s)
-- condition false from the start
local ran = false
while false do ran = true end
print(ran)
-- repeat runs at least once
local r = 0
repeat r = r + 1 until true
print(r)
-- break leaves the innermost loop only
local out = {}
for a = 1, 3 do
  local b = 0
  while true do
    b = b + 1
    if b > a then break end
    out[#out + 1] = a .. ":" .. b
  end
end
print(table.concat(out, " "))
-- break inside repeat
local n = 0
repeat
  n = n + 1
  if n == 5 then break end
until false
print(n)
-- any value is a condition: only nil and false are false
local vals = { 0, "", {}, false, nil }
for idx = 1, 5 do
  local v = vals[idx]
  local taken = false
  while v do taken = true; break end
  print(idx, taken)
end
-- the loop condition is re-evaluated each time
local t = { 1, 2, 3 }
local total = 0
while #t > 0 do total = total + table.remove(t) end
print(total)
print "OK"

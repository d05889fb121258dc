-- the loop variable type follows the start and step
local function types(a, b, c)
  local t = {}
  for i = a, b, c do t[#t + 1] = math.type(i) .. ":" .. tostring(i) end
  return table.concat(t, " ")
end
print(types(1, 3, 1))
print(types(1.0, 3, 1))
print(types(1, 3.0, 1))
print(types(1, 3, 1.0))
print(types(3, 1, -1))
print(types(0.5, 2, 0.5))
print(types(1, 2.9, 1))
print(types(-1, -2.5, -1))
print(types(1, 1, 1))
-- (5.3 has no overflow check in the loop increment: stay away from maxinteger)
print(types(math.mininteger, math.mininteger + 1, 1))
print(types(1, 0, 1) == "")
print(types(3, 1, math.mininteger))
print "OK"

-- varargs: ..., select, table.pack
local function count(...) return select("#", ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil))
local function pass(...) return ... end
print(pass(1, 2, 3))
print(pass())
print((pass(1, 2, 3)))
local function first(...) local a = ... return a end
print(first(9, 8, 7))
local function tbl(...) return { ... } end
print(#tbl(1, 2, 3), #tbl())
local function middle(...) return 0, ..., 4 end
print(middle(1, 2, 3))
local function vararg_in_middle(...) return ..., "end" end
print(vararg_in_middle(1, 2))
-- named parameters plus varargs
local function named(a, b, ...)
  return a, b, select("#", ...), ...
end
print(named())
print(named(1))
print(named(1, 2, 3, 4))
-- varargs in nested functions must be passed explicitly
local function outer(...)
  local args = table.pack(...)
  return function() return table.unpack(args, 1, args.n) end
end
print(outer(1, nil, 3)())
-- many arguments
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + select(i, ...) end
  return s
end
print(sum(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
local big = {}
for i = 1, 200 do big[i] = i end
print(sum(table.unpack(big)), count(table.unpack(big)))
-- varargs in the main chunk are the script arguments
print(select("#", ...))
print "OK"

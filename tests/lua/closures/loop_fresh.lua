-- each loop iteration has fresh locals
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
fs = {}
for _, v in ipairs({ "a", "b", "c" }) do fs[#fs + 1] = function() return v end end
print(fs[1](), fs[2](), fs[3]())
fs = {}
local j = 0
while j < 3 do
  j = j + 1
  local k = j * 10
  fs[j] = function() k = k + 1; return k end
end
print(fs[1](), fs[1](), fs[2](), fs[3]())
fs = {}
local r = 0
repeat
  r = r + 1
  local captured = r
  fs[r] = function() return captured end
until r == 3
print(fs[1](), fs[2](), fs[3]())
-- a local declared before the loop is shared by all iterations
fs = {}
local shared = 0
for i = 1, 3 do fs[i] = function() shared = shared + i; return shared end end
print(fs[1](), fs[2](), fs[3]())
-- closures in nested loops
fs = {}
for a = 1, 2 do
  for b = 1, 2 do fs[#fs + 1] = function() return a * 10 + b end end
end
local out = {}
for n = 1, #fs do out[n] = fs[n]() end
print(table.concat(out, " "))
-- changing the loop copy inside the closure does not affect the loop
local seen = {}
for i = 1, 3 do
  local f = function() i = i + 100; return i end
  seen[#seen + 1] = f()
end
print(table.concat(seen, " "))
print "OK"

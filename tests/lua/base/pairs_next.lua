-- pairs returns next, the table and nil
local t = { 1, 2, x = 3 }
local f, s, c = pairs(t)
print(f == next, s == t, c)
-- pairs accepts any value in 5.3 (the error comes from next)
print(pcall(pairs))
print(pcall(function() for k in pairs(nil) do end end))
print(pcall(function() for k in pairs(1) do end end))
-- sum via pairs: order independent
local sum = 0
for k, v in pairs({ 10, 20, 30, a = 40, b = 50 }) do sum = sum + v end
print(sum)
-- next on an empty table and on a one-element table
print(next({}))
print(next({ "only" }))
print(next({ "only" }, 1))
local one = { key = "value" }
print(next(one))
print(next(one, "key"))
-- traversal covers every key exactly once
local many = {}
for i = 1, 100 do many[i] = i; many["s" .. i] = i end
local seen, count = {}, 0
for k in pairs(many) do
  assert(not seen[k]); seen[k] = true; count = count + 1
end
print(count)
print "OK"

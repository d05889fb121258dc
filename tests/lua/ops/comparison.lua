-- order comparisons: numbers with numbers, strings with strings
local function cmp(a, b)
  return tostring(a < b) .. " " .. tostring(a <= b) .. " " .. tostring(a > b) .. " " .. tostring(a >= b)
end
print(cmp(1, 2), cmp(2, 1), cmp(1, 1))
print(cmp(1, 1.5), cmp(1.5, 1), cmp(1, 1.0))
print(cmp(-0.0, 0), cmp(math.huge, math.maxinteger), cmp(-math.huge, math.mininteger))
print(cmp(0/0, 1), cmp(1, 0/0), cmp(0/0, 0/0))
print(cmp("a", "b"), cmp("a", "a"), cmp("", "a"))
print(cmp("Z", "a"), cmp("abc", "abd"), cmp("ab", "abc"))
print(cmp("a\0b", "a\0c"), cmp("a\0", "a"), cmp("\255", "\0"))
print(cmp("10", "9"), cmp("2", "10"))
-- errors
local function try(f)
  local ok, err = pcall(f)
  print(ok, err)
end
try(function() return 1 < "2" end)
try(function() return "1" < 2 end)
try(function() return 1 < nil end)
try(function() return nil < 1 end)
try(function() return {} < {} end)
try(function() return {} <= 1 end)
try(function() return true > false end)
try(function() return print < print end)
try(function() local t = {} return t > 1 end)
try(function() return "a" >= {} end)
print "OK"

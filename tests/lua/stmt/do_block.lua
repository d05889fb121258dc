-- do blocks limit scope and can hold returns
local a = 1
do
  local a = 2
  do
    local a = 3
    print(a)
  end
  print(a)
end
print(a)
-- closures capture the right instance
local fs = {}
do
  local v = "first"
  fs[1] = function() return v end
end
do
  local v = "second"
  fs[2] = function() return v end
end
print(fs[1](), fs[2]())
-- many sequential blocks reuse registers correctly
local sum = 0
do local x = 1; sum = sum + x end
do local y = 2; sum = sum + y end
do local z, w = 3, 4; sum = sum + z + w end
print(sum)
print "OK"

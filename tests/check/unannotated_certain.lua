local n = nil
print(n.x)                      --! E0007 attempt to index a nil value
local b = true
print(b + 1)                    --! E0007 attempt to perform arithmetic on a boolean value
local k = 5
k()                             --! E0007 attempt to call a number value
print(#k)                       --! E0007 attempt to get length of a number value
print("a" .. {})

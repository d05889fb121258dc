-- expect: ok
local v: any = "x"
local n = v :: integer
print(n)

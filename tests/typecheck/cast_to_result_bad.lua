-- expect: error 3: local 's': expected string, got integer
local v: any = "x"
local s: string = v :: integer
print(s)

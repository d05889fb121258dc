-- expect: error 2: map key: expected string, got integer
local m: {[string]: boolean} = {[1] = true, ok = false}
print(m)

-- expect: error 3: attempt to call a number value ('n')
local n: number = 1
n()

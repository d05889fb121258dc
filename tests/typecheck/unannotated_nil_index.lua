-- expect: error 3: attempt to index a nil value
local t = nil
t.x = 1

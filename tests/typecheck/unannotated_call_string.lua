-- expect: error 3: attempt to call a string value ('s')
local s = "x"
s()

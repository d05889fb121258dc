-- expect: ok
local t = {}
local v = t.missing
print(v and v.x)
